package fushun.medicalinsurance.feed;

import fushun.contracts.Bureau;
import fushun.contracts.Topics;
import fushun.contracts.medicalinsurance.FeedCompletenessChecked;
import fushun.medicalinsurance.settlement.SettlementArrivals;
import fushun.platform.PlatformTime;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.security.Jurisdiction;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether each county's settlements of a month arrived by the deadline: the given day of the next
 * month (the platform's parameter {@code feed.deadline-day} for medical insurance, the 5th), end of
 * that day in China. Settlements received later count as late. The platform's feed mechanism reads
 * the same settlements ({@link SettlementArrivalSource}) and publishes {@code FeedDeadlineMissed} beside this
 * service's own {@link FeedCompletenessChecked} (ADR 0036).
 */
@Service
public class FeedCompleteness {


    public enum State {
        /** settlements arrived by the deadline */
        ON_TIME,
        /** the first settlement came after the deadline */
        LATE,
        /** the deadline passed and nothing came */
        MISSING,
        /** nothing yet, the deadline has not passed */
        PENDING
    }

    public record CountyFeed(String county, String name, long onTime, long late, Instant firstReceivedAt, State state) {
    }

    public record MonthFeed(YearMonth month, LocalDate deadline, List<CountyFeed> counties) {
    }

    private static final SettlementArrivals.Arrived NOTHING = new SettlementArrivals.Arrived(0, 0, null);

    private final JdbcClient jdbc;
    private final SettlementArrivals settlements;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final fushun.platform.feed.FeedCompleteness feeds;

    public FeedCompleteness(JdbcClient jdbc, SettlementArrivals settlements, OutboxWriter outbox, Clock clock,
                            fushun.platform.feed.FeedCompleteness feeds) {
        this.feeds = feeds;
        this.jdbc = jdbc;
        this.settlements = settlements;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The counties whose settlements are expected each month, by code. */
    public List<String> countyCodes() {
        return jdbc.sql("select county_code from feed_county order by county_code").query(String.class).list();
    }

    /** One deadline for both checks: the platform's, for medical insurance (V8 carried the earlier parameter over). */
    public LocalDate deadlineOf(YearMonth month) {
        return feeds.deadlineOf(Bureau.MEDICAL_INSURANCE, month);
    }

    /** The month's feed per county within the caller's jurisdiction. */
    public MonthFeed status(YearMonth month, Jurisdiction jurisdiction) {
        LocalDate deadline = deadlineOf(month);
        Instant cutoff = deadline.plusDays(1).atStartOfDay(PlatformTime.CHINA).toInstant();
        boolean passed = !clock.instant().isBefore(cutoff);
        Map<String, SettlementArrivals.Arrived> arrived = settlements.perCounty(month, cutoff,
                jurisdiction.likePattern());
        List<CountyFeed> counties = jdbc.sql("""
                        select county_code, name from feed_county where county_code like :scope
                        order by county_code""")
                .param("scope", jurisdiction.likePattern())
                .query((rs, n) -> {
                    String county = rs.getString(1);
                    SettlementArrivals.Arrived received = arrived.getOrDefault(county, NOTHING);
                    long onTime = received.onTime();
                    long late = received.late();
                    State state = onTime > 0 ? State.ON_TIME : late > 0 ? State.LATE : passed ? State.MISSING : State.PENDING;
                    return new CountyFeed(county, rs.getString(2), onTime, late, received.firstReceivedAt(), state);
                })
                .list();
        return new MonthFeed(month, deadline, counties);
    }

    /**
     * Once the last month's deadline has passed, publishes which counties' settlements had not
     * arrived by then, once per month. Runs hourly; a restart or a second instance changes nothing.
     */
    @Scheduled(initialDelayString = "${medical-insurance.feed.check-initial-delay:PT1M}",
            fixedDelayString = "${medical-insurance.feed.check-interval:PT1H}")
    public void checkLastMonth() {
        check(YearMonth.from(PlatformTime.today(clock)).minusMonths(1));
    }

    /** Checks one month if its deadline has passed and it was not checked before; the event if it did. */
    @Transactional
    public Optional<FeedCompletenessChecked> check(YearMonth month) {
        LocalDate deadline = deadlineOf(month);
        if (!PlatformTime.today(clock).isAfter(deadline)) {
            return Optional.empty();
        }
        MonthFeed feed = status(month, Jurisdiction.of("210400"));
        List<String> expected = feed.counties().stream().map(CountyFeed::county).toList();
        List<String> missing = feed.counties().stream().filter(c -> c.state() != State.ON_TIME).map(CountyFeed::county).toList();
        int first = jdbc.sql("""
                        insert into feed_check (month, deadline, missing_counties) values (:month, :deadline, :missing)
                        on conflict (month) do nothing""")
                .param("month", month.atDay(1)).param("deadline", deadline).param("missing", String.join(",", missing))
                .update();
        if (first == 0) {
            return Optional.empty();
        }
        FeedCompletenessChecked checked = new FeedCompletenessChecked(Bureau.MEDICAL_INSURANCE, month.toString(), deadline,
                expected, missing, clock.instant());
        outbox.append(Topics.MEDICAL_INSURANCE_FEED, month.toString(), "210400", checked);
        return Optional.of(checked);
    }
}
