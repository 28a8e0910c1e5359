package fushun.medicalinsurance.provincial;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import jakarta.annotation.PreDestroy;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The provincial platform's client behind Resilience4j. Every call goes through, from the outside
 * in: retry (exponential backoff; not when the breaker is open or the bulkhead full) → circuit
 * breaker (one for the platform) → bulkhead → time limiter.
 */
@Component
class ProvincialCalls {

    private final ProvincialPlatformClient client;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Bulkhead bulkhead;
    private final TimeLimiter timeLimiter;
    /** As many threads as the bulkhead lets calls through: a call given up on still holds its thread until
     * the HTTP client's own timeout (the same limit) ends it, so calls in flight never exceed the limit. */
    private final ExecutorService calls;

    ProvincialCalls(ProvincialProperties properties, ProvincialPlatformClient client) {
        this.client = client;
        this.calls = Executors.newFixedThreadPool(Math.max(properties.maxConcurrent(), 1), r -> {
            Thread thread = new Thread(r, "provincial-call");
            thread.setDaemon(true);
            return thread;
        });
        this.breaker = CircuitBreaker.of("provincial-platform", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(properties.breakerMinCalls(), 1) * 2)
                .minimumNumberOfCalls(properties.breakerMinCalls())
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        this.retry = Retry.of("provincial-platform", RetryConfig.custom()
                .maxAttempts(properties.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.retryWait(), 2.0))
                .ignoreExceptions(CallNotPermittedException.class, BulkheadFullException.class,
                        HttpClientErrorException.class)
                .build());
        this.bulkhead = Bulkhead.of("provincial-platform", BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrent())
                .maxWaitDuration(properties.timeout())
                .build());
        this.timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom()
                .timeoutDuration(properties.timeout())
                .cancelRunningFuture(true)
                .build());
    }

    /** One page, through every decorator; a call that did not complete in the end is an exception. */
    ProvincialPlatformClient.Page fetch(String county, String after, int limit) {
        return call(() -> client.fetch(county, after, limit));
    }

    /** The breaker, for the status page and for tests that need it closed at the start. */
    CircuitBreaker breaker() {
        return breaker;
    }

    private <T> T call(Supplier<T> fetch) {
        Supplier<T> limited = () -> {
            try {
                return timeLimiter.executeFutureSupplier(() -> CompletableFuture.supplyAsync(fetch, calls));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ProvincialUnavailableException(e);
            }
        };
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker,
                Bulkhead.decorateSupplier(bulkhead, limited))).get();
    }

    /** What went wrong, without the answer's body (it could carry personal data). */
    static String describe(Throwable e) {
        Throwable cause = e instanceof ProvincialUnavailableException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof ExecutionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String what = cause.getClass().getSimpleName();
        if (cause instanceof RestClientResponseException response) {
            what += " HTTP " + response.getStatusCode().value();
        }
        return what;
    }

    @PreDestroy
    void stop() {
        calls.shutdownNow();
    }

    /** A call that did not complete: timed out, or failed inside the time limiter. */
    static class ProvincialUnavailableException extends RuntimeException {
        ProvincialUnavailableException(Throwable cause) {
            super(Objects.requireNonNull(cause).getClass().getSimpleName(), cause);
        }
    }
}
