package fushun.monitoring.inbound;

import fushun.contracts.bureau.RiskSignalObserved;
import fushun.monitoring.discovery.Discovery;
import fushun.platform.inbox.InboundEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every bureau's {@code <bureau>.signal.v1}: department data comparison (部门信息比对). */
@Component
class BureauSignalListener {

    private final InboundEvents inbound;
    private final Discovery discovery;

    BureauSignalListener(InboundEvents inbound, Discovery discovery) {
        this.inbound = inbound;
        this.discovery = discovery;
    }

    @KafkaListener(topics = "#{T(fushun.contracts.Topics).signals()}")
    void on(String json) {
        inbound.applyOnce("monitoring.signals", json, RiskSignalObserved.class, event -> discovery.onSignal(event.data()));
    }
}
