package fushun.monitoring.roster.internal;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.monitoring.HouseholdChanged.Kind;
import fushun.contracts.monitoring.HouseholdChanged.Reason;
import fushun.monitoring.household.CategoryRules;
import fushun.monitoring.household.HouseholdChange;
import fushun.monitoring.household.NewHousehold;
import fushun.monitoring.roster.RosterRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a re-imported roster changes in a registered household: members in and out, head,
 * relationships, labour capacity, the 脱贫不享受政策户 flag, the category where a cadre may correct
 * it, the division. Each difference becomes one change of the registry, in an order the registry
 * accepts (members join first, then the head, then departures). Names are not compared: a member is
 * their ID number. Pure.
 */
public final class RosterDiff {

    /** What the registry holds of the household: its members still in it. */
    public record Registered(UUID householdId, String divisionCode, HouseholdCategory category, boolean notEntitledToPolicy,
                             List<Member> members) {
    }

    public record Member(UUID id, String idNumber, String name, String relationship, String labourCapacity) {
    }

    /**
     * One change to record; {@code memberIdNumber} names the member when the change is about a member
     * who only gets an id when added by an earlier step.
     */
    public record Step(HouseholdChange change, String memberIdNumber, String summary) {
    }

    /** The steps, or the reason the roster's household cannot be applied (then nothing is). */
    public record Result(List<Step> steps, String refusedColumn, String refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    private static final String HEAD = "户主";
    private static final String FORMER_HEAD = "原户主";

    private RosterDiff() {
    }

    public static Result diff(NewHousehold file, Registered registered, LocalDate today, String note) {
        List<Step> steps = new ArrayList<>();
        Map<String, NewHousehold.NewMember> inFile = new LinkedHashMap<>();
        file.members().forEach(m -> inFile.put(m.idNumber().toUpperCase(), m));
        Map<String, Member> inRegistry = new LinkedHashMap<>();
        registered.members().forEach(m -> inRegistry.put(m.idNumber().toUpperCase(), m));

        if (file.category() != registered.category()) {
            if (!CategoryRules.cadreMayCorrect(registered.category(), file.category())) {
                return new Result(List.of(), RosterRow.Column.CATEGORY.header(), "农户类别与登记不同（登记为" + registered.category().label()
                        + "）：监测类别只能经村、乡、县认定程序确定，花名册不能更改");
            }
        }
        Optional<String> fileHead = inFile.entrySet().stream().filter(e -> HEAD.equals(e.getValue().relationship()))
                .map(Map.Entry::getKey).findFirst();
        Optional<String> registryHead = inRegistry.entrySet().stream().filter(e -> HEAD.equals(e.getValue().relationship()))
                .map(Map.Entry::getKey).findFirst();
        boolean headChanges = fileHead.isPresent() && !fileHead.equals(registryHead);

        // members who join: a new head joins without a relationship and becomes head in the next step
        for (var entry : inFile.entrySet()) {
            if (!inRegistry.containsKey(entry.getKey())) {
                NewHousehold.NewMember m = entry.getValue();
                String relationship = HEAD.equals(m.relationship()) ? null : m.relationship();
                steps.add(new Step(change(Kind.MEMBER_ADDED, today, note, c -> c.newMember(
                        new NewHousehold.NewMember(m.name(), entry.getKey(), relationship, m.labourCapacity()))), null,
                        "新增成员 " + m.name()));
            }
        }
        if (headChanges) {
            String former = registryHead.map(inFile::get).map(NewHousehold.NewMember::relationship).orElse(FORMER_HEAD);
            steps.add(new Step(change(Kind.HEAD_OF_HOUSEHOLD, today, note, c -> c.formerHeadRelationship(former)),
                    fileHead.get(), "户主变更为 " + inFile.get(fileHead.get()).name()));
        }
        for (var entry : inRegistry.entrySet()) {
            if (!inFile.containsKey(entry.getKey())) {
                steps.add(new Step(change(Kind.MEMBER_LEFT, today, note, c -> { }), entry.getKey(),
                        "成员 " + entry.getValue().name() + " 减少"));
            }
        }
        for (var entry : inFile.entrySet()) {
            Member before = inRegistry.get(entry.getKey());
            if (before == null) {
                continue;
            }
            NewHousehold.NewMember after = entry.getValue();
            boolean headRelated = HEAD.equals(after.relationship()) || HEAD.equals(before.relationship());
            String relationshipAfterHeadStep = headChanges && registryHead.orElse("").equals(entry.getKey())
                    ? after.relationship() : before.relationship();
            if (!headRelated && after.relationship() != null && !after.relationship().isBlank()
                    && !Objects.equals(after.relationship(), relationshipAfterHeadStep)) {
                steps.add(new Step(change(Kind.RELATIONSHIP, today, note, c -> c.relationship(after.relationship())),
                        entry.getKey(), "成员 " + before.name() + " 与户主关系改为 " + after.relationship()));
            }
            if (after.labourCapacity() != null && !after.labourCapacity().equals(before.labourCapacity())) {
                steps.add(new Step(change(Kind.LABOUR_CAPACITY, today, note, c -> c.labourCapacity(after.labourCapacity())),
                        entry.getKey(), "成员 " + before.name() + " 劳动能力改为 " + after.labourCapacity()));
            }
        }
        if (file.notEntitledToPolicy() != registered.notEntitledToPolicy()) {
            steps.add(new Step(change(Kind.POLICY_FLAG, today, note, c -> c.notEntitledToPolicy(file.notEntitledToPolicy())),
                    null, file.notEntitledToPolicy() ? "标识为脱贫不享受政策户" : "取消脱贫不享受政策户标识"));
        }
        if (file.category() != registered.category()) {
            steps.add(new Step(change(Kind.CATEGORY, today, note, c -> c.category(file.category())), null,
                    "农户类别更正为" + file.category().label()));
        }
        if (!file.divisionCode().equals(registered.divisionCode())) {
            steps.add(new Step(change(Kind.DIVISION, today, note, c -> c.divisionCode(file.divisionCode())), null,
                    "迁至 " + file.divisionCode()));
        }
        return new Result(List.copyOf(steps), null, null);
    }

    /** The reason a roster gives: it corrects the registry, except a move, which is a relocation. */
    private static HouseholdChange change(Kind kind, LocalDate today, String note, java.util.function.Consumer<Builder> fill) {
        Builder b = new Builder();
        fill.accept(b);
        Reason reason = kind == Kind.DIVISION ? Reason.RELOCATION : Reason.CORRECTION;
        return new HouseholdChange(kind, reason, today, null, b.newMember, b.labourCapacity, b.relationship,
                b.formerHeadRelationship, b.divisionCode, b.notEntitledToPolicy, b.category, note);
    }

    private static final class Builder {
        NewHousehold.NewMember newMember;
        String labourCapacity;
        String relationship;
        String formerHeadRelationship;
        String divisionCode;
        Boolean notEntitledToPolicy;
        HouseholdCategory category;

        Builder newMember(NewHousehold.NewMember m) { newMember = m; return this; }
        Builder labourCapacity(String v) { labourCapacity = v; return this; }
        Builder relationship(String v) { relationship = v; return this; }
        Builder formerHeadRelationship(String v) { formerHeadRelationship = v; return this; }
        Builder divisionCode(String v) { divisionCode = v; return this; }
        Builder notEntitledToPolicy(boolean v) { notEntitledToPolicy = v; return this; }
        Builder category(HouseholdCategory v) { category = v; return this; }
    }
}
