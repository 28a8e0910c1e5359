package fushun.socialassistance.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.socialassistance.eligibility.SupportAssessment.Capacity;
import fushun.socialassistance.eligibility.SupportAssessment.MemberFacts;
import fushun.socialassistance.eligibility.SupportAssessment.Recommendation;
import fushun.contracts.HouseholdCategory;
import fushun.socialassistance.household.HouseholdRoster;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 特困 and 单人保 from labour capacity and income; standard 520 a month. "No stable income" is the
 * member's counted own income, a month's share to the fen, below 520: 6,239.93 a year is 519.99 a
 * month (below), 6,239.94 rounds to 520.00 (not below, so no gap would be left to pay).
 */
class SupportAssessmentTest {

    private static final BigDecimal STANDARD = new BigDecimal("520.00");
    private static final UUID PERSON = UUID.randomUUID();

    /**
     * The person assessed, then the other members as capacity/under16 pairs ("FULL", "NONE", "FULL+child"),
     * the household's monthly income per person, whether the household is out of poverty, and the expected result.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "alone, no capacity, no income               | NONE    | false |    0.00 |                |   0.00 | false | TEKUN",
            "alone, no capacity, income just below line  | NONE    | false | 6239.93 |                | 519.99 | false | TEKUN",
            "alone, no capacity, rounds up to the line   | NONE    | false | 6239.94 |                | 520.00 | false | NONE",
            "alone, no capacity, income at the line      | NONE    | false | 6240.00 |                | 520.00 | false | NONE",
            "no capacity, only a partial-capacity spouse | NONE    | false |    0.00 | PARTIAL        | 600.00 | false | TEKUN",
            "no capacity, a working son                  | NONE    | false |    0.00 | FULL           | 600.00 | true  | INDIVIDUAL_DIBAO",
            "no capacity, working son, not out of poverty| NONE    | false |    0.00 | FULL           | 600.00 | false | NONE",
            "partial capacity, working son               | PARTIAL | false | 3000.00 | FULL           | 600.00 | true  | INDIVIDUAL_DIBAO",
            "partial capacity is never 特困               | PARTIAL | false |    0.00 | PARTIAL        |1250.00 | true  | INDIVIDUAL_DIBAO",
            "no capacity, household qualifies as a whole | NONE    | false |    0.00 | FULL           | 300.00 | true  | NONE",
            "child with a working parent                 | NONE    | true  |    0.00 | FULL           | 600.00 | true  | NONE",
            "child whose only adult cannot work          | NONE    | true  |    0.00 | NONE           | 600.00 | true  | TEKUN",
            "a working 15-year-old is no supporter       | NONE    | false |    0.00 | FULL+child     | 600.00 | false | TEKUN",
            "full capacity, no income                    | FULL    | false |    0.00 | NONE           | 600.00 | true  | NONE"})
    void shouldRecommendFromCapacityAndIncome(String name, Capacity capacity, boolean underSixteen, BigDecimal ownIncome,
                                              String others, BigDecimal householdMonthlyPerPerson, boolean outOfPoverty,
                                              Recommendation expected) {
        List<MemberFacts> members = new ArrayList<>();
        members.add(new MemberFacts(PERSON, capacity, ownIncome, BigDecimal.ZERO, underSixteen));
        if (others != null) {
            for (String other : others.split(",")) {
                boolean child = other.endsWith("+child");
                members.add(new MemberFacts(UUID.randomUUID(), Capacity.valueOf(other.replace("+child", "")),
                        new BigDecimal("30000"), BigDecimal.ZERO, child));
            }
        }

        SupportAssessment.Result result = SupportAssessment.assess(outOfPoverty, householdMonthlyPerPerson, STANDARD, members);

        assertThat(result.of(PERSON)).isEqualTo(expected);
    }

    /**
     * 单人保 by the household's standing: a member who cannot work and has no income, a working son,
     * the household above the standard as a whole.
     */
    @ParameterizedTest(name = "{0} 脱贫不享受政策户={1}: {2}")
    @CsvSource({
            "OUT_OF_POVERTY,           false, INDIVIDUAL_DIBAO",
            "UNSTABLE_OUT_OF_POVERTY,  false, INDIVIDUAL_DIBAO",
            "MARGINAL,                 false, INDIVIDUAL_DIBAO",
            "SUDDEN_SEVERE_DIFFICULTY, false, NONE",
            "ORDINARY,                 false, NONE",
            "OUT_OF_POVERTY,           true,  NONE",
            "MARGINAL,                 true,  NONE"})
    void shouldIncludeAMemberAloneWhenTheHouseholdGetsTheTransitionPolicies(HouseholdCategory category, boolean notEntitled,
                                                                           Recommendation expected) {
        HouseholdRoster.Standing standing = new HouseholdRoster.Standing(UUID.randomUUID(), "210422100201", category,
                notEntitled);
        List<MemberFacts> members = List.of(new MemberFacts(PERSON, Capacity.NONE, BigDecimal.ZERO, BigDecimal.ZERO, false),
                new MemberFacts(UUID.randomUUID(), Capacity.FULL, new BigDecimal("30000"), BigDecimal.ZERO, false));

        SupportAssessment.MemberResult result = SupportAssessment.assess(standing.transitionPolicies(),
                new BigDecimal("600.00"), STANDARD, members).members().get(0);

        assertThat(result.recommendation()).isEqualTo(expected);
        assertThat(result.reason()).contains(expected == Recommendation.NONE ? "不适用单人保" : "可单人纳入低保");
    }

    @Test
    void shouldLeaveTheMembersBasicPensionOutOfTheirOwnIncome() {
        // 8,000 a year of which 2,400 is the basic pension: 5,600 counted, 466.67 a month, below 520.
        MemberFacts elder = new MemberFacts(PERSON, Capacity.NONE, new BigDecimal("8000"), new BigDecimal("2400"), false);
        MemberFacts withoutPension = new MemberFacts(PERSON, Capacity.NONE, new BigDecimal("8000"), BigDecimal.ZERO, false);

        assertThat(elder.countedOwnMonthly()).isEqualByComparingTo("466.67");
        assertThat(SupportAssessment.assess(false, new BigDecimal("666.67"), STANDARD, List.of(elder)).of(PERSON))
                .isEqualTo(Recommendation.TEKUN);
        assertThat(SupportAssessment.assess(false, new BigDecimal("666.67"), STANDARD, List.of(withoutPension)).of(PERSON))
                .isEqualTo(Recommendation.NONE);
    }

    @Test
    void shouldQualifyTheHouseholdOnlyBelowTheStandardAndSayWhy() {
        List<MemberFacts> one = List.of(new MemberFacts(PERSON, Capacity.FULL, BigDecimal.ZERO, BigDecimal.ZERO, false));

        SupportAssessment.Result below = SupportAssessment.assess(false, new BigDecimal("519.99"), STANDARD, one);
        SupportAssessment.Result at = SupportAssessment.assess(false, new BigDecimal("520.00"), STANDARD, one);

        assertThat(below.householdDibao()).isTrue();
        assertThat(below.householdReason()).contains("519.99").contains("低于低保标准 520");
        assertThat(at.householdDibao()).isFalse();
        assertThat(at.members().get(0).reason()).isEqualTo("有劳动能力");
    }
}
