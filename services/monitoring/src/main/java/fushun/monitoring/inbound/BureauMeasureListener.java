package fushun.monitoring.inbound;

import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.monitoring.risk.RiskAlerts;
import fushun.platform.inbox.InboundEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every bureau's {@code <bureau>.measure.v1}: the answers that close the loop. */
@Component
class BureauMeasureListener {

    private final InboundEvents inbound;
    private final RiskAlerts alerts;

    BureauMeasureListener(InboundEvents inbound, RiskAlerts alerts) {
        this.inbound = inbound;
        this.alerts = alerts;
    }

    @KafkaListener(topics = "#{T(fushun.contracts.Topics).measures()}")
    void on(String json) {
        inbound.applyOnce("monitoring.measures", json, AssignmentAcknowledged.class,
                event -> alerts.onAcknowledged(event.data()));
    }
}
