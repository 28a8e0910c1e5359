package fushun.monitoring.identification;

import fushun.platform.security.Jurisdiction;
import java.util.Optional;
import java.util.Set;

/** The steps, who may take each, and where each decision leads. Pure. */
public final class Procedure {

    public enum Stage {
        VILLAGE_SCREENING("村级摸排", "village-cadre", 12),
        TOWNSHIP_REVIEW("乡镇审核", "township-reviewer", 9),
        COUNTY_CONFIRMATION("县级认定", "county-approver", 6),
        CONFIRMED("已认定", null, 0),
        REJECTED("不予认定", null, 0);

        private final String label;
        private final String role;
        private final int divisionLevel;

        Stage(String label, String role, int divisionLevel) {
            this.label = label;
            this.role = role;
            this.divisionLevel = divisionLevel;
        }

        public String label() {
            return label;
        }

        public boolean isOpen() {
            return role != null;
        }
    }

    public enum Decision { APPROVE, REJECT }

    private Procedure() {
    }

    public static Stage next(Stage stage, Decision decision) {
        if (!stage.isOpen()) {
            throw new IllegalStateException("the procedure is closed");
        }
        if (decision == Decision.REJECT) {
            return Stage.REJECTED;
        }
        return switch (stage) {
            case VILLAGE_SCREENING -> Stage.TOWNSHIP_REVIEW;
            case TOWNSHIP_REVIEW -> Stage.COUNTY_CONFIRMATION;
            default -> Stage.CONFIRMED;
        };
    }

    /**
     * Why this caller may not decide this step, or empty if they may: the step's role, a division
     * at the step's level (a village cadre's village, a township's, a county's), and the household
     * inside it.
     */
    public static Optional<String> refusal(Stage stage, Set<String> roles, Jurisdiction jurisdiction, String householdDivision) {
        if (!stage.isOpen()) {
            return Optional.of("认定程序已结束（" + stage.label() + "）。");
        }
        if (!roles.contains(stage.role)) {
            return Optional.of("当前环节为「" + stage.label() + "」，需要由相应角色办理。");
        }
        if (jurisdiction.prefix() == null || jurisdiction.prefix().length() != stage.divisionLevel) {
            return Optional.of("「" + stage.label() + "」须由该级行政区划的人员办理。");
        }
        if (!jurisdiction.covers(householdDivision)) {
            return Optional.of("该农户不在您的管辖范围内。");
        }
        return Optional.empty();
    }
}
