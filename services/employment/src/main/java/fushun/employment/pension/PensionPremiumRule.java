package fushun.employment.pension;

import java.util.Optional;

/**
 * Who gets the residents' pension premium paid on behalf for a calendar year (§2(2)5). Pure.
 * <ul>
 *   <li>Insurable age: the age reached in the year (the year minus the year of birth) is at least
 *       the minimum age (年满16周岁) and below the pension age (年满60周岁 draws the pension, so pays
 *       nothing that year). Both ages are effective-dated parameters. Ages are per calendar year
 *       because the premium is paid per year, and because only the year of birth crosses the bus.</li>
 *   <li>Basis, strongest first: 特困 or dibao on any day of the year (civil affairs' decision, whatever
 *       the household); else a person of a household monitored in the year (监测对象, the platform's
 *       reading of 返贫致贫人口) that is not flagged 脱贫不享受政策户; else a severely disabled person
 *       (重度残疾人, 残联's register: grade 一级 or 二级 on a day of the year), whatever the household's flag,
 *       the grade being the person's own and not a household policy.</li>
 *   <li>Enrolment: the platform has no enrolment register of the residents' pension, so every person
 *       listed is taken to be enrolled unless drawing the pension (the age rule stands for that).</li>
 * </ul>
 */
public final class PensionPremiumRule {

    /** What the roster does with a person. */
    public enum Outcome { LISTED, NO_BASIS, NOT_INSURABLE_AGE, AGE_UNKNOWN }

    /**
     * @param assistance TEKUN or DIBAO when the person had it on a day of the year, else null
     * @param monitored  the household was monitored on a day of the year
     * @param severelyDisabled on 残联's register as severely disabled on a day of the year
     */
    public record Person(Integer birthYear, String assistance, boolean monitored, boolean notEntitledToPolicy,
                         boolean severelyDisabled) {

        public Person(Integer birthYear, String assistance, boolean monitored, boolean notEntitledToPolicy) {
            this(birthYear, assistance, monitored, notEntitledToPolicy, false);
        }
    }

    public record Decision(Outcome outcome, String basis, Integer ageInYear) {
    }

    private PensionPremiumRule() {
    }

    public static Decision decide(Person person, int year, int minAge, int pensionAge) {
        Optional<String> basis = basisOf(person);
        Integer age = person.birthYear() == null ? null : year - person.birthYear();
        if (basis.isEmpty()) {
            return new Decision(Outcome.NO_BASIS, null, age);
        }
        if (age == null) {
            return new Decision(Outcome.AGE_UNKNOWN, basis.get(), null);
        }
        if (age < minAge || age >= pensionAge) {
            return new Decision(Outcome.NOT_INSURABLE_AGE, basis.get(), age);
        }
        return new Decision(Outcome.LISTED, basis.get(), age);
    }

    private static Optional<String> basisOf(Person person) {
        if ("TEKUN".equals(person.assistance())) {
            return Optional.of("特困人员");
        }
        if ("DIBAO".equals(person.assistance())) {
            return Optional.of("低保对象");
        }
        if (person.monitored() && !person.notEntitledToPolicy()) {
            return Optional.of("返贫致贫人口（监测对象）");
        }
        if (person.severelyDisabled()) {
            return Optional.of("重度残疾人");
        }
        return Optional.empty();
    }
}
