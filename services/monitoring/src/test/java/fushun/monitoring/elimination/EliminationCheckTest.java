package fushun.monitoring.elimination;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.platform.policy.PolicyValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EliminationCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final fushun.monitoring.income.MonitoringLine.YearLine LINE = fushun.monitoring.income.MonitoringLine
            .forYear(2026, new PolicyValue("monitoring.line", "*", LocalDate.of(2026, 1, 1), new BigDecimal("10629.37")), null)
            .orElseThrow();
    private static final PolicyValue SIX = new PolicyValue("monitoring.elimination.min-months-monitored", "*", LocalDate.of(2021, 1, 1), new BigDecimal("6"));
    private static final PolicyValue SIX_ABOVE = new PolicyValue("monitoring.elimination.min-months-above-line", "*", LocalDate.of(2021, 1, 1), new BigDecimal("6"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
            "all met, 2026-05-30, 1, 10629.37, null, 0, 1, true, ''",
            "monitored exactly six months, 2026-05-30, 1, 20000.00, null, 0, 1, true, ''",
            "monitored a day short, 2026-06-01, 1, 20000.00, null, 0, 1, false, MONITORED",
            // calendar months: 31 May + 6 months is 30 November (the month's last day)
            "monitored since a month end, 2026-05-31, 1, 20000.00, null, 0, 1, true, ''",
            "not monitored at all, null, 1, 20000.00, null, 0, 1, false, MONITORED",
            "no measure delivered, 2026-01-01, 0, 20000.00, null, 0, 1, false, MEASURE",
            "income a fen below the line, 2026-01-01, 1, 10629.36, null, 0, 1, false, INCOME",
            "no income recorded, 2026-01-01, 1, null, null, 0, 1, false, INCOME",
            "income drop exactly six months ago, 2026-01-01, 1, 20000.00, 2026-05-30, 0, 1, true, ''",
            "income drop a day too recent, 2026-01-01, 1, 20000.00, 2026-06-01, 0, 1, false, INCOME_STABLE",
            "an assignment still open, 2026-01-01, 1, 20000.00, null, 1, 1, false, OPEN_RISK",
            "nobody able to work, 2026-01-01, 1, 20000.00, null, 0, 0, false, LABOUR"})
    void shouldCheckEveryPreconditionOnItsEdge(String name, LocalDate since, long measures, BigDecimal perCapita, LocalDate drop,
                                              long open, long ableToWork, boolean eligible, String failed) {
        EliminationCheck.Result result = EliminationCheck.check(new EliminationCheck.Inputs(TODAY, since, measures,
                perCapita == null ? null : 2026, perCapita, LINE, drop, open, ableToWork, SIX, SIX_ABOVE));

        assertThat(result.eligible()).isEqualTo(eligible);
        if (eligible) {
            assertThat(result.failures()).isEmpty();
        } else {
            assertThat(result.failures()).extracting(EliminationCheck.Failure::precondition).containsExactly(failed);
        }
        assertThat(result.parameterVersions()).contains("monitoring.elimination.min-months-monitored[*]@2021-01-01");
    }
}
