package fushun.assetmanagement.inbound;

import fushun.contracts.Topics;
import fushun.assetmanagement.income.VillageHouseholds;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.contracts.monitoring.RiskEliminated;
import fushun.contracts.monitoring.RiskEliminationRolledBack;
import fushun.platform.alert.ReceivedAlerts;
import fushun.platform.inbox.InboundEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Monitoring's risk alerts. */
@Component
class RiskAlertListener {

    private final InboundEvents inbound;
    private final ReceivedAlerts alerts;
    private final VillageHouseholds households;

    RiskAlertListener(InboundEvents inbound, ReceivedAlerts alerts, VillageHouseholds households) {
        this.inbound = inbound;
        this.alerts = alerts;
        this.households = households;
    }

    /** The villages' households: who is monitored, who is out of poverty (for the distribution plans). */
    @KafkaListener(topics = Topics.MONITORING_HOUSEHOLD)
    void onHousehold(String json) {
        inbound.dispatch("asset-management.households", json, new InboundEvents.Handlers()
                .on(HouseholdRegistered.class, e -> households.onRegistered(e.data()))
                .on(HouseholdChanged.class, e -> households.onChanged(e.data()))
                .on(HouseholdMonitored.class, e -> households.onMonitored(e.data()))
                .on(RiskEliminated.class,
                e -> households.onEliminated(e.data().householdId(), true))
                .on(RiskEliminationRolledBack.class,
                e -> households.onEliminated(e.data().householdId(), false)));
    }

    @KafkaListener(topics = Topics.MONITORING_RISK_ALERT)
    void on(String json) {
        inbound.applyOnce("asset-management.alerts", json, RiskAlertRaised.class, e -> alerts.receive(e.data()));
    }
}
