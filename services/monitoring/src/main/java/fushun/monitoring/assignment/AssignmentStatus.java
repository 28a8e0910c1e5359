package fushun.monitoring.assignment;

/** An assignment's progress. Transitions only go forward; repeating one changes nothing. */
public enum AssignmentStatus {
    ASSIGNED, ACKNOWLEDGED, MEASURE_APPLIED, CLOSED;

    public AssignmentStatus onAcknowledged() {
        return this == ASSIGNED ? ACKNOWLEDGED : this;
    }

    public AssignmentStatus onMeasure() {
        return this == CLOSED ? CLOSED : MEASURE_APPLIED;
    }

    public AssignmentStatus onClosed() {
        return CLOSED;
    }
}
