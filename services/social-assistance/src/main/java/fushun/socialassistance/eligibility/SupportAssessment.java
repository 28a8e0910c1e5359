package fushun.socialassistance.eligibility;

import fushun.socialassistance.dibao.DibaoBenefit;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Which help the rules point to for a household and each member (应保尽保、应兜尽兜, §2(2)7): dibao
 * for the whole household, 特困 support for one person, or dibao for one member on their own (单人保).
 * The operator decides; the decision refuses a programme these rules do not support.
 *
 * <p>The rules, as the platform applies them:
 * <ul>
 *   <li><b>No stable income</b>: the person's own counted income (their income without the basic
 *       pension, a month's share to the fen as {@link DibaoBenefit} rounds it) is below the county's
 *       monthly dibao standard (the line 特困人员认定办法 uses for 无生活来源). The same rounded figure
 *       gives a single member's benefit, so "no stable income" always leaves a gap to pay.</li>
 *   <li><b>A supporter</b> is another member of the household with full labour capacity who is not a
 *       child under 16. The platform only knows the registered household; a legal supporter living
 *       elsewhere is for the operator to find, who then rejects with that reason.</li>
 *   <li><b>特困</b>: a person without labour capacity (or a child under 16) with no stable income and
 *       no supporter.</li>
 *   <li><b>Household dibao</b>: the household's counted monthly income per person is below the
 *       standard ({@link fushun.socialassistance.dibao.DibaoBenefit}).</li>
 *   <li><b>单人保</b>: in an out-of-poverty household (脱贫户, 脱贫不稳定户) that does not qualify as a
 *       whole, a member (16 or over) who lost all or part of their labour capacity and has no stable
 *       income, and who is not 特困.</li>
 * </ul>
 */
public final class SupportAssessment {

    public enum Capacity { FULL, PARTIAL, NONE }

    /** One member as the operator established them; yearly amounts in yuan. */
    public record MemberFacts(UUID personId, Capacity capacity, BigDecimal ownYearlyIncome, BigDecimal ownBasicPension,
                              boolean underSixteen) {

        /** Own income as the dibao test counts it: the basic pension left out, never below zero. */
        public BigDecimal countedOwnIncome() {
            return ownYearlyIncome.subtract(ownBasicPension).max(BigDecimal.ZERO);
        }

        /** A month's share of the counted own income, to the fen. */
        public BigDecimal countedOwnMonthly() {
            return DibaoBenefit.monthlyIncomePerPerson(countedOwnIncome(), 1);
        }
    }

    public enum Recommendation {
        /** 特困人员救助供养 */
        TEKUN,
        /** 单人保: dibao for this member alone */
        INDIVIDUAL_DIBAO,
        NONE
    }

    public record MemberResult(UUID personId, Recommendation recommendation, String reason) {
    }

    public record Result(boolean householdDibao, String householdReason, List<MemberResult> members) {

        public Recommendation of(UUID personId) {
            return members.stream().filter(m -> m.personId().equals(personId)).map(MemberResult::recommendation)
                    .findFirst().orElse(Recommendation.NONE);
        }
    }

    private SupportAssessment() {
    }

    /**
     * @param transitionPoliciesHousehold 脱贫户, 脱贫不稳定户 or 边缘易致贫户 not flagged 脱贫不享受政策户
     *                                    ({@code HouseholdCategory.transitionPoliciesApply})
     * @param householdMonthlyIncomePerPerson counted as the dibao rules count it
     * @param monthlyStandard        the county's dibao standard in force
     */
    public static Result assess(boolean transitionPoliciesHousehold, BigDecimal householdMonthlyIncomePerPerson,
                                BigDecimal monthlyStandard, List<MemberFacts> members) {
        boolean householdDibao = householdMonthlyIncomePerPerson.compareTo(monthlyStandard) < 0;
        String householdReason = householdDibao
                ? "家庭月人均认定收入 " + plain(householdMonthlyIncomePerPerson) + " 元，低于低保标准 " + plain(monthlyStandard) + " 元"
                : "家庭月人均认定收入 " + plain(householdMonthlyIncomePerPerson) + " 元，不低于低保标准 " + plain(monthlyStandard) + " 元";
        List<MemberResult> results = members.stream()
                .map(m -> assessMember(m, members, transitionPoliciesHousehold, householdDibao, monthlyStandard))
                .toList();
        return new Result(householdDibao, householdReason, results);
    }

    private static MemberResult assessMember(MemberFacts m, List<MemberFacts> household, boolean transitionPoliciesHousehold,
                                             boolean householdDibao, BigDecimal monthlyStandard) {
        boolean noStableIncome = m.countedOwnMonthly().compareTo(monthlyStandard) < 0;
        if (!noStableIncome) {
            return new MemberResult(m.personId(), Recommendation.NONE, "本人月均认定收入 " + plain(m.countedOwnMonthly())
                    + " 元（不计基础养老金），不低于低保标准 " + plain(monthlyStandard) + " 元，有稳定收入");
        }
        boolean hasSupporter = household.stream().anyMatch(o -> !o.personId().equals(m.personId())
                && o.capacity() == Capacity.FULL && !o.underSixteen());
        boolean cannotWork = m.capacity() == Capacity.NONE || m.underSixteen();
        if (cannotWork && !hasSupporter) {
            return new MemberResult(m.personId(), Recommendation.TEKUN,
                    (m.underSixteen() ? "未满16周岁" : "无劳动能力") + "、无稳定收入、户内无有劳动能力的赡养抚养扶养人");
        }
        if (m.capacity() == Capacity.FULL || m.underSixteen()) {
            return new MemberResult(m.personId(), Recommendation.NONE,
                    m.underSixteen() ? "未满16周岁，由户内有劳动能力的家庭成员抚养" : "有劳动能力");
        }
        if (householdDibao) {
            return new MemberResult(m.personId(), Recommendation.NONE, "随全户纳入低保");
        }
        if (!transitionPoliciesHousehold) {
            return new MemberResult(m.personId(), Recommendation.NONE,
                    "非脱贫户或边缘易致贫户（或已标注脱贫不享受政策户），不适用单人保");
        }
        return new MemberResult(m.personId(), Recommendation.INDIVIDUAL_DIBAO,
                (m.capacity() == Capacity.NONE ? "完全" : "部分")
                        + "丧失劳动能力、无稳定收入的脱贫人口或边缘易致贫人口，全户不符合低保条件，可单人纳入低保");
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
