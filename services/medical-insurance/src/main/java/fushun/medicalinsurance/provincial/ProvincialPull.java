package fushun.medicalinsurance.provincial;

import fushun.medicalinsurance.feed.FeedCompleteness;
import fushun.medicalinsurance.settlement.SettlementFeed;
import fushun.medicalinsurance.settlement.RawSettlement;
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
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Pulls each county's settlements from the provincial platform, page by page from the stored
 * cursor. A page and the cursor after it commit together: a pull that fails (the platform down,
 * slow, resetting connections, sending garbage) leaves the cursor where it was and is simply tried
 * again at the next run; settlements are idempotent by id, so a page seen twice counts once.
 *
 * <p>Every call goes through, from the outside in: retry (exponential backoff; not when the
 * breaker is open or the bulkhead full) → circuit breaker (one for the platform) → bulkhead → time
 * limiter.
 */
@Service
@EnableConfigurationProperties(ProvincialProperties.class)
public class ProvincialPull {

    private static final Logger log = LoggerFactory.getLogger(ProvincialPull.class);
    static final String SOURCE = "PROVINCIAL";

    public record PullResult(String county, int pages, int accepted, int duplicates, int rejected, boolean failed,
                             String error) {
    }

    public record CountyState(String county, String cursor, long pulled, Instant lastSuccess, Instant lastFailure,
                              String lastError) {
    }

    public record Status(boolean enabled, String breakerState, List<CountyState> counties) {
    }

    private final ProvincialProperties properties;
    private final FeedCompleteness counties;
    private final ProvincialPlatformClient client;
    private final SettlementFeed feed;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Bulkhead bulkhead;
    private final TimeLimiter timeLimiter;
    /** As many threads as the bulkhead lets calls through: a call given up on still holds its thread until
     * the HTTP client's own timeout (the same limit) ends it, so calls in flight never exceed the limit. */
    private final ExecutorService calls;

