package fushun.monitoring.discovery;

/** How a clue reached the platform. */
public enum Channel {
    SELF_APPLICATION("农户主动申请"),
    DEPARTMENT_COMPARISON("部门信息比对"),
    CADRE_VISIT("基层干部跟踪回访");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
