package fushun.assetmanagement.inbound;

import fushun.assetmanagement.income.VillageHouseholds;
import fushun.contracts.Topics;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.contracts.monitoring.RiskEliminated;
import fushun.contracts.monitoring.RiskEliminationRolledBack;
import fushun.platform.alert.ReceivedAlerts;
import fushun.platform.inbox.InboundEvents;
import fushun.platform.kafka.BatchListeners;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    /** A poll's household events in one transaction (the registrations of a whole roster arrive at once). */
    @KafkaListener(topics = Topics.MONITORING_HOUSEHOLD, containerFactory = BatchListeners.FACTORY)
    void onHousehold(List<ConsumerRecord<String, String>> records) {
        inbound.dispatchAll("asset-management.households", records, new InboundEvents.Handlers()
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
