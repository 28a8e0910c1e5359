package fushun.medicalinsurance.provincial;

import fushun.medicalinsurance.feed.FeedCompleteness;
import fushun.medicalinsurance.settlement.RawSettlement;
import fushun.medicalinsurance.settlement.SettlementFeed;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pulls each county's settlements from the provincial platform, page by page from the stored
 * cursor. A page and the cursor after it commit together: a pull that fails (the platform down,
 * slow, resetting connections, sending garbage) leaves the cursor where it was and is simply tried
 * again at the next run; settlements are idempotent by id, so a page seen twice counts once. The
 * calls are {@link ProvincialCalls}' (time limit, retry, breaker, bulkhead), the cursors
 * {@link ProvincialCursors}'.
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
    private final ProvincialCalls calls;
    private final ProvincialCursors cursors;
    private final SettlementFeed feed;
    private final TransactionTemplate transaction;

    ProvincialPull(ProvincialProperties properties, ProvincialCalls calls, ProvincialCursors cursors,
                   SettlementFeed feed, TransactionTemplate transaction, FeedCompleteness counties) {
        this.properties = properties;
        this.counties = counties;
        this.calls = calls;
        this.cursors = cursors;
        this.feed = feed;
        this.transaction = transaction;
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
        String cursor = cursors.cursorOf(county);
        while (pages < properties.maxPagesPerRun()) {
            ProvincialPlatformClient.Page page;
            try {
                page = calls.fetch(county, cursor, properties.pageSize());
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
        String error = ProvincialCalls.describe(e);
        try {
            cursors.failed(county, error);
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
                    cursors.rejected(county, row);
                }
            }
            // a concurrent run that moved the cursor first wins, this page rolls back
            if (!cursors.advance(county, cursorBefore, page.nextCursor(),
                    count(results, SettlementFeed.Outcome.ACCEPTED))) {
                throw new IllegalStateException("another pull moved county " + county + "'s cursor first");
            }
            return results;
        });
    }

    public Status status() {
        return new Status(properties.enabled(), calls.breaker().getState().name(), cursors.states());
    }

    /** The breaker, for the status page and for tests that need it closed at the start. */
    public CircuitBreaker breaker() {
        return calls.breaker();
    }

    public boolean enabled() {
        return properties.enabled();
    }

    public List<String> counties() {
        return properties.counties().isEmpty()
                ? counties.countyCodes()
                : properties.counties();
    }

    private static int count(List<SettlementFeed.RowResult> rows, SettlementFeed.Outcome outcome) {
        return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
