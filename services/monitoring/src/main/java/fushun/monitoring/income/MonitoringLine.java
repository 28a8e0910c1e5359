package fushun.monitoring.income;

import fushun.platform.policy.PolicyValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The monitoring line's rule: each year's line is the previous one grown by the annual rate,
 * rounded to the fen (half up). The values themselves are data (parameter {@code monitoring.line});
 * this rule is how an admin derives next year's value, and the tests check the data against it.
 * <p>
 * A year's line ({@link #forYear}): the value set for that year; for a year after the last one set,
 * the last one grown by the annual rate for each year in between, marked 推算 (estimated) in its
 * version and explanation until an admin sets the year's value — never the old value silently
 * (§2(1)2: 以人均年纯收入6600元为基数、逐年增长10%为监测标准); before the first line (2021) there is
 * none, and the caller refuses the year.
 */
public final class MonitoringLine {

    public static final String PARAMETER = "monitoring.line";
    public static final String GROWTH_PARAMETER = "monitoring.line.annual-growth";
    public static final String MARGIN_PARAMETER = "monitoring.margin-ratio";

    private MonitoringLine() {
    }

    /**
     * A year's line as a decision uses it.
     *
     * @param basis     the stored value it comes from
     * @param growth    the annual growth it was carried forward with; null when the year's value is stored
     */
    public record YearLine(int year, BigDecimal value, PolicyValue basis, PolicyValue growth) {

        public boolean estimated() {
            return growth != null;
        }

        /** What a decision records: the stored value's version, or how the estimate was made. */
        public String version() {
            return estimated() ? basis.version() + "→" + year + "推算(" + growth.version() + ")" : basis.version();
        }

        /** The line as the explanations say it, e.g. "2027年监测线（推算）10629.37 元". */
        public String describe() {
            return year + "年监测线" + (estimated() ? "（推算）" : "") + " " + value.toPlainString() + " 元";
        }

        /** For an estimate, the sentence that says so; else empty. */
        public String note() {
            return estimated() ? "（" + year + "年监测线尚未设定，按" + basis.effectiveFrom().getYear() + "年监测线 "
                    + basis.value().setScale(2, RoundingMode.HALF_UP).toPlainString() + " 元逐年增长 "
                    + growth.value().movePointRight(2).stripTrailingZeros().toPlainString() + "% 推算）" : "";
        }
    }

    /**
     * The line for {@code year}.
     *
     * @param inForce the stored value in force on the day the decision looks at (in that year); null if none
     * @param growth  the annual growth in force on that day
     * @return empty when no line is in force (a year before the first line)
     */
    public static Optional<YearLine> forYear(int year, PolicyValue inForce, PolicyValue growth) {
        if (inForce == null) {
            return Optional.empty();
        }
        int storedYear = inForce.effectiveFrom().getYear();
        if (storedYear >= year) {
            return Optional.of(new YearLine(year, inForce.value().setScale(2, RoundingMode.HALF_UP), inForce, null));
        }
        return Optional.of(new YearLine(year, after(inForce.value(), growth.value(), year - storedYear), inForce, growth));
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
