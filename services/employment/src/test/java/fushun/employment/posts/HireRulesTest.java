package fushun.employment.posts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fushun.platform.web.RuleViolationException;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HireRulesTest {

    @ParameterizedTest(name = "{0} {1} {2} on a post of {3}: {4}")
    @CsvSource(nullValues = "-", value = {
            // an able member of the household, in the post's county (210422 新宾)
            "ACTIVE, FULL,    210422100201, 210422100202, -",
            "ACTIVE, PARTIAL, 210422101201, 210422100202, -",
            // left the household: refused first, whatever else
            "LEFT,   FULL,    210422100201, 210422100202, 已离户",
            "LEFT,   NONE,    210423100201, 210422100202, 已离户",
            // unable to work
            "ACTIVE, NONE,    210422100201, 210422100202, 无劳动能力",
            // another county (210423 清原)
            "ACTIVE, FULL,    210423100201, 210422100202, 不在本县区"})
    void shouldHireOnlyAnAbleMemberOfThePostsCountyWhenEligible(String memberStatus, String capacity, String personDivision,
                                                               String postDivision, String refusal) {
        expect(() -> HireRules.requireEligible(memberStatus, capacity, personDivision, postDivision), refusal);
    }

    @ParameterizedTest(name = "{0} seats, {1} holders: {2}")
    @CsvSource(nullValues = "-", value = {
            "3, 0, -",
            "3, 2, -",
            // never beyond the seats
            "3, 3, 岗位已满",
            "2, 5, 岗位已满",
            "0, 0, 岗位已满"})
    void shouldNeverHireBeyondTheSeatsWhenFull(int seats, long holders, String refusal) {
        expect(() -> HireRules.requireFreeSeat(seats, holders), refusal);
    }

    @ParameterizedTest(name = "hired {0}, last exit {1}, posts held {2}: {3}")
    @CsvSource(nullValues = "-", value = {
            "2026-03-01, -,          0, -",
            "2026-03-02, 2026-03-01, 0, -",
            // on the day of the last exit or before: that month could be paid twice
            "2026-03-01, 2026-03-01, 0, 日期有误",
            "2026-02-01, 2026-03-01, 0, 日期有误",
            // one post at a time
            "2026-03-01, -,          1, 已在岗",
            // a date before the last exit is named first
            "2026-02-01, 2026-03-01, 1, 日期有误"})
    void shouldHoldOnePostAtATimeWhenHiringAgain(LocalDate hiredOn, LocalDate lastExit, long held, String refusal) {
        expect(() -> HireRules.requireTurn(hiredOn, lastExit, held), refusal);
    }

    @ParameterizedTest(name = "{0} (today {1}), on the post {2} to {3}: {4}")
    @CsvSource(nullValues = "-", value = {
            "2026-03, 2026-03-15, 2026-03-20, -,          -",
            "2026-02, 2026-03-15, 2026-01-10, 2026-02-01, -",
            // the month of the exit is paid, the one after is not
            "2026-03, 2026-04-01, 2026-01-10, 2026-02-28, 不在岗",
            // before the hire's month
            "2025-12, 2026-03-15, 2026-01-10, -,          不在岗",
            // a month to come, named before anything else
            "2026-04, 2026-03-31, 2026-01-10, -,          月份未到"})
    void shouldPayOnlyMonthsThatCameAndWereOnThePostWhenRecordingAttendance(YearMonth month, LocalDate today,
                                                                           LocalDate hiredOn, LocalDate exitedOn,
                                                                           String refusal) {
        expect(() -> HireRules.requirePayableMonth(month, today, hiredOn, exitedOn), refusal);
    }

    private static void expect(Executable check, String refusal) {
        if (refusal == null) {
            assertThatCode(check::execute).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(check::execute).isInstanceOfSatisfying(RuleViolationException.class,
                    e -> org.assertj.core.api.Assertions.assertThat(e.title()).isEqualTo(refusal));
        }
    }
}
