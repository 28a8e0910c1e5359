package fushun.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlausibleDateTest {

    /** 2026-06-15 00:30 in China, still 06-14 in UTC: "today" must be China's. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-14T16:30:00Z"), ZoneOffset.UTC);

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .clockProvider(() -> CLOCK).buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    record Visit(@PlausibleDate(notBefore = PlausibleDate.MONITORING_ERA) LocalDate visitedOn) {
    }

    record Change(@PlausibleDate(notBefore = PlausibleDate.MONITORING_ERA, maxDaysAhead = 730) LocalDate effectiveFrom) {
    }

    record Attendance(@PlausibleDate YearMonth month) {
    }

    record Income(@PlausibleYear int year) {
    }

    record Custom(@PlausibleDate(message = "走访日期无效") LocalDate on) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2026-06-15, true,  today in China",
            "2026-06-16, false, tomorrow",
            "2021-01-01, true,  the first day of the monitoring",
            "2020-12-31, false, before the monitoring",
            "0000-01-01, false, year 0",
            "9999-12-31, false, far future"})
    void shouldAcceptOnlyDaysBetweenTheBoundsWhenAnEventHappened(LocalDate day, boolean valid, String why) {
        assertThat(VALIDATOR.validate(new Visit(day)).isEmpty()).as(why).isEqualTo(valid);
    }

    @Test
    void shouldAcceptAPlannedDayWithinItsDaysAhead() {
        assertThat(VALIDATOR.validate(new Change(LocalDate.of(2028, 6, 14)))).isEmpty();
        assertThat(messages(VALIDATOR.validate(new Change(LocalDate.of(2028, 6, 15))))).containsExactly("日期不能晚于今天之后730天");
    }

    @Test
    void shouldNameTheBoundCrossedWhenNoMessageIsGiven() {
        assertThat(messages(VALIDATOR.validate(new Visit(LocalDate.of(2026, 6, 16))))).containsExactly("日期不能晚于今天");
        assertThat(messages(VALIDATOR.validate(new Visit(LocalDate.of(2020, 1, 1))))).containsExactly("日期不能早于2021-01-01");
        assertThat(messages(VALIDATOR.validate(new Custom(LocalDate.of(2013, 12, 31))))).containsExactly("走访日期无效");
    }

    @Test
    void shouldTakeAMonthByItsFirstDayWhenTheFieldIsAYearMonth() {
        assertThat(VALIDATOR.validate(new Attendance(YearMonth.of(2026, 6)))).isEmpty();
        assertThat(messages(VALIDATOR.validate(new Attendance(YearMonth.of(2026, 7))))).containsExactly("月份不能晚于本月");
        assertThat(messages(VALIDATOR.validate(new Attendance(YearMonth.of(2013, 12))))).containsExactly("月份不能早于2014-01");
        assertThat(VALIDATOR.validate(new Attendance(null))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"2021, true", "2020, false", "2026, true", "2027, true", "2028, false", "0, false"})
    void shouldAcceptIncomeYearsFrom2021ToNextYear(int year, boolean valid) {
        assertThat(VALIDATOR.validate(new Income(year)).isEmpty()).isEqualTo(valid);
    }

    private static List<String> messages(java.util.Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(ConstraintViolation::getMessage).toList();
    }
}
