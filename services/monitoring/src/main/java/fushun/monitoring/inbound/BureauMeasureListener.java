package fushun.monitoring.inbound;

import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.contracts.bureau.CaseClosed;
import fushun.contracts.bureau.MeasureApplied;
import fushun.monitoring.assignment.Assignments;
import fushun.platform.inbox.InboundEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every bureau's {@code <bureau>.measure.v1}: the answers that close the loop. */
@Component
class BureauMeasureListener {

    private static final String CONSUMER = "monitoring.measures";

    private final InboundEvents inbound;
    private final Assignments assignments;

    BureauMeasureListener(InboundEvents inbound, Assignments assignments) {
        this.inbound = inbound;
        this.assignments = assignments;
    }

    @KafkaListener(topics = "#{T(fushun.contracts.Topics).measures()}")
    void on(String json) {
        inbound.applyOnce(CONSUMER, json, AssignmentAcknowledged.class, event -> assignments.onAcknowledged(event.data(), event.source()));
        inbound.applyOnce(CONSUMER, json, MeasureApplied.class, event -> assignments.onMeasure(event.data(), event.source()));
        inbound.applyOnce(CONSUMER, json, CaseClosed.class, event -> assignments.onClosed(event.data(), event.source()));
    }
}
