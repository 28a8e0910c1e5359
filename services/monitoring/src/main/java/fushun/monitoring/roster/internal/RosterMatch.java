package fushun.monitoring.roster.internal;

import fushun.monitoring.household.NewHousehold;
import fushun.monitoring.roster.RosterRow;
import fushun.platform.security.Jurisdiction;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What a roster's household is to the registry, from the registered households its members live in
 * now: new (to register), the same as registered, changed (the differences as steps), or refused with
 * the column to name. One household at a time and a chunk of them decide alike. Pure.
 */
public final class RosterMatch {

    public enum Kind { REGISTER, UNCHANGED, CHANGE, REFUSED }

    /** {@code householdId}: the registered household (UNCHANGED, CHANGE); {@code steps} for CHANGE. */
    public record Decision(Kind kind, UUID householdId, List<RosterDiff.Step> steps, String refusedColumn,
                           String refusal) {

        static Decision refused(String column, String reason) {
            return new Decision(Kind.REFUSED, null, List.of(), column, reason);
        }
    }

    /** A registered household as the file is compared with it, and the ID numbers of its members who left. */
    public record Registered(RosterDiff.Registered household, Set<String> departed) {
    }

    private RosterMatch() {
    }

    /**
     * @param matched    the distinct registered households whose members living in them hold the file's numbers
     * @param touched    registered households an earlier household of the same file matched or registered
     * @param registered the one matched household, read (needed only when {@code matched} has exactly one
     *                   household the file has not touched yet)
     */
    public static Decision decide(NewHousehold file, List<UUID> matched, Predicate<UUID> touched,
                                  java.util.function.Function<UUID, Registered> registered, Jurisdiction jurisdiction,
                                  LocalDate today, String note) {
        String idColumn = RosterRow.Column.ID_NUMBER.header();
        if (matched.isEmpty()) {
            return new Decision(Kind.REGISTER, null, List.of(), null, null);
        }
        if (matched.size() > 1) {
            return Decision.refused(idColumn, "本户成员分属多个已登记农户");
        }
        UUID householdId = matched.get(0);
        if (touched.test(householdId)) {
            return Decision.refused(idColumn, "本户成员已在本文件的其他户中出现");
        }
        Registered loaded = registered.apply(householdId);
        RosterDiff.Registered household = loaded.household();
        if (!jurisdiction.covers(household.divisionCode()) || !jurisdiction.covers(file.divisionCode())) {
            return Decision.refused(idColumn, "本户成员已在其他农户中登记");
        }
        if (file.members().stream().map(NewHousehold.NewMember::idNumber).anyMatch(loaded.departed()::contains)) {
            // an old roster must not bring back someone recorded as dead or gone
            return Decision.refused(idColumn, "名单中有本户已登记减少（死亡、迁出等）的成员；如确已回迁，请单独登记成员增加");
        }
        RosterDiff.Result diff = RosterDiff.diff(file, household, today, note);
        if (diff.refused()) {
            return Decision.refused(diff.refusedColumn(), diff.refusal());
        }
        if (diff.steps().isEmpty()) {
            return new Decision(Kind.UNCHANGED, householdId, List.of(), null, null);
        }
        return new Decision(Kind.CHANGE, householdId, diff.steps(), null, null);
    }
}
