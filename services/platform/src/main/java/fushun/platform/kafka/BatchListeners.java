package fushun.platform.kafka;

/**
 * The container factory for listeners that apply many events: {@code @KafkaListener(topics = ...,
 * containerFactory = BatchListeners.FACTORY)} on a method taking {@code List<ConsumerRecord<String, String>>}
 * that hands the records to {@link fushun.platform.inbox.InboundEvents#dispatchAll}. It is Boot's
 * factory (same consumer settings, error handler, acknowledgement once per poll) with batch delivery
 * (ADR 0035).
 */
public final class BatchListeners {

    public static final String FACTORY = "platformBatchListenerContainerFactory";

    private BatchListeners() {
    }
}
