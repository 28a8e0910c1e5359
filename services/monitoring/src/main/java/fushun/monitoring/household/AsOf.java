package fushun.monitoring.household;

import fushun.monitoring.household.ChangeRules.Field;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The household as of a day: today's state with every change that took effect after that day
 * undone, latest first. Correct because each field's changes are recorded in the order they took
 * effect (the registry refuses a change dated before a later one of the same field). Pure.
 */
public final class AsOf {

    /** A field as a revision recorded it. */
    public record RecordedField(int revision, LocalDate effectiveOn, UUID memberId, Field field, String oldValue,
                                String newValue) {
    }

    private AsOf() {
    }

    /** @param later the fields of changes effective after {@code day}, in any order */
    public static HouseholdView undo(HouseholdView now, List<RecordedField> later, LocalDate day) {
        List<RecordedField> latestFirst = new ArrayList<>(later);
        latestFirst.sort((a, b) -> a.effectiveOn().equals(b.effectiveOn())
                ? Integer.compare(b.revision(), a.revision()) : b.effectiveOn().compareTo(a.effectiveOn()));
        String division = now.divisionCode();
        String category = now.category();
        boolean notEntitled = now.notEntitledToPolicy();
        String head = now.headName();
        List<HouseholdView.MemberView> members = new ArrayList<>(now.members());
        for (RecordedField f : latestFirst) {
            if (!f.effectiveOn().isAfter(day)) {
                continue;
            }
            switch (f.field()) {
                case DIVISION -> division = f.oldValue();
                case CATEGORY -> category = f.oldValue();
                case POLICY_FLAG -> notEntitled = Boolean.parseBoolean(f.oldValue());
                case HEAD_NAME -> head = f.oldValue();
                case PRESENCE -> members.removeIf(m -> m.id().equals(f.memberId()));
                case STATUS, RELATIONSHIP, LABOUR_CAPACITY -> members.replaceAll(m -> m.id().equals(f.memberId()) ? undo(m, f) : m);
            }
        }
        // the revision is the registry's latest, from which the day's state was read
        return new HouseholdView(now.id(), division, category, notEntitled, head, now.registeredAt(), now.revision(), day,
                List.copyOf(members), now.assistance(), now.ruralLowIncome());
    }

    private static HouseholdView.MemberView undo(HouseholdView.MemberView m, RecordedField f) {
        return switch (f.field()) {
            case STATUS -> new HouseholdView.MemberView(m.id(), m.name(), m.maskedIdNumber(), m.relationship(),
                    m.labourCapacity(), f.oldValue(), m.joinedOn(), null, null);
            case RELATIONSHIP -> new HouseholdView.MemberView(m.id(), m.name(), m.maskedIdNumber(), f.oldValue(),
                    m.labourCapacity(), m.status(), m.joinedOn(), m.leftOn(), m.leftReason());
            default -> new HouseholdView.MemberView(m.id(), m.name(), m.maskedIdNumber(), m.relationship(),
                    f.oldValue(), m.status(), m.joinedOn(), m.leftOn(), m.leftReason());
        };
    }
}
