package fushun.contracts;

import fushun.contracts.assetmanagement.AssetIncomeDistributed;
import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.contracts.bureau.CaseClosed;
import fushun.contracts.bureau.MeasureApplied;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.contracts.feed.FeedDeadlineMissed;
import fushun.contracts.feed.MonthlyTotals;
import fushun.contracts.medicalinsurance.FeedCompletenessChecked;
import fushun.contracts.monitoring.AssignmentEscalated;
import fushun.contracts.monitoring.DisabilityRegistered;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.contracts.monitoring.RiskEliminated;
import fushun.contracts.monitoring.RiskEliminationRolledBack;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import java.util.List;
import java.util.Optional;

/** Every event type the platform publishes. A type not listed here cannot be put in an envelope. */
public final class EventCatalog {

    private static final List<EventType> TYPES = List.of(
            new EventType("HouseholdRegistered", 1, HouseholdRegistered.class, Topics.MONITORING_HOUSEHOLD),
            new EventType("HouseholdChanged", 1, HouseholdChanged.class, Topics.MONITORING_HOUSEHOLD),
            new EventType("HouseholdMonitored", 1, HouseholdMonitored.class, Topics.MONITORING_HOUSEHOLD),
            new EventType("RiskEliminated", 1, RiskEliminated.class, Topics.MONITORING_HOUSEHOLD),
            new EventType("RiskEliminationRolledBack", 1, RiskEliminationRolledBack.class, Topics.MONITORING_HOUSEHOLD),
            new EventType("DisabilityRegistered", 1, DisabilityRegistered.class, Topics.MONITORING_HOUSEHOLD),
            new EventType("RiskAlertRaised", 1, RiskAlertRaised.class, Topics.MONITORING_RISK_ALERT),
            new EventType("RiskSignalObserved", 1, RiskSignalObserved.class, "<bureau>.signal.v1"),
            new EventType("AssignmentEscalated", 1, AssignmentEscalated.class, Topics.MONITORING_RISK_ALERT),
            new EventType("AssignmentAcknowledged", 1, AssignmentAcknowledged.class, "<bureau>.measure.v1"),
            new EventType("MeasureApplied", 1, MeasureApplied.class, "<bureau>.measure.v1"),
            new EventType("CaseClosed", 1, CaseClosed.class, "<bureau>.measure.v1"),
            new EventType("AssistanceStatusChanged", 1, AssistanceStatusChanged.class, Topics.SOCIAL_ASSISTANCE_STATUS),
            new EventType("FeedCompletenessChecked", 1, FeedCompletenessChecked.class, Topics.MEDICAL_INSURANCE_FEED),
            new EventType("FeedDeadlineMissed", 1, FeedDeadlineMissed.class, "<service>.feed.v1"),
            new EventType("MonthlyTotals", 1, MonthlyTotals.class, "<service>.feed.v1"),
            new EventType("AssetIncomeDistributed", 1, AssetIncomeDistributed.class, Topics.ASSET_MANAGEMENT_MEASURE));

    private EventCatalog() {
    }

    public static List<EventType> all() {
        return TYPES;
    }

    public static EventType typeOf(Class<?> recordClass) {
        return TYPES.stream().filter(t -> t.recordClass().equals(recordClass)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a catalogued event: " + recordClass.getName()));
    }

    public static Optional<EventType> byName(String name) {
        return TYPES.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
