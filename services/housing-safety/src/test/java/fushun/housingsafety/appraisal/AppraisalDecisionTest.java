package fushun.housingsafety.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppraisalDecisionTest {

    @ParameterizedTest(name = "{0} low-income={1} 脱贫不享受政策户={2}: signal={3} renovation={4}")
    @CsvSource(delimiter = '|', textBlock = """
            # grade | low-income | not entitled | signal to monitoring | renovation | closing of the tasks the renovation does not answer
            A | true  | false |                            |         | 住房安全性鉴定为A级，住房安全有保障
            B | true  | false |                            |         | 住房安全性鉴定为B级，住房安全有保障
            # a safe house is safe whoever lives in it
            A | false | true  |                            |         | 住房安全性鉴定为A级，住房安全有保障
            B | false | false |                            |         | 住房安全性鉴定为B级，住房安全有保障
            # a low-income household's C house is repaired, its D house rebuilt; other tasks join that renovation
            C | true  | false | 住房安全性鉴定为C级（局部危险） | REPAIR  | 该户住房已列入危房改造，由同一改造项目办理
            D | true  | false | 住房安全性鉴定为D级（整体危险） | REBUILD | 该户住房已列入危房改造，由同一改造项目办理
            # an ordinary household's unsafe house is signalled, but gets no subsidised renovation
            C | false | false | 住房安全性鉴定为C级（局部危险） |         | 住房安全性鉴定为C级；该户不属于农村低收入群体，不纳入危房改造补助范围，已告知农户及时修缮
            D | false | false | 住房安全性鉴定为D级（整体危险） |         | 住房安全性鉴定为D级；该户不属于农村低收入群体，不纳入危房改造补助范围，已告知农户及时修缮
            # 脱贫不享受政策户 (§2(1)1): no longer entitled, says so
            D | false | true  | 住房安全性鉴定为D级（整体危险） |         | 住房安全性鉴定为D级；该户为脱贫不享受政策户，不再享受帮扶政策，不纳入危房改造补助范围，已告知农户及时修缮
            C | false | true  | 住房安全性鉴定为C级（局部危险） |         | 住房安全性鉴定为C级；该户为脱贫不享受政策户，不再享受帮扶政策，不纳入危房改造补助范围，已告知农户及时修缮
            """)
    void shouldSignalRenovateOrCloseByGradeAndLowIncomeWhenAppraised(HouseGrade grade, boolean lowIncome,
                                                                   boolean notEntitled, String signal,
                                                                   RenovationKind renovation, String closing) {
        AppraisalDecision decision = AppraisalDecision.of(grade, lowIncome, notEntitled);

        assertThat(decision.signal()).isEqualTo(signal);
        assertThat(decision.unsafe()).isEqualTo(signal != null);
        assertThat(decision.renovation().orElse(null)).isEqualTo(renovation);
        assertThat(decision.closing()).isEqualTo(closing);
    }

    @ParameterizedTest
    @CsvSource({"A, 危房改造竣工，验收为A级，住房安全有保障", "B, 危房改造竣工，验收为B级，住房安全有保障"})
    void shouldCloseTheAssignmentWhenTheWorkIsAccepted(HouseGrade grade, String closing) {
        assertThat(AppraisalDecision.completed(grade)).isEqualTo(closing);
    }
}
