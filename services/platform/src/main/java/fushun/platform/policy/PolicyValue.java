package fushun.platform.policy;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One parameter value in force from a date, for a scope (a county code, or {@code *} for all). */
public record PolicyValue(String name, String scope, LocalDate effectiveFrom, BigDecimal value) {

    /** What a decision records to say which parameter it used, e.g. {@code medical.x[*]@2021-01-01}. */
    public String version() {
        return name + "[" + scope + "]@" + effectiveFrom;
    }
}
