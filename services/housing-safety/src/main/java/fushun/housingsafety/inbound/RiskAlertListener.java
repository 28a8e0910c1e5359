package fushun.housingsafety.inbound;

import fushun.contracts.Topics;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.housingsafety.household.Households;
import fushun.platform.alert.ReceivedAlerts;
import fushun.platform.inbox.InboundEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Monitoring's households and risk alerts, and civil affairs' status changes. */
@Component
class RiskAlertListener {

    private final InboundEvents inbound;
    private final ReceivedAlerts alerts;
    private final Households households;

    RiskAlertListener(InboundEvents inbound, ReceivedAlerts alerts, Households households) {
        this.inbound = inbound;
        this.alerts = alerts;
        this.households = households;
    }

    @KafkaListener(topics = Topics.MONITORING_HOUSEHOLD)
    void onHousehold(String json) {
        inbound.dispatch("housing-safety.households", json, new InboundEvents.Handlers()
                .on(HouseholdRegistered.class, e -> households.onRegistered(e.data()))
                .on(HouseholdChanged.class, e -> households.onChanged(e.data()))
                .on(HouseholdMonitored.class, e -> households.onMonitored(e.data())));
    }

    @KafkaListener(topics = Topics.SOCIAL_ASSISTANCE_STATUS)
    void onAssistanceStatus(String json) {
        inbound.applyOnce("housing-safety.assistance-status", json, AssistanceStatusChanged.class,
                e -> households.onAssistanceStatus(e.data()));
    }

    @KafkaListener(topics = Topics.MONITORING_RISK_ALERT)
    void on(String json) {
        inbound.applyOnce("housing-safety.alerts", json, RiskAlertRaised.class, e -> alerts.receive(e.data()));
    }
}
