package fushun.housingsafety.inbound;

import fushun.contracts.Topics;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.housingsafety.alert.ReceivedAlerts;
import fushun.platform.inbox.InboundEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Monitoring's risk alerts. */
@Component
class RiskAlertListener {

    private final InboundEvents inbound;
    private final ReceivedAlerts alerts;

    RiskAlertListener(InboundEvents inbound, ReceivedAlerts alerts) {
        this.inbound = inbound;
        this.alerts = alerts;
    }

    @KafkaListener(topics = Topics.MONITORING_RISK_ALERT)
    void on(String json) {
        inbound.applyOnce("housing-safety.alerts", json, RiskAlertRaised.class, e -> alerts.onAlert(e.data()));
    }
}
