package fushun.platform.alert;

import fushun.contracts.monitoring.RiskAlertRaised;
import java.util.Optional;

/**
 * A service's own reaction to an alert that names its bureau, as one bean (at most one per service).
 * Both steps run once per alert, in the transaction that records the alert and acknowledges it, so
 * they commit or roll back with it; a redelivery or a replay of the alert under a new event id calls
 * neither again. Without such a bean the alert is recorded and acknowledged only.
 */
public interface AlertReaction {

    /**
     * Before the acknowledgement: takes the assignment on, e.g. opens the bureau's own case.
     *
     * @return the reference of that case, which the acknowledgement gives monitoring; empty for the
     *         platform's reference ({@code platform.alerts.case-reference-prefix})
     */
    default Optional<String> openCase(RiskAlertRaised alert, RiskAlertRaised.Assignment assignment) {
        return Optional.empty();
    }

    /**
     * After the acknowledgement: what the bureau does at once. Events it writes to the outbox leave
     * after the acknowledgement (a measure never overtakes it).
     */
    default void onAssigned(RiskAlertRaised alert, RiskAlertRaised.Assignment assignment) {
    }

    /** For a service without a reaction of its own. */
    AlertReaction NONE = new AlertReaction() {
    };
}
