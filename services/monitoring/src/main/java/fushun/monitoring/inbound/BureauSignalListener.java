package fushun.monitoring.inbound;

import fushun.contracts.bureau.RiskSignalObserved;
import fushun.monitoring.assignment.BureauRoles;
import fushun.monitoring.discovery.Discovery;
import fushun.platform.inbox.InboundEvents;
import fushun.platform.kafka.BatchListeners;
import fushun.platform.kafka.PoisonEventException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every bureau's {@code <bureau>.signal.v1}: department data comparison (部门信息比对). */
@Component
class BureauSignalListener {

    private final InboundEvents inbound;
    private final InboundEvents.Handlers handlers;

    BureauSignalListener(InboundEvents inbound, Discovery discovery) {
        this.inbound = inbound;
        this.handlers = new InboundEvents.Handlers().on(RiskSignalObserved.class, event -> {
            // a bureau speaks for itself only: the signal's bureau must be the service that sent it
            if (!BureauRoles.serviceOf(event.data().source()).map(event.source()::equals).orElse(false)) {
                throw new PoisonEventException("a signal of " + event.data().source() + " sent by " + event.source());
            }
            discovery.onSignal(event.data());
        });
    }

    /*
     * A poll's signals in one transaction, on one consumer per partition (the signal topics have 3).
     * Every signal topic is keyed by household and the range assignor (pinned here; the signal topics
     * share their partition count) gives one consumer the same partition of each topic, so a
     * household's signals from every bureau stay on one thread, in order.
     */
    @KafkaListener(topics = "#{T(fushun.contracts.Topics).signals()}", concurrency = "3",
            containerFactory = BatchListeners.FACTORY,
            properties = "partition.assignment.strategy=org.apache.kafka.clients.consumer.RangeAssignor")
    void on(List<ConsumerRecord<String, String>> records) {
        inbound.dispatchAll("monitoring.signals", records, handlers);
    }
}
