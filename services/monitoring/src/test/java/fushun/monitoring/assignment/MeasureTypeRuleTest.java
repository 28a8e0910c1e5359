package fushun.monitoring.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.Bureau;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which measure type a bureau may record on a day, and when an amount is required or refused: worked
 * by hand against a small catalogue where 教育资助 changed its amount's wording on 2026-09-01 and
 * 营养改善计划 ended on 2025-12-31.
 */
class MeasureTypeRuleTest {

    private static final LocalDate START = LocalDate.of(2021, 1, 1);

    private static final Map<String, List<MeasureType>> CATALOGUE = Map.of(
            "CONTROL_DROPOUT", List.of(type("CONTROL_DROPOUT", Bureau.EDUCATION, "控辍保学劝返", null, START, null)),
            "STUDENT_AID", List.of(
                    type("STUDENT_AID", Bureau.EDUCATION, "教育资助", "资助金额（元）", START, LocalDate.of(2026, 8, 31)),
                    type("STUDENT_AID", Bureau.EDUCATION, "教育资助", "学期资助金额（元）", LocalDate.of(2026, 9, 1), null)),
            "NUTRITION_IMPROVEMENT", List.of(
                    type("NUTRITION_IMPROVEMENT", Bureau.EDUCATION, "营养改善计划", null, START, LocalDate.of(2025, 12, 31))),
            "FAMILY_DOCTOR", List.of(type("FAMILY_DOCTOR", Bureau.HEALTH, "家庭医生签约", null, START, null)),
            "MICROCREDIT", List.of(type("MICROCREDIT", Bureau.AGRICULTURE, "小额信贷", "贷款金额（元）", LocalDate.of(2022, 3, 1), null)));

    @ParameterizedTest(name = "{0} for {1} on {2}, amount {3}: {4}")
    @CsvSource(nullValues = "-", value = {
            // code,                 bureau,      applied on,  amount,  verdict (the accepted version's amount label, or the refusal's title)
            "CONTROL_DROPOUT,        EDUCATION,   2026-11-20,  -,       ACCEPTED",
            "CONTROL_DROPOUT,        EDUCATION,   2021-01-01,  -,       ACCEPTED",
            "CONTROL_DROPOUT,        EDUCATION,   2020-12-31,  -,       措施类型在实施日期不适用",
            "CONTROL_DROPOUT,        EDUCATION,   2026-11-20,  100.00,  该措施不填金额",
            "CONTROL_DROPOUT,        EDUCATION,   2026-11-20,  0,       该措施不填金额",
            "CONTROL_DROPOUT,        HEALTH,      2026-11-20,  -,       措施类型不属于本部门",
            "STUDENT_AID,            EDUCATION,   2026-08-31,  625.00,  资助金额（元）",
            "STUDENT_AID,            EDUCATION,   2026-09-01,  625.00,  学期资助金额（元）",
            "STUDENT_AID,            EDUCATION,   2026-11-20,  -,       缺少金额",
            "STUDENT_AID,            EDUCATION,   2026-11-20,  0.00,    金额应大于0",
            "STUDENT_AID,            AGRICULTURE, 2026-11-20,  625.00,  措施类型不属于本部门",
            "NUTRITION_IMPROVEMENT,  EDUCATION,   2025-12-31,  -,       ACCEPTED",
            "NUTRITION_IMPROVEMENT,  EDUCATION,   2026-01-01,  -,       措施类型在实施日期不适用",
            "FAMILY_DOCTOR,          HEALTH,      2026-11-20,  -,       ACCEPTED",
            "MICROCREDIT,            AGRICULTURE, 2022-02-28,  50000,   措施类型在实施日期不适用",
            "MICROCREDIT,            AGRICULTURE, 2022-03-01,  50000,   贷款金额（元）",
            "MICROCREDIT,            WATER,       2022-03-01,  50000,   措施类型不属于本部门",
            "NO_SUCH_TYPE,           HEALTH,      2026-11-20,  -,       未知的措施类型",
            "家庭医生签约,              HEALTH,      2026-11-20,  -,       未知的措施类型"})
    void shouldAcceptOnlyTheBureausTypeInForceWithItsAmountWhenAMeasureIsRecorded(String code, Bureau bureau, LocalDate appliedOn,
                                                                                 BigDecimal amount, String expected) {
        MeasureTypeRule.Verdict verdict = MeasureTypeRule.check(code, bureau, appliedOn, amount, CATALOGUE.getOrDefault(code, List.of()));

        String outcome = verdict instanceof MeasureTypeRule.Accepted accepted
                ? (accepted.type().amountRequired() ? accepted.type().amountLabel() : "ACCEPTED")
                : ((MeasureTypeRule.Refused) verdict).title();
        assertThat(outcome).isEqualTo(expected);
    }

    @Test
    void shouldNameTheOwningBureauAndTheTypesPeriodWhenItRefuses() {
        assertThat(refusal("STUDENT_AID", Bureau.HEALTH, LocalDate.of(2026, 11, 20), new BigDecimal("1")))
                .isEqualTo("措施类型“教育资助”属于教育局，不能登记在卫健委的任务上。");
        assertThat(refusal("NUTRITION_IMPROVEMENT", Bureau.EDUCATION, LocalDate.of(2026, 1, 1), null))
                .isEqualTo("措施类型“营养改善计划”在实施日期 2026-01-01 不在有效期内（2021-01-01 至 2025-12-31）。");
        assertThat(refusal("STUDENT_AID", Bureau.EDUCATION, LocalDate.of(2026, 11, 20), null))
                .isEqualTo("措施类型“教育资助”须填写学期资助金额（元）。");
        assertThat(refusal("NO_SUCH_TYPE", Bureau.HEALTH, LocalDate.of(2026, 11, 20), null))
                .contains("NO_SUCH_TYPE").contains("措施类型目录");
    }

    @Test
    void shouldTakeTheNewestVersionWhenTwoVersionsOverlap() {
        List<MeasureType> overlapping = List.of(
                type("FAMILY_DOCTOR", Bureau.HEALTH, "家庭医生签约", null, START, null),
                type("FAMILY_DOCTOR", Bureau.HEALTH, "家庭医生签约服务", null, LocalDate.of(2026, 1, 1), null));

        MeasureTypeRule.Verdict verdict = MeasureTypeRule.check("FAMILY_DOCTOR", Bureau.HEALTH, LocalDate.of(2026, 6, 1), null, overlapping);

        assertThat(verdict).isInstanceOfSatisfying(MeasureTypeRule.Accepted.class,
                accepted -> assertThat(accepted.type().label()).isEqualTo("家庭医生签约服务"));
    }

    private static String refusal(String code, Bureau bureau, LocalDate on, BigDecimal amount) {
        MeasureTypeRule.Verdict verdict = MeasureTypeRule.check(code, bureau, on, amount, CATALOGUE.getOrDefault(code, List.of()));
        assertThat(verdict).isInstanceOf(MeasureTypeRule.Refused.class);
        return ((MeasureTypeRule.Refused) verdict).detail();
    }

    private static MeasureType type(String code, Bureau bureau, String label, String amountLabel, LocalDate from, LocalDate to) {
        return new MeasureType(code, bureau, label, amountLabel != null, amountLabel, null, "测试目录", from, to);
    }
}
