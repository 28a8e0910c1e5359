package fushun.platform.testsupport;

import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdRegistered;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A registered household's changes as monitoring would publish them: each change starts from the
 * state the previous one left (whole state, members who left kept) and has the next revision.
 */
public final class HouseholdChanges {

    private final UUID householdId;
    private String divisionCode;
    private HouseholdCategory category;
    private boolean notEntitledToPolicy;
    private final String headName;
    private final List<HouseholdChanged.Member> members = new ArrayList<>();
    private int revision;

    private HouseholdChanges(HouseholdRegistered registered) {
        this.householdId = registered.householdId();
        this.divisionCode = registered.divisionCode();
        this.category = registered.category();
        this.notEntitledToPolicy = registered.notEntitledToPolicy();
        this.headName = registered.headName();
        registered.members().forEach(m -> members.add(new HouseholdChanged.Member(m.personId(), m.personRef(), m.name(),
                m.maskedIdNumber(), m.relationship(), m.labourCapacity(), HouseholdChanged.MemberStatus.ACTIVE, null,
                null, m.birthYear())));
    }

    /** The changes of a household as it was registered (revision 0). */
    public static HouseholdChanges of(HouseholdRegistered registered) {
        return new HouseholdChanges(registered);
    }

    /** A member left (died, married out, moved) on {@code on}: kept in the list with status LEFT. */
    public HouseholdChanged memberLeft(UUID personId, HouseholdChanged.Reason reason, LocalDate on) {
        members.replaceAll(m -> m.personId().equals(personId)
                ? new HouseholdChanged.Member(m.personId(), m.personRef(), m.name(), m.maskedIdNumber(), m.relationship(),
                m.labourCapacity(), HouseholdChanged.MemberStatus.LEFT, on, reason, m.birthYear())
                : m);
        return next(HouseholdChanged.Kind.MEMBER_LEFT, reason, on, personId, divisionCode);
    }

    /**
     * A member joined (birth, marriage, return) on {@code on}; a newborn's year of birth is that of
     * {@code on}, anyone else's is not known (see the overload to give it).
     */
    public HouseholdChanged memberAdded(UUID personId, String personRef, String name, String relationship,
                                        String labourCapacity, HouseholdChanged.Reason reason, LocalDate on) {
        return memberAdded(personId, personRef, name, relationship, labourCapacity,
                reason == HouseholdChanged.Reason.BIRTH ? Integer.valueOf(on.getYear()) : null, reason, on);
    }

    /** A member born in {@code birthYear} (null: not known) joined (birth, marriage, return) on {@code on}. */
    public HouseholdChanged memberAdded(UUID personId, String personRef, String name, String relationship,
                                        String labourCapacity, Integer birthYear, HouseholdChanged.Reason reason,
                                        LocalDate on) {
        members.add(new HouseholdChanged.Member(personId, personRef, name, "2104**********0099", relationship,
                labourCapacity, HouseholdChanged.MemberStatus.ACTIVE, null, null, birthYear));
        return next(HouseholdChanged.Kind.MEMBER_ADDED, reason, on, personId, divisionCode);
    }

    /** The household moved to {@code newDivision} (搬迁) on {@code on}. */
    public HouseholdChanged movedTo(String newDivision, LocalDate on) {
        String previous = divisionCode;
        divisionCode = newDivision;
        return next(HouseholdChanged.Kind.DIVISION, HouseholdChanged.Reason.RELOCATION, on, null, previous);
    }

    /** The 脱贫不享受政策户 flag set or cleared. */
    public HouseholdChanged policyFlag(boolean notEntitled, LocalDate on) {
        notEntitledToPolicy = notEntitled;
        return next(HouseholdChanged.Kind.POLICY_FLAG, HouseholdChanged.Reason.POLICY_DECISION, on, null, divisionCode);
    }

    /** The category corrected. */
    public HouseholdChanged category(HouseholdCategory corrected, LocalDate on) {
        category = corrected;
        return next(HouseholdChanged.Kind.CATEGORY, HouseholdChanged.Reason.CORRECTION, on, null, divisionCode);
    }

    /** A change in an envelope of its own (a new event id each time). */
    public static EventEnvelope<HouseholdChanged> envelope(HouseholdChanged change) {
        return EventEnvelope.of("monitoring", change.householdId().toString(), change.divisionCode(), change);
    }

    private HouseholdChanged next(HouseholdChanged.Kind kind, HouseholdChanged.Reason reason, LocalDate on, UUID personId,
                                  String previousDivision) {
        revision++;
        return new HouseholdChanged(householdId, revision, kind, reason, on, personId, divisionCode, previousDivision,
                category, notEntitledToPolicy, headName, List.copyOf(members), Instant.now());
    }
}
