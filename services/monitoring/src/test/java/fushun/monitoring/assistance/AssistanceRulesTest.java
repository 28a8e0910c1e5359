package fushun.monitoring.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.socialassistance.AssistanceStatusChanged.Programme;
import fushun.contracts.socialassistance.AssistanceStatusChanged.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssistanceRulesTest {

    @ParameterizedTest(name = "{0} 脱贫不享受政策户={1} dibao/特困={2}: {3}")
    @CsvSource({
            "ORDINARY,                 false, true,  true",
            "OUT_OF_POVERTY,           true,  true,  true",
            "ORDINARY,                 false, false, false",
            "OUT_OF_POVERTY,           false, false, false",
            "UNSTABLE_OUT_OF_POVERTY,  false, false, true",
            "MARGINAL,                 false, false, true",
            "SUDDEN_SEVERE_DIFFICULTY, false, false, true",
            "MARGINAL,                 true,  false, false"})
    void shouldCountDibaoAndTekunHouseholdsAsRuralLowIncomeWhateverTheirCategory(HouseholdCategory category,
                                                                               boolean notEntitled, boolean assisted,
                                                                               boolean included) {
        assertThat(RuralLowIncome.includes(category, notEntitled, assisted)).isEqualTo(included);
    }

    @ParameterizedTest(name = "granted {0}, stopped {1}, on {2}: {3}")
    @CsvSource(nullValues = "-", value = {
            "2026-04-01, -,          2026-03-31, false",
            "2026-04-01, -,          2026-04-01, true",
            "2026-04-01, 2026-07-01, 2026-06-30, true",
            "2026-04-01, 2026-07-01, 2026-07-01, false"})
    void shouldBeActiveFromTheFirstPaidMonthToTheFirstUnpaidOne(LocalDate from, LocalDate to, LocalDate day, boolean active) {
        assertThat(new AssistanceStatuses.Period(Programme.DIBAO, "低保", UUID.randomUUID(), from, to).activeOn(day))
                .isEqualTo(active);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "-", value = {
            "DIBAO,         GRANTED, 2, 1043.34, 民政：低保 批准，2 人，自 2026-04-01 起，每月 1043.34 元",
            "TEKUN,         STOPPED, 1, 680,     民政：特困供养 停止，自 2026-04-01 起停发（1 人）",
            "TEMPORARY_AID, PAID,    2, 2000,    民政：临时救助 发放 2000.00 元（2026-04-01）",
            "DIBAO,         GRANTED, 1, -,       民政：低保 批准，1 人，自 2026-04-01 起"})
    void shouldSummariseAChangeInChineseForTheTimeline(Programme programme, Status status, int persons, BigDecimal amount,
                                                       String summary) {
        assertThat(AssistanceStatusText.summary(programme, status, persons, amount, LocalDate.parse("2026-04-01")))
                .isEqualTo(summary);
    }
}
