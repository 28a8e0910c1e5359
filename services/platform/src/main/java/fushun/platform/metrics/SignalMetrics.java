package fushun.platform.metrics;

import fushun.contracts.bureau.RiskSignalObserved;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the risk signals a bureau publishes, {@code platform_signals_published_total{bureau,
 * risk_type}}: the outbox writer calls it for every {@link RiskSignalObserved} it stores, so no
 * bureau's publisher can forget it. Counted when the transaction commits: a signal rolled back
 * with its change never leaves, and is not counted.
 */
public final class SignalMetrics {

    public static final String PUBLISHED = "platform.signals.published";

    private final MeterRegistry registry;

    public SignalMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void published(RiskSignalObserved signal) {
        // both tags are enum names: a bounded set of series, and nothing about the household
        Counter counter = Counter.builder(PUBLISHED).tag("bureau", String.valueOf(signal.source()))
                .tag("risk_type", String.valueOf(signal.riskType()))
                .description("risk signals published to monitoring, by bureau and risk type").register(registry);
        AfterCommit.run(counter::increment);
    }
}
