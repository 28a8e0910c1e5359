package fushun.socialassistance.benefits;

import java.time.YearMonth;

/**
 * A payroll run paid at least one grant of {@code county} for {@code month}: the month's figures
 * changed. Announced inside the run's transaction, so whoever listens writes in it.
 *
 * @param county the six-digit county code the payroll was run for
 */
public record PayrollPaid(String county, YearMonth month) {
}
