package fushun.platform.kafka;

import fushun.platform.metrics.RecentValue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/**
 * {@code platform_dead_letters{topic}}: per topic this service consumes, its dead letters waiting
 * (indexed and not yet replayed with success), from one grouped count of the index read at most once
 * per {@code maxAge}. Registered once the listeners are (at start), one series per consumed topic:
 * the catalogue's topics, a bounded set.
 */
public class DeadLetterMetrics implements ApplicationListener<ApplicationStartedEvent> {

    public static final String WAITING = "platform.dead.letters";

    private final DeadLetters deadLetters;
    private final MeterRegistry registry;
    private final RecentValue<Map<String, Long>> waiting;

    public DeadLetterMetrics(DeadLetters deadLetters, MeterRegistry registry, Duration maxAge) {
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.waiting = new RecentValue<>(deadLetters::waitingByTopic, maxAge);
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent started) {
        for (String topic : deadLetters.consumedTopics()) {
            Gauge.builder(WAITING, waiting, w -> w.get().getOrDefault(topic, 0L))
                    .tag("topic", topic)
                    .description("dead letters waiting for a replay (given up by this service's listener), by topic")
                    .register(registry);
        }
    }
}
