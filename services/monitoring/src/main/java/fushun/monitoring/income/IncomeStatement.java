package fushun.monitoring.income;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** A household's net income for a year, and what it means per person. */
public record IncomeStatement(int year, Map<IncomeComponent, BigDecimal> components, int members) {

    public BigDecimal total() {
        return components.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }

    /** Total over members, to the fen, half up. A household has at least one member. */
    public BigDecimal perCapita() {
        if (members < 1) {
            throw new IllegalStateException("a household has at least one member");
        }
        return total().divide(BigDecimal.valueOf(members), 2, RoundingMode.HALF_UP);
    }
}
