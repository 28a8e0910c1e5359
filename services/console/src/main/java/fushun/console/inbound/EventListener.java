package fushun.console.inbound;

import fushun.console.readmodel.ReadModel;
import fushun.contracts.Topics;
import fushun.platform.inbox.InboundEvents;
import fushun.platform.kafka.BatchListeners;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every topic the console's views need, into the read model, each event once, a poll in one transaction. */
@Component
class EventListener {

    private final InboundEvents inbound;
    private final InboundEvents.Handlers handlers = new InboundEvents.Handlers();

    EventListener(InboundEvents inbound, ReadModel readModel) {
        this.inbound = inbound;
        ReadModel.TYPES.forEach(type -> handle(type, readModel));
    }

    private <T> void handle(Class<T> type, ReadModel readModel) {
        handlers.on(type, readModel::apply);
    }

    @KafkaListener(topics = {Topics.MONITORING_HOUSEHOLD, Topics.MONITORING_RISK_ALERT,
            Topics.MEDICAL_INSURANCE_SIGNAL, Topics.SOCIAL_ASSISTANCE_SIGNAL, Topics.HOUSING_SAFETY_SIGNAL,
            Topics.EMPLOYMENT_SIGNAL, Topics.MEDICAL_INSURANCE_MEASURE, Topics.SOCIAL_ASSISTANCE_MEASURE,
            Topics.HOUSING_SAFETY_MEASURE, Topics.EMPLOYMENT_MEASURE, Topics.ASSET_MANAGEMENT_MEASURE,
            Topics.SOCIAL_ASSISTANCE_STATUS, Topics.MEDICAL_INSURANCE_FEED, Topics.SOCIAL_ASSISTANCE_FEED,
            Topics.HOUSING_SAFETY_FEED, Topics.EMPLOYMENT_FEED, Topics.MONITORING_FEED}, containerFactory = BatchListeners.FACTORY)
    void on(List<ConsumerRecord<String, String>> records) {
        inbound.dispatchAll("console.read-model", records, handlers);
    }
}
