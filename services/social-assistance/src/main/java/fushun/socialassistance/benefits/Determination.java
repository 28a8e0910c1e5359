package fushun.socialassistance.benefits;

import fushun.platform.policy.PolicyParameters;
import fushun.platform.policy.PolicyValue;
import fushun.platform.security.DivisionCodes;
import fushun.socialassistance.dibao.DibaoBenefit;
import fushun.socialassistance.dibao.DibaoIncome;
import fushun.socialassistance.eligibility.SupportAssessment;
import fushun.socialassistance.eligibility.SupportAssessment.MemberFacts;
import fushun.socialassistance.eligibility.SupportAssessment.Recommendation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What the rules say about an application on the decision date, with the parameters in force in the
 * household's county: the counted income, the monthly amount and whether the programme applies, each
 * with its reason in words an operator can read out to the applicant.
 *
 * <p>Amounts: household dibao pays the gap per person times the members ({@link DibaoBenefit});
 * dibao for a member on their own (单人保) pays that member's gap, from their own income; 特困 pays
 * the county's 特困 basic-living standard in full.
 */
@Component
public class Determination {

    static final String DIBAO_STANDARD = "dibao.rural-standard.monthly";
    static final String TEKUN_STANDARD = "tekun.support-standard.monthly";

    /** The outcome; {@code refusal} is null when the programme applies. */
    public record Outcome(BigDecimal countedIncome, BigDecimal incomePerPerson, BigDecimal standardMonthly,
                          BigDecimal monthlyAmount, String parameterVersions, String explanation, String refusal) {

        public boolean eligible() {
            return refusal == null;
        }
    }

    private final PolicyParameters parameters;

    public Determination(PolicyParameters parameters) {
        this.parameters = parameters;
    }

    public Outcome determine(Programme programme, String divisionCode, boolean transitionPoliciesHousehold,
                             DibaoIncome.Declaration declaration, List<MemberFacts> members, List<UUID> covered,
                             LocalDate on) {
        String county = DivisionCodes.countyOf(divisionCode);
        PolicyValue standard = parameters.required(DIBAO_STANDARD, county, on);
        PolicyValue illness = parameters.required("dibao.deduction-cap.illness", county, on);
        PolicyValue schooling = parameters.required("dibao.deduction-cap.schooling", county, on);
        PolicyValue employment = parameters.required("dibao.deduction-cap.employment", county, on);
        List<String> versions = new ArrayList<>(List.of(standard.version(), illness.version(), schooling.version(),
                employment.version()));

        BigDecimal counted = DibaoIncome.countedYearlyIncome(declaration,
                new DibaoIncome.Caps(illness.value(), schooling.value(), employment.value()));
        BigDecimal perPerson = DibaoBenefit.monthlyIncomePerPerson(counted, members.size());
        SupportAssessment.Result assessment = SupportAssessment.assess(transitionPoliciesHousehold, perPerson, standard.value(),
                members);
        String incomeLine = "家庭年认定收入 " + plain(counted) + " 元（不计基础养老金，刚性支出按上限扣减），"
                + members.size() + " 人，月人均 " + plain(perPerson) + " 元（四舍五入到分）";

        if (programme == Programme.TEKUN) {
            UUID person = covered.get(0);
            PolicyValue tekun = parameters.required(TEKUN_STANDARD, county, on);
            versions.add(tekun.version());
            String reason = reasonOf(assessment, person);
            String refusal = assessment.of(person) == Recommendation.TEKUN ? null : "不符合特困人员认定条件：" + reason;
            return new Outcome(counted, perPerson, tekun.value(), tekun.value().setScale(2), String.join(", ", versions),
                    incomeLine + "；" + reason + "；按特困人员基本生活标准全额供养 " + plain(tekun.value()) + " 元/月",
                    refusal);
        }
        boolean wholeHousehold = covered.size() == members.size();
        if (wholeHousehold) {
            BigDecimal amount = DibaoBenefit.monthlyBenefit(standard.value(), counted, members.size());
            String refusal = assessment.householdDibao() ? null : "不符合低保条件：" + assessment.householdReason();
            return new Outcome(counted, perPerson, standard.value(), amount, String.join(", ", versions),
                    incomeLine + "；" + assessment.householdReason() + "；月保障金 =（标准 − 月人均收入）× "
                            + members.size() + " 人 = " + plain(amount) + " 元", refusal);
        }
        BigDecimal amount = BigDecimal.ZERO.setScale(2);
        List<String> refusals = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (UUID person : covered) {
            MemberFacts facts = members.stream().filter(m -> m.personId().equals(person)).findFirst().orElseThrow();
            BigDecimal own = DibaoBenefit.monthlyBenefit(standard.value(), facts.countedOwnIncome(), 1);
            amount = amount.add(own);
            parts.add(reasonOf(assessment, person) + "，本人月保障金 " + plain(own) + " 元");
            if (assessment.of(person) != Recommendation.INDIVIDUAL_DIBAO) {
                refusals.add(reasonOf(assessment, person));
            }
        }
        if (refusals.isEmpty() && amount.signum() <= 0) {
            refusals.add("本人月均认定收入不低于低保标准，没有差额可补");
        }
        String refusal = refusals.isEmpty() ? null : "不符合单人纳入低保条件：" + String.join("；", refusals);
        return new Outcome(counted, perPerson, standard.value(), amount, String.join(", ", versions),
                incomeLine + "；" + assessment.householdReason() + "；单人保：" + String.join("；", parts), refusal);
    }

    private static String reasonOf(SupportAssessment.Result assessment, UUID person) {
        return assessment.members().stream().filter(m -> m.personId().equals(person))
                .map(SupportAssessment.MemberResult::reason).findFirst().orElse("");
    }

    static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
