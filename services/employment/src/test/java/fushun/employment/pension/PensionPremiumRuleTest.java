package fushun.employment.pension;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.employment.pension.PensionPremiumRule.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PensionPremiumRuleTest {

    private static final int YEAR = 2026;

    @ParameterizedTest(name = "born {0}, {1}, monitored={2}, 脱贫不享受政策户={3}: {4} {5}")
    @CsvSource(nullValues = "-", value = {
            // insurable age: 16 reached in the year, 60 not yet reached
            "2011, DIBAO, false, false, NOT_INSURABLE_AGE, 低保对象",
            "2010, DIBAO, false, false, LISTED,            低保对象",
            "1967, DIBAO, false, false, LISTED,            低保对象",
            "1966, DIBAO, false, false, NOT_INSURABLE_AGE, 低保对象",
            "1940, TEKUN, false, false, NOT_INSURABLE_AGE, 特困人员",
            // the strongest basis first
            "1980, TEKUN, true,  false, LISTED,            特困人员",
            "1980, DIBAO, true,  false, LISTED,            低保对象",
            "1980, -,     true,  false, LISTED,            返贫致贫人口（监测对象）",
            // 脱贫不享受政策户: not as a monitored person; dibao / 特困 are civil affairs' own decision
            "1980, -,     true,  true,  NO_BASIS,          -",
            "1980, DIBAO, true,  true,  LISTED,            低保对象",
            // no basis at all
            "1980, -,     false, false, NO_BASIS,          -",
            // year of birth not known: not listed, but counted for the officer to check
            "-,    DIBAO, false, false, AGE_UNKNOWN,       低保对象",
            "-,    -,     false, false, NO_BASIS,          -"})
    void shouldListOnlyPeopleOfInsurableAgeWithABasis(Integer birthYear, String assistance, boolean monitored,
                                                     boolean notEntitled, Outcome outcome, String basis) {
        PensionPremiumRule.Decision decision = PensionPremiumRule.decide(
                new PensionPremiumRule.Person(birthYear, assistance, monitored, notEntitled), YEAR, 16, 60);

        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.basis()).isEqualTo(basis);
    }

    @ParameterizedTest(name = "born {0}, {1}, monitored={2}, 脱贫不享受政策户={3}, 重度残疾={4}: {5} {6}")
    @CsvSource(nullValues = "-", value = {
            // a severely disabled person of insurable age, whatever the household
            "1980, -,     false, false, true,  LISTED,            重度残疾人",
            "2010, -,     false, false, true,  LISTED,            重度残疾人",
            "1967, -,     false, false, true,  LISTED,            重度残疾人",
            // the grade is the person's own: a 脱贫不享受政策户's flag does not take it away
            "1980, -,     true,  true,  true,  LISTED,            重度残疾人",
            // outside the insurable age, or of unknown age
            "2011, -,     false, false, true,  NOT_INSURABLE_AGE, 重度残疾人",
            "1966, -,     false, false, true,  NOT_INSURABLE_AGE, 重度残疾人",
            "-,    -,     false, false, true,  AGE_UNKNOWN,       重度残疾人",
            // civil affairs' decisions and monitoring come first, as they did before the register
            "1980, TEKUN, false, false, true,  LISTED,            特困人员",
            "1980, DIBAO, false, false, true,  LISTED,            低保对象",
            "1980, -,     true,  false, true,  LISTED,            返贫致贫人口（监测对象）",
            "1980, -,     false, false, false, NO_BASIS,          -"})
    void shouldListSeverelyDisabledPeopleOfInsurableAge(Integer birthYear, String assistance, boolean monitored,
                                                      boolean notEntitled, boolean severelyDisabled, Outcome outcome,
                                                      String basis) {
        PensionPremiumRule.Decision decision = PensionPremiumRule.decide(new PensionPremiumRule.Person(birthYear,
                assistance, monitored, notEntitled, severelyDisabled), YEAR, 16, 60);

        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.basis()).isEqualTo(basis);
    }

    @ParameterizedTest(name = "ages {1}–{2}, born {0}: {3}")
    @CsvSource({
            // the ages are parameters: a later pension age keeps a 60-year-old on the roster
            "1966, 16, 60, NOT_INSURABLE_AGE",
            "1966, 16, 61, LISTED",
            "2010, 17, 60, NOT_INSURABLE_AGE"})
    void shouldReadTheAgesFromTheParametersWhenDeciding(int birthYear, int minAge, int pensionAge, Outcome outcome) {
        assertThat(PensionPremiumRule.decide(new PensionPremiumRule.Person(birthYear, "DIBAO", false, false), YEAR,
                minAge, pensionAge).outcome()).isEqualTo(outcome);
    }

    @ParameterizedTest
    @CsvSource({"2010, 16", "1967, 59"})
    void shouldGiveTheAgeReachedInTheYearWhenListed(int birthYear, int age) {
        assertThat(PensionPremiumRule.decide(new PensionPremiumRule.Person(birthYear, "DIBAO", false, false), YEAR, 16, 60)
                .ageInYear()).isEqualTo(age);
    }
}
