package fushun.medicalinsurance.provincial;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the provincial medical-insurance platform is and how this service treats it. Without a
 * {@code base-url} the pull is off (the local platform has no provincial platform to call).
 *
 * @param counties         the counties pulled; empty means every county of the feed
 * @param timeout          one call's time limit
 * @param maxAttempts      attempts per call, the first included; waits double from {@code retryWait}
 * @param breakerMinCalls  calls the breaker looks at before it may open; it opens at half of them failed
 * @param breakerOpenFor   how long an open breaker refuses calls before it lets a trial through
 * @param maxConcurrent    calls in flight at once (the bulkhead)
 */
@ConfigurationProperties("medical-insurance.provincial")
public record ProvincialProperties(
        String baseUrl,
        String apiKey,
        @DefaultValue List<String> counties,
        @DefaultValue("500") int pageSize,
        @DefaultValue("20") int maxPagesPerRun,
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("PT1S") Duration retryWait,
        @DefaultValue("10") int breakerMinCalls,
        @DefaultValue("PT1M") Duration breakerOpenFor,
        @DefaultValue("2") int maxConcurrent) {

    public boolean enabled() {
        return baseUrl != null && !baseUrl.isBlank();
    }
}
