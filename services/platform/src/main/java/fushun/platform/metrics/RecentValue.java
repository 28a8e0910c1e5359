package fushun.platform.metrics;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read at most once per {@code maxAge}: the gauges that share it cost one query per scrape,
 * and a scrape every few seconds (or several Prometheus servers) does not multiply the queries.
 */
public final class RecentValue<T> implements Supplier<T> {

    private final Supplier<T> read;
    private final long maxAgeNanos;
    private T value;
    private long readAt;

    public RecentValue(Supplier<T> read, Duration maxAge) {
        this.read = read;
        this.maxAgeNanos = maxAge.toNanos();
    }

    @Override
    public synchronized T get() {
        if (value == null || System.nanoTime() - readAt >= maxAgeNanos) {
            value = read.get();
            readAt = System.nanoTime();
        }
        return value;
    }
}
