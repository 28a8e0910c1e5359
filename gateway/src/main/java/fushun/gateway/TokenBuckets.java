package fushun.gateway;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per caller, in this gateway's memory: {@code burst} requests at once, then
 * {@code perSecond} a second. Enough for one gateway; several gateways behind a balancer each keep
 * their own buckets (a caller gets at most their number times the limit), and a shared store
 * (Redis, as Spring Cloud Gateway's own limiter uses) is the step after that.
 */
final class TokenBuckets {

    private static final int MAX_CALLERS = 50_000;

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long lastNanos) {
            this.tokens = tokens;
            this.lastNanos = lastNanos;
        }
    }

    TokenBuckets(double perSecond, double burst, Clock clock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least one");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** 0 if the caller may go on now (one token taken), else the whole seconds until a token is back. */
    long take(String caller) {
        long now = clock.millis() * 1_000_000L;
        if (buckets.size() > MAX_CALLERS) {
            // callers idle long enough to be full again cost nothing to forget
            long idle = (long) (burst / perSecond * 1_000_000_000L);
            buckets.entrySet().removeIf(e -> now - e.getValue().lastNanos > idle);
        }
        Bucket bucket = buckets.computeIfAbsent(caller, c -> new Bucket(burst, now));
        synchronized (bucket) {
            double refilled = bucket.tokens + (now - bucket.lastNanos) / 1e9 * perSecond;
            bucket.tokens = Math.min(burst, refilled);
            bucket.lastNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / perSecond);
        }
    }
}
