package fushun.medicalinsurance.inbound;

import fushun.contracts.Topics;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.medicalinsurance.alert.AlertReactions;
import fushun.medicalinsurance.insured.InsuredRoster;
import fushun.platform.inbox.InboundEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class MonitoringListener {

    private final InboundEvents inbound;
    private final InsuredRoster roster;
    private final AlertReactions alerts;

    MonitoringListener(InboundEvents inbound, InsuredRoster roster, AlertReactions alerts) {
        this.inbound = inbound;
        this.roster = roster;
        this.alerts = alerts;
    }

    @KafkaListener(topics = Topics.MONITORING_HOUSEHOLD)
    void onHousehold(String json) {
        inbound.applyOnce("medical-insurance.households", json, HouseholdRegistered.class, e -> roster.onRegistered(e.data()));
    }

    @KafkaListener(topics = Topics.MONITORING_RISK_ALERT)
    void onAlert(String json) {
        inbound.applyOnce("medical-insurance.alerts", json, RiskAlertRaised.class, e -> alerts.onAlert(e.data()));
    }
}
