package fushun.contracts.monitoring;

import fushun.contracts.HouseholdCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A village cadre recorded a change to a registered household (动态调整): a member added or gone,
 * a member's labour capacity or relationship, a new head, a move to another division, the
 * 脱贫不享受政策户 flag or a category correction. It carries the household's whole state after the
 * change, so a consumer replaces what it keeps; {@code revision} grows by one with every change of
 * the household, so a consumer that already applied a revision skips it (a replay under a new event
 * id included). Words are fixed ({@link Kind}, {@link Reason}): the cadre's own note stays in
 * monitoring. Members who left stay in the list with {@code status = LEFT}: history keeps them.
 *
 * @param previousDivisionCode the division before a move (DIVISION changes), else the same as {@code divisionCode}
 * @param personId             the member the change is about, or null for household-level changes
 * @param effectiveOn          the day the change took effect (a birth, a death, a move)
 */
public record HouseholdChanged(
        UUID householdId,
        int revision,
        Kind kind,
        Reason reason,
        LocalDate effectiveOn,
        UUID personId,
        String divisionCode,
        String previousDivisionCode,
        HouseholdCategory category,
        boolean notEntitledToPolicy,
        String headName,
        List<Member> members,
        Instant recordedAt) {

    public enum Kind {
        MEMBER_ADDED, MEMBER_LEFT, LABOUR_CAPACITY, RELATIONSHIP, HEAD_OF_HOUSEHOLD, DIVISION, POLICY_FLAG, CATEGORY
    }

    /** Why, in fixed words (the label is what a person reads). */
    public enum Reason {
        BIRTH("出生"), MARRIAGE_IN("婚入"), RETURN("回迁"), DEATH("死亡"), MARRIAGE_OUT("婚出"), MOVED_OUT("外出迁居"),
        HUKOU_MOVED_OUT("户口迁出"), REASSESSED("重新评定"), CORRECTION("信息更正"), RELOCATION("搬迁"),
        POLICY_DECISION("政策认定");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The reasons for which a member leaves the household. */
        public boolean isDeparture() {
            return this == DEATH || this == MARRIAGE_OUT || this == MOVED_OUT || this == HUKOU_MOVED_OUT;
        }

        /** The reasons for which a member joins the household. */
        public boolean isArrival() {
            return this == BIRTH || this == MARRIAGE_IN || this == RETURN;
        }
    }

    public enum MemberStatus {
        ACTIVE, LEFT
    }

    /**
     * A member as in {@link HouseholdRegistered.Member} (with its year of birth, never the full date),
     * and whether they are still in the household.
     */
    public record Member(UUID personId, String personRef, String name, String maskedIdNumber, String relationship,
                         String labourCapacity, MemberStatus status, LocalDate leftOn, Reason leftReason,
                         Integer birthYear) {

        public boolean active() {
            return status == MemberStatus.ACTIVE;
        }
    }

    /** The members still in the household. */
    public List<Member> activeMembers() {
        return members.stream().filter(Member::active).toList();
    }

    /** The member this change is about, if any. */
    public java.util.Optional<Member> member() {
        return members.stream().filter(m -> m.personId().equals(personId)).findFirst();
    }
}