    public ProvincialPull(ProvincialProperties properties, ProvincialPlatformClient client, SettlementFeed feed,
                          JdbcClient jdbc, TransactionTemplate transaction, FeedCompleteness counties) {
        this.properties = properties;
        this.counties = counties;
        this.client = client;
        this.feed = feed;
        this.jdbc = jdbc;
        this.transaction = transaction;
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

    /** Every configured county, on a schedule, when a provincial platform is configured. */
    @Scheduled(initialDelayString = "${medical-insurance.provincial.initial-delay:PT2M}",
            fixedDelayString = "${medical-insurance.provincial.interval:PT15M}")
    public void pullAll() {
        if (!properties.enabled()) {
            return;
        }
        for (String county : counties()) {
            PullResult result = pull(county);
            if (result.failed()) {
                log.warn("Provincial pull for county {} failed: {}", county, result.error());
            }
        }
    }

    /** Pulls one county from its cursor until the platform has no more, or a run's page limit. */
    public PullResult pull(String county) {
        int pages = 0;
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        String cursor = cursorOf(county);
        while (pages < properties.maxPagesPerRun()) {
            ProvincialPlatformClient.Page page;
            try {
                String after = cursor;
                page = call(() -> client.fetch(county, after, properties.pageSize()));
            } catch (RuntimeException e) {
                return failed(county, pages, accepted, duplicates, rejected, e);
            }
            List<SettlementFeed.RowResult> rows;
            try {
                rows = store(county, cursor, page);
            } catch (RuntimeException e) {
                return failed(county, pages, accepted, duplicates, rejected, e);
            }
            pages++;
            accepted += count(rows, SettlementFeed.Outcome.ACCEPTED);
            duplicates += count(rows, SettlementFeed.Outcome.DUPLICATE);
            rejected += count(rows, SettlementFeed.Outcome.REJECTED);
            cursor = page.nextCursor() == null ? cursor : page.nextCursor();
            if (!page.hasMore()) {
                break;
            }
        }
        return new PullResult(county, pages, accepted, duplicates, rejected, false, null);
    }

    private PullResult failed(String county, int pages, int accepted, int duplicates, int rejected, RuntimeException e) {
        String error = describe(e);
        try {
            jdbc.sql("update provincial_cursor set last_failure = now(), last_error = :error where county_code = :c")
                    .param("error", error).param("c", county).update();
        } catch (RuntimeException databaseDown) {
            log.warn("Could not record the failed provincial pull for county {}", county);
        }
        return new PullResult(county, pages, accepted, duplicates, rejected, true, error);
    }

    private List<SettlementFeed.RowResult> store(String county, String cursorBefore, ProvincialPlatformClient.Page page) {
        return transaction.execute(status -> {
            List<RawSettlement> records = page.settlements().stream()
                    .map(r -> r == null ? null : new RawSettlement(r.settlementId(), r.idNumber(), county, r.hospital(),
                            r.settledOn(), r.totalCost(), r.policyRangeCost(), r.basicInsurancePaid()))
                    .toList();
            List<SettlementFeed.RowResult> results = feed.accept(records, "provincial-platform", SOURCE);
            for (SettlementFeed.RowResult row : results) {
                if (row.outcome() == SettlementFeed.Outcome.REJECTED) {
                    jdbc.sql("insert into provincial_rejected (settlement_id, county_code, problems) values (:id, :c, :p)")
                            .param("id", String.valueOf(row.settlementId())).param("c", county)
                            .param("p", row.problems().stream().map(p -> p.field() + ": " + p.message())
                                    .reduce((a, b) -> a + "; " + b).orElse("")).update();
                }
            }
            // compare-and-set: a concurrent run that moved the cursor first wins, this page rolls back
            int moved = jdbc.sql("""
                            update provincial_cursor set cursor_value = coalesce(:next, cursor_value),
                                pulled = pulled + :accepted,
                                last_success = now()
                            where county_code = :c and cursor_value is not distinct from :before""")
                    .param("next", page.nextCursor()).param("accepted", count(results, SettlementFeed.Outcome.ACCEPTED))
                    .param("c", county).param("before", cursorBefore).update();
            if (moved == 0) {
                throw new IllegalStateException("another pull moved county " + county + "'s cursor first");
            }
            return results;
        });
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

    /** The cursor, creating the county's row on first use. */
    private String cursorOf(String county) {
        jdbc.sql("insert into provincial_cursor (county_code) values (:c) on conflict do nothing").param("c", county).update();
        return jdbc.sql("select cursor_value from provincial_cursor where county_code = :c").param("c", county)
                .query((rs, n) -> rs.getString(1)).list().get(0);
    }

    public Status status() {
        List<CountyState> states = jdbc.sql("""
                        select county_code, cursor_value, pulled, last_success, last_failure, last_error
                        from provincial_cursor order by county_code""")
                .query((rs, n) -> new CountyState(rs.getString(1), rs.getString(2), rs.getLong(3),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), rs.getString(6)))
                .list();
        return new Status(properties.enabled(), breaker.getState().name(), states);
    }

    /** The breaker, for the status page and for tests that need it closed at the start. */
    public CircuitBreaker breaker() {
        return breaker;
    }

    public boolean enabled() {
        return properties.enabled();
    }

    public List<String> counties() {
        return properties.counties().isEmpty()
                ? counties.countyCodes()
                : properties.counties();
    }

    /** What went wrong, without the answer's body (it could carry personal data). */
    private static String describe(Throwable e) {
        Throwable cause = e instanceof ProvincialUnavailableException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof java.util.concurrent.ExecutionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String what = cause.getClass().getSimpleName();
        if (cause instanceof RestClientResponseException response) {
            what += " HTTP " + response.getStatusCode().value();
        }
        return what;
    }

    private static int count(List<SettlementFeed.RowResult> rows, SettlementFeed.Outcome outcome) {
        return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
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
