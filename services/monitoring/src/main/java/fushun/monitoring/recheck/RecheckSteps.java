package fushun.monitoring.recheck;

import fushun.contracts.HouseholdCategory;
import fushun.monitoring.household.CategoryRules;
import fushun.platform.security.Jurisdiction;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A re-check task's steps: which status each step needs, who takes it (role and division level)
 * and where it leads. A visit may be recorded again until the township has reviewed; a township
 * rejection sends the task back to the village, a county rejection back to the township. Pure.
 */
public final class RecheckSteps {

    public enum Status {
        TO_VISIT("待走访"),
        VISITED("待乡镇审核"),
        REVIEWED("待县级确认"),
        CONFIRMED("已确认"),
        /** the household moved to another county before the task was confirmed: not this county's to finish */
        MOVED_OUT("已迁出本县");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean isOpen() {
            return this != CONFIRMED && this != MOVED_OUT;
        }
    }

    public enum Step {
        VISIT("村级走访", "village-cadre", 12, EnumSet.of(Status.TO_VISIT, Status.VISITED), Status.VISITED, null),
        REVIEW("乡镇审核", "township-reviewer", 9, EnumSet.of(Status.VISITED), Status.REVIEWED, Status.TO_VISIT),
        CONFIRMATION("县级确认", "county-approver", 6, EnumSet.of(Status.REVIEWED), Status.CONFIRMED, Status.VISITED);

        private final String label;
        private final String role;
        private final int divisionLevel;
        private final Set<Status> needs;
        private final Status onApproval;
        private final Status onRejection;

        Step(String label, String role, int divisionLevel, Set<Status> needs, Status onApproval, Status onRejection) {
            this.label = label;
            this.role = role;
            this.divisionLevel = divisionLevel;
            this.needs = needs;
            this.onApproval = onApproval;
            this.onRejection = onRejection;
        }

        public String label() {
            return label;
        }

        public Set<Status> needs() {
            return needs;
        }
    }

    /** What a village cadre found: the household stays monitored, or the county is asked to change something. */
    public enum Outcome {
        STILL_AT_RISK("仍有风险，继续监测"),
        PROPOSE_ELIMINATION("建议标注风险消除"),
        PROPOSE_CATEGORY_CHANGE("建议调整监测类别");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private RecheckSteps() {
    }

    /** The status after the step; a visit is always an approval (it records, it does not judge). */
    public static Status next(Step step, Status current, boolean approve) {
        if (!step.needs.contains(current)) {
            throw new IllegalStateException(step + " needs " + step.needs + ", the task is " + current);
        }
        if (!approve && step.onRejection == null) {
            throw new IllegalStateException(step + " cannot be rejected");
        }
        return approve ? step.onApproval : step.onRejection;
    }

    /**
     * Why this caller may not take the step on this task, or empty if they may: the task in the
     * step's status, the step's role, a division at the step's level, and the household inside it.
     */
    public static Optional<String> refusal(Step step, Status current, Set<String> roles, Jurisdiction jurisdiction,
                                           String householdDivision) {
        if (!step.needs.contains(current)) {
            return Optional.of("该任务当前为「" + current.label() + "」，不能办理「" + step.label() + "」。");
        }
        if (!roles.contains(step.role)) {
            return Optional.of("「" + step.label() + "」需要由相应角色办理。");
        }
        if (jurisdiction.prefix() == null || jurisdiction.prefix().length() != step.divisionLevel) {
            return Optional.of("「" + step.label() + "」须由该级行政区划的人员办理。");
        }
        if (!jurisdiction.covers(householdDivision)) {
            return Optional.of("该农户不在您的管辖范围内。");
        }
        return Optional.empty();
    }

    /**
     * Why this outcome is not acceptable for a household that is {@code current} now, or empty: a
     * proposed category only with a proposed change, and then one the county may name for the
     * household (CategoryRules) other than its own.
     */
    public static Optional<String> outcomeRefusal(Outcome outcome, HouseholdCategory proposed, HouseholdCategory current) {
        if (outcome != Outcome.PROPOSE_CATEGORY_CHANGE) {
            return proposed == null ? Optional.empty() : Optional.of("只有建议调整监测类别时才填写建议类别。");
        }
        Set<HouseholdCategory> allowed = EnumSet.copyOf(CategoryRules.countyMayName(current));
        allowed.remove(current);
        if (allowed.isEmpty()) {
            return Optional.of("该户当前为" + current.label() + "，没有可调整的监测类别。");
        }
        if (proposed == null || !allowed.contains(proposed)) {
            return Optional.of("建议类别须为："
                    + allowed.stream().map(HouseholdCategory::label).collect(Collectors.joining("或")) + "。");
        }
        return Optional.empty();
    }
}
