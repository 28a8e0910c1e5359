package fushun.monitoring.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoticeRulesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"张三, 张*", "张小三, 张*三", "欧阳小三, 欧**三", "李, 李*", "'', *"})
    void shouldShowTheFamilyNameAndTheLastCharacterOnly(String name, String shown) {
        assertThat(NoticeRules.maskedName(name)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "posted {0} for {1} days -> ends {2}")
    @CsvSource({"2026-11-01, 5, 2026-11-05", "2026-11-28, 5, 2026-12-02", "2026-11-01, 1, 2026-11-01", "2026-11-01, 0, 2026-11-01"})
    void shouldCountThePostingDayAsTheFirst(LocalDate posted, int days, LocalDate ends) {
        assertThat(NoticeRules.endsOn(posted, days)).isEqualTo(ends);
    }

    @ParameterizedTest(name = "today {0}, ends {1}, {2} objections, green {3} -> township may decide: {4}")
    @CsvSource({
            "2026-11-05, 2026-11-05, 0, false, false",
            "2026-11-06, 2026-11-05, 0, false, true",
            "2026-11-06, 2026-11-05, 2, false, true",
            "2026-11-02, 2026-11-05, 0, true, true",
            "2026-11-02, 2026-11-05, 1, true, false",
            "2026-11-02, 2026-11-05, 0, false, false"})
    void shouldLetTheTownshipDecideAfterTheNoticeOrEarlyOnlyForAnUncontestedGreenChannel(
            LocalDate today, LocalDate ends, int objections, boolean green, boolean mayDecide) {
        assertThat(NoticeRules.townshipRefusal(today, ends, objections, green).isEmpty()).isEqualTo(mayDecide);
    }

    @ParameterizedTest(name = "received {0} within 11-01..11-05: {1}")
    @CsvSource({"2026-10-31, false", "2026-11-01, true", "2026-11-05, true", "2026-11-06, false"})
    void shouldTakeObjectionsOnlyDuringTheNotice(LocalDate received, boolean within) {
        assertThat(NoticeRules.withinNotice(received, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 5))).isEqualTo(within);
    }
}
