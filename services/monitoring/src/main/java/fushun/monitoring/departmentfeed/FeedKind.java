package fushun.monitoring.departmentfeed;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of a feed kind (row of {@code department_feed_kind}): the bureau that sends it, the
 * risk a finding raises, the Chinese headers of the ID-number column and the value column, the values
 * a row may hold, and the condition in the closed vocabulary {@link Condition} with an optional age
 * range (inclusive, full years on the date the file describes, from the ID number's birth date).
 * {@code finding} is the signal's fixed words. {@code personEvent}, when set, is a second output: the
 * event published for each finding's person (once per kind, date and person), from the closed
 * vocabulary {@link PersonEvent}.
 */
public record FeedKind(String code, LocalDate effectiveFrom, Bureau bureau, String label, RiskType riskType,
                       String idColumn, String valueColumn, List<String> allowedValues, Condition condition,
                       List<String> conditionValues, Integer ageFrom, Integer ageTo, String finding,
                       PersonEvent personEvent) {

    /** A kind that only signals households. */
    public FeedKind(String code, LocalDate effectiveFrom, Bureau bureau, String label, RiskType riskType, String idColumn,
                    String valueColumn, List<String> allowedValues, Condition condition, List<String> conditionValues,
                    Integer ageFrom, Integer ageTo, String finding) {
        this(code, effectiveFrom, bureau, label, riskType, idColumn, valueColumn, allowedValues, condition, conditionValues,
                ageFrom, ageTo, finding, null);
    }

    /** The conditions the importer knows; a new one is code, a new kind using a known one is a row. */
    public enum Condition {
        /** The value column's value is one of {@code conditionValues}. */
        VALUE_IN
    }

    /**
     * The per-person facts the importer knows how to publish (on {@code monitoring.household.v1}, keyed by
     * the household): a new one is code, a kind using a known one is a row.
     */
    public enum PersonEvent {
        /** {@code DisabilityRegistered}: the person is on the register as severely disabled (the condition met). */
        DISABILITY_REGISTERED
    }

    /** The version cited by the signals it raised. */
    public String version() {
        return "department_feed_kind " + code + "@" + effectiveFrom;
    }
}
