package fushun.employment.inbound;

import fushun.contracts.Topics;
import fushun.contracts.monitoring.DisabilityRegistered;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.contracts.monitoring.RiskEliminated;
import fushun.contracts.monitoring.RiskEliminationRolledBack;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.employment.labour.HouseholdUpdates;
import fushun.platform.alert.ReceivedAlerts;
import fushun.platform.inbox.InboundEvents;
import fushun.platform.kafka.BatchListeners;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Monitoring's households and risk alerts, and civil affairs' status changes. */
@Component
class RiskAlertListener {

    private final InboundEvents inbound;
    private final ReceivedAlerts alerts;
    private final HouseholdUpdates households;

    RiskAlertListener(InboundEvents inbound, ReceivedAlerts alerts, HouseholdUpdates households) {
        this.inbound = inbound;
        this.alerts = alerts;
        this.households = households;
    }

    /** A poll's household events in one transaction (the registrations of a whole roster arrive at once). */
    @KafkaListener(topics = Topics.MONITORING_HOUSEHOLD, containerFactory = BatchListeners.FACTORY)
    void onHousehold(List<ConsumerRecord<String, String>> records) {
        inbound.dispatchAll("employment.households", records, new InboundEvents.Handlers()
                .on(HouseholdRegistered.class, e -> households.onRegistered(e.data(),
                        java.time.LocalDate.ofInstant(e.occurredAt(), fushun.platform.PlatformTime.CHINA)))
                .on(HouseholdChanged.class, e -> households.onChanged(e.data()))
                .on(HouseholdMonitored.class, e -> households.onMonitored(e.data()))
                .on(RiskEliminated.class, e -> households.onMonitoringEnded(e.data().householdId(),
                        java.time.LocalDate.ofInstant(e.data().eliminatedAt(), fushun.platform.PlatformTime.CHINA)))
                .on(RiskEliminationRolledBack.class, e -> households.onMonitoringEnded(e.data().householdId(), null))
                .on(DisabilityRegistered.class, e -> households.onDisabilityRegistered(e.data())));
    }

    @KafkaListener(topics = Topics.SOCIAL_ASSISTANCE_STATUS)
    void onAssistanceStatus(String json) {
        inbound.applyOnce("employment.assistance-status", json, AssistanceStatusChanged.class,
                e -> households.onAssistanceStatus(e.data()));
    }

    @KafkaListener(topics = Topics.MONITORING_RISK_ALERT)
    void on(String json) {
        inbound.applyOnce("employment.alerts", json, RiskAlertRaised.class, e -> alerts.receive(e.data()));
    }
}
