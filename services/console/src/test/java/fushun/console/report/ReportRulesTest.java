package fushun.console.report;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.console.report.ReportRules.MonitoringFact;
import fushun.console.report.ReportRules.Standing;
import fushun.console.report.ReportRules.Timeliness;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The December report's rules, by tables of hand-worked cases. */
class ReportRulesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "NULL", value = {
            "王秀兰, 王**",
            "赵明, 赵**",
            "欧阳娜娜, 欧**",
            "李, 李**",
            "' 张三 ', 张**",
            "NULL, NULL",
            "'  ', NULL"})
    void shouldKeepOnlyTheFirstCharacterAndAFixedMaskWhateverTheNamesLength(String name, String masked) {
        assertThat(ReportRules.maskName(name)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "人均纯收入 7000 低于监测线 monitoring.line[*]@2026-01-01 的 1.5 倍（monitoring.margin-ratio[*]@2021-01-01）| monitoring.line[*]@2026-01-01;monitoring.margin-ratio[*]@2021-01-01",
            "monitoring.line[210422]@2026-01-01 与 monitoring.line[210422]@2026-01-01 | monitoring.line[210422]@2026-01-01",
            "没有参数 | ''",
            "NULL | ''",
            "line[*]@2026-1-1 不是完整日期 | ''"})
    void shouldFindEachParameterVersionAnExplanationCitesOnce(String explanation, String versions) {
        List<String> expected = versions.isEmpty() ? List.of() : Arrays.asList(versions.split(";"));
        assertThat(ReportRules.parameterVersions(explanation)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "due {0}, closed {1}, cut-off {2} → {3}")
    @CsvSource(nullValues = "NULL", value = {
            "2026-05-05, 2026-05-05, 2026-12-02, ON_TIME",
            "2026-05-05, 2026-05-01, 2026-12-02, ON_TIME",
            "2026-05-05, 2026-05-06, 2026-12-02, LATE",
            "2026-05-05, NULL,       2026-12-02, OVERDUE",
            "2026-05-05, NULL,       2026-05-05, OPEN",
            "2026-05-05, NULL,       2026-05-06, OVERDUE",
            // closed after the cut-off: on the cut-off day it was still open
            "2026-05-05, 2026-12-20, 2026-12-02, OVERDUE",
            "2026-12-20, 2026-12-21, 2026-12-02, OPEN"})
    void shouldPlaceAnAssignmentByItsDeadlineAndClosingOnTheCutoffDay(LocalDate due, LocalDate closed, LocalDate cutoff,
                                                                     Timeliness expected) {
        assertThat(ReportRules.timeliness(due, closed, cutoff)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} until {1} → {2}")
    @CsvSource({
            "IDENTIFIED@2026-02-10,                                                   2026-12-01, MONITORED",
            "IDENTIFIED@2026-02-10;ELIMINATED@2026-09-01,                             2026-12-01, ELIMINATED",
            "IDENTIFIED@2026-02-10;ELIMINATED@2026-09-01,                             2026-08-31, MONITORED",
            "ROLLED_BACK@2026-06-01;IDENTIFIED@2025-11-20;ELIMINATED@2026-03-01,      2026-12-01, MONITORED",
            "ELIMINATED@2026-03-01;IDENTIFIED@2025-11-20,                             2026-12-01, ELIMINATED",
            "IDENTIFIED@2026-12-05,                                                   2026-12-01, NOT_MONITORED"})
    void shouldTakeAHouseholdsStandingFromItsFactsInTimeOrderWhateverTheirArrival(String facts, LocalDate until,
                                                                                  Standing expected) {
        List<MonitoringFact> list = Arrays.stream(facts.split(";")).map(f -> f.split("@"))
                .map(f -> new MonitoringFact(f[0], Instant.parse(f[1] + "T02:00:00Z"))).toList();
        assertThat(ReportRules.standing(list, Instant.parse(until + "T16:00:00Z"))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in {1} → {2}")
    @CsvSource({"1201, 2026, 2026-12-01", "1210, 2026, 2026-12-10", "1115, 2025, 2025-11-15"})
    void shouldReadAMonthDayParameterAsTheYearsDate(BigDecimal monthDay, int year, LocalDate expected) {
        assertThat(ReportRules.dateOf(year, monthDay)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on {1} → {2}")
    @CsvSource({"2026, 2026-12-02, 2026-12-02", "2025, 2026-12-02, 2025-12-31", "2026, 2026-12-31, 2026-12-31"})
    void shouldCountAYearUpToTodayWhileItRunsAndToItsEndAfterwards(int year, LocalDate today, LocalDate cutoff) {
        assertThat(ReportRules.cutoff(year, today)).isEqualTo(cutoff);
    }

    @ParameterizedTest(name = "deadline {0}, today {1}, submitted {2} → late {3}")
    @CsvSource(nullValues = "NULL", value = {
            "2026-12-10, 2026-12-02, NULL,       false",
            "2026-12-10, 2026-12-10, NULL,       false",
            "2026-12-10, 2026-12-11, NULL,       true",
            "2026-12-10, 2026-12-20, 2026-12-10, false",
            "2026-12-10, 2026-12-20, 2026-12-11, true"})
    void shouldCallAReportLateWhenTheDeadlinePassedWithoutItOrBeforeIt(LocalDate deadline, LocalDate today,
                                                                       LocalDate submitted, boolean late) {
        assertThat(ReportRules.late(deadline, today, submitted)).isEqualTo(late);
    }

    @Test
    void shouldStartAndEndDaysInChinaNotUtc() {
        assertThat(ReportRules.startOf(2026)).isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
        assertThat(ReportRules.endOf(LocalDate.of(2026, 12, 2))).isEqualTo(Instant.parse("2026-12-02T16:00:00Z"));
    }

    @ParameterizedTest(name = "{0} city={1} late={2} missing={3} → {4}")
    @CsvSource(value = {
            "210422, false, '', '', 按时",
            "210422, false, 210422, '', 逾期",
            "210422, false, 210423, '', 按时",
            "210422, false, 210422, 210422, 缺报",
            "210422, false, '', 210423, 按时",
            "2104, true, '', '', 按时",
            "2104, true, 210423, '', 逾期",
            "2104, true, 210423, 210424, 缺报"})
    void shouldStateABureausMonthForTheScope(String scope, boolean city, String late, String missing, String state) {
        assertThat(ReportRules.feedState(scope, city, late.isEmpty() ? List.of() : List.of(late.split(";")),
                missing.isEmpty() ? List.of() : List.of(missing.split(";")))).isEqualTo(state);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "a county's month                  | 210422 | 2026-11 | DIBAO                  | 农村低保金 | 42 | 97     | 38412.50 | true",
            "a township's fund                 | 210422 | 2026-11 | TEMPORARY_AID:210422100 | 临时救助 | 3 | 0  | 7500     | true",
            "nothing paid                      | 210423 | 2026-01 | NULL                   | NULL     | 0  | 0  | 0        | true",
            "a county outside Fushun           | 110101 | 2026-11 | DIBAO                  | 低保     | 1  | 1  | 1        | false",
            "a village for a county            | 210422100201 | 2026-11 | DIBAO            | 低保     | 1  | 1  | 1        | false",
            "a thirteenth month                | 210422 | 2026-13 | DIBAO                  | 低保     | 1  | 1  | 1        | false",
            "a code in lower case              | 210422 | 2026-11 | dibao                  | 低保     | 1  | 1  | 1        | false",
            "free text for a code              | 210422 | 2026-11 | 'DIBAO; drop table'    | 低保     | 1  | 1  | 1        | false",
            "no name                           | 210422 | 2026-11 | DIBAO                  | ' '      | 1  | 1  | 1        | false",
            "negative households               | 210422 | 2026-11 | DIBAO                  | 低保     | -1 | 1  | 1        | false",
            "a negative amount                 | 210422 | 2026-11 | DIBAO                  | 低保     | 1  | 1  | -0.01    | false",
            "fractions of a fen                | 210422 | 2026-11 | DIBAO                  | 低保     | 1  | 1  | 0.001    | false"})
    void shouldAcceptMonthlyTotalsOnlyInTheirContractsShape(String why, String county, String month, String code, String label,
                                                          long households, long persons, BigDecimal amount, boolean accepted) {
        List<fushun.contracts.feed.MonthlyTotals.Item> items = code == null ? List.of()
                : List.of(new fushun.contracts.feed.MonthlyTotals.Item(code, label, households, persons, amount));
        assertThat(ReportRules.isMonthlyTotals(new fushun.contracts.feed.MonthlyTotals(fushun.contracts.Bureau.CIVIL_AFFAIRS,
                county, month, items, Instant.parse("2026-11-28T08:00:00Z")))).isEqualTo(accepted);
    }

    @Test
    void shouldRefuseTheSameKindOfPaymentTwiceInOneMonth() {
        var once = new fushun.contracts.feed.MonthlyTotals.Item("DIBAO", "农村低保金", 1, 2, new BigDecimal("500.00"));
        assertThat(ReportRules.isMonthlyTotals(new fushun.contracts.feed.MonthlyTotals(fushun.contracts.Bureau.CIVIL_AFFAIRS,
                "210422", "2026-11", List.of(once, once), Instant.parse("2026-11-28T08:00:00Z")))).isFalse();
    }
}
