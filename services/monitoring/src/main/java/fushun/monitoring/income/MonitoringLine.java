package fushun.monitoring.income;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The monitoring line's rule: each year's line is the previous one grown by the annual rate,
 * rounded to the fen (half up). The values themselves are data (parameter {@code monitoring.line});
 * this rule is how an admin derives next year's value, and the tests check the data against it.
 */
public final class MonitoringLine {

    public static final String PARAMETER = "monitoring.line";
    public static final String GROWTH_PARAMETER = "monitoring.line.annual-growth";
    public static final String MARGIN_PARAMETER = "monitoring.margin-ratio";

    private MonitoringLine() {
    }

    public static BigDecimal nextYear(BigDecimal line, BigDecimal growth) {
        return line.multiply(BigDecimal.ONE.add(growth)).setScale(2, RoundingMode.HALF_UP);
    }

    /** The line {@code years} years after {@code base}, growing once a year. */
    public static BigDecimal after(BigDecimal base, BigDecimal growth, int years) {
        BigDecimal line = base.setScale(2, RoundingMode.HALF_UP);
        for (int i = 0; i < years; i++) {
            line = nextYear(line, growth);
        }
        return line;
    }
}
