package fushun.monitoring.inbound;

import fushun.contracts.bureau.RiskSignalObserved;
import fushun.monitoring.assignment.BureauRoles;
import fushun.monitoring.discovery.Discovery;
import fushun.platform.inbox.InboundEvents;
import fushun.platform.kafka.PoisonEventException;
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
        inbound.applyOnce("monitoring.signals", json, RiskSignalObserved.class, event -> {
            // a bureau speaks for itself only: the signal's bureau must be the service that sent it
            if (!BureauRoles.serviceOf(event.data().source()).map(event.source()::equals).orElse(false)) {
                throw new PoisonEventException("a signal of " + event.data().source() + " sent by " + event.source());
            }
            discovery.onSignal(event.data());
        });
    }
}
