package fushun.console.report;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.console.report.ReportRules.Entry;
import fushun.console.report.ReportRules.ProcedureDeadline;
import fushun.console.report.ReportRules.ProcedureTiming;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The procedure's timeliness in the December report, by hand-worked cases (instants in UTC, days in China). */
class ProcedureTimingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "NULL", value = {
            // case | first clue | village | township | county | due | deadline | clue→village | village→township | township→county | clue→county
            "steps of whole days, on time | 2026-03-02T02:00:00Z | 2026-03-04T02:00:00Z | 2026-03-09T02:00:00Z | 2026-03-11T02:00:00Z | 2026-03-17 | ON_TIME | 2 | 5 | 2 | 9",
            "confirmed at 23:59 in China on the due day | 2026-03-02T02:00:00Z | 2026-03-04T02:00:00Z | 2026-03-09T02:00:00Z | 2026-03-17T15:59:00Z | 2026-03-17 | ON_TIME | 2 | 5 | 8 | 15",
            "confirmed after midnight in China, still the due day in UTC | 2026-03-02T02:00:00Z | 2026-03-04T02:00:00Z | 2026-03-09T02:00:00Z | 2026-03-17T16:30:00Z | 2026-03-17 | LATE | 2 | 5 | 9 | 16",
            "green channel: village and township the clue's day | 2026-07-10T00:00:00Z | 2026-07-10T01:00:00Z | 2026-07-10T05:00:00Z | 2026-07-11T02:00:00Z | 2026-07-25 | ON_TIME | 0 | 0 | 1 | 1",
            "a step across China's midnight, the same UTC day | 2026-03-01T15:00:00Z | 2026-03-01T17:00:00Z | 2026-03-05T02:00:00Z | 2026-03-06T02:00:00Z | 2026-03-16 | ON_TIME | 1 | 3 | 1 | 5",
            "late by weeks | 2026-03-15T02:00:00Z | 2026-03-18T02:00:00Z | 2026-03-25T02:00:00Z | 2026-04-03T02:00:00Z | 2026-03-30 | LATE | 3 | 7 | 9 | 19",
            "no village approval on record | 2026-03-02T02:00:00Z | NULL | 2026-03-09T02:00:00Z | 2026-03-11T02:00:00Z | 2026-03-17 | ON_TIME | NULL | NULL | 2 | 9",
            "an event written before the fields | NULL | NULL | NULL | 2026-03-11T02:00:00Z | NULL | NOT_CARRIED | NULL | NULL | NULL | NULL"},
            delimiter = '|')
    void shouldPlaceAConfirmationByItsDeadlineAndCountEachStepsChinaDays(String name, Instant clue, Instant village,
            Instant township, Instant county, LocalDate due, ProcedureDeadline deadline, Long clueToVillage,
            Long villageToTownship, Long townshipToCounty, Long clueToCounty) {
        assertThat(ReportRules.procedureTiming(clue, village, township, county, due)).isEqualTo(
                new ProcedureTiming(deadline, clueToVillage, villageToTownship, townshipToCounty, clueToCounty));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "NULL", value = {
            "2;3;0, 1.67",
            "2;5;2, 3.00",
            "1;2, 1.50",
            "NULL;4, 4.00",
            "'', NULL",
            "NULL;NULL, NULL"})
    void shouldAverageOnlyTheMeasuredDaysWithTwoDecimals(String days, BigDecimal average) {
        List<Long> values = days.isEmpty() ? List.of() : Arrays.stream(days.split(";"))
                .map(d -> d.equals("NULL") ? null : Long.valueOf(d)).toList();
        assertThat(ReportRules.averageDays(values)).isEqualTo(average);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "NULL", value = {
            "OUT_OF_POVERTY, RETURN_RISK",
            "UNSTABLE_OUT_OF_POVERTY, RETURN_RISK",
            "ORDINARY, NEW_RISK",
            "MARGINAL, NEW_RISK",
            "SUDDEN_SEVERE_DIFFICULTY, NEW_RISK",
            "NULL, NOT_CARRIED",
            "NOT_A_CATEGORY, NOT_CARRIED"})
    void shouldSayWhyAHouseholdCameUnderMonitoringByItsCategoryBefore(String previous, Entry entry) {
        assertThat(ReportRules.entry(previous)).isEqualTo(entry);
    }
}
