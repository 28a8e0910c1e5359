package fushun.monitoring.inbound;

import fushun.contracts.Topics;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.monitoring.assistance.AssistanceStatuses;
import fushun.platform.inbox.InboundEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Civil affairs' {@code social-assistance.status.v1}: dibao / 特困 granted or stopped, temporary aid paid. */
@Component
class AssistanceStatusListener {

    private static final String CONSUMER = "monitoring.assistance-status";

    private final InboundEvents inbound;
    private final AssistanceStatuses statuses;

    AssistanceStatusListener(InboundEvents inbound, AssistanceStatuses statuses) {
        this.inbound = inbound;
        this.statuses = statuses;
    }

    @KafkaListener(topics = Topics.SOCIAL_ASSISTANCE_STATUS)
    void on(String json) {
        inbound.applyOnce(CONSUMER, json, AssistanceStatusChanged.class, event -> {
            // only civil affairs decides who is on dibao or 特困
            if ("social-assistance".equals(event.source())) {
                statuses.apply(event.data());
            }
        });
    }
}
