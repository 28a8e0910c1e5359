package fushun.platform.feed;

import fushun.contracts.Bureau;
import fushun.contracts.feed.FeedDeadlineMissed;
import fushun.platform.PlatformTime;
import fushun.platform.feed.FeedLateness.Arrived;
import fushun.platform.feed.FeedLateness.State;
import fushun.platform.feed.FeedLateness.Verdict;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.RuleViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service's bureaus' monthly feeds: arrivals counted per bureau, county and month, the month's
 * completeness per expected county, and the check that publishes {@link FeedDeadlineMissed} once
 * per bureau and month when the deadline was missed.
 */
public class FeedCompleteness {

    /** The day of the next month by which a month's data is due; scope a bureau's name or {@code *}. */
    public static final String DEADLINE_DAY = "feed.deadline-day";
    /** Whoever checks the whole city's feeds: counties are all within it. */
    static final String CITY = "210400";

    /** An expected county. */
    public record County(String code, String name) {
    }

    /** One county's feed of the month. */
    public record CountyFeed(String county, String name, long onTime, long late, Instant firstReceivedAt, State state) {
    }

    /**
     * A bureau's month within the caller's jurisdiction: the deadline, whether it passed, whether it was
     * missed (over the counties shown), and one page of the expected counties ({@code total} of them).
     */
    public record MonthFeed(Bureau bureau, YearMonth month, LocalDate deadline, boolean due, boolean missedDeadline,
                            List<CountyFeed> items, int page, int size, long total) {
    }

    private final JdbcClient jdbc;
    private final PolicyParameters parameters;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final FeedProperties settings;
    private final String topic;
    private final Supplier<DutyScope> scope;
    private final Supplier<ArrivalSource> source;

    /**
     * @param topic the service's own {@code <service>.feed.v1}, the only feed topic it may write
     * @param scope  the service's rule for which expected counties owe a month's feed
     * @param source the service's own records of what arrived, where it keeps them
     */
    public FeedCompleteness(JdbcClient jdbc, PolicyParameters parameters, OutboxWriter outbox, Clock clock,
                            FeedProperties settings, String topic, Supplier<DutyScope> scope,
                            Supplier<ArrivalSource> source) {
        if (settings.readers().isEmpty()) {
            throw new IllegalStateException("platform.feeds.readers is required when platform.feeds.enabled");
        }
        this.jdbc = jdbc;
        this.parameters = parameters;
        this.outbox = outbox;
        this.clock = clock;
        this.settings = settings;
        this.topic = topic;
        this.scope = scope;
        this.source = source;
    }

    public List<Bureau> duties() {
        return settings.duties();
    }

    /** For {@code @PreAuthorize}: the roles that may read the feeds. */
    public String[] readers() {
        return settings.readers().toArray(String[]::new);
    }

    public boolean tracks(Bureau bureau) {
        return settings.duties().contains(bureau);
    }

    /**
     * The month's deadline by the deadline-day parameter in force at the start of the next month;
     * empty for a month before the feed was tracked (no parameter in force then). A day outside
     * 1–28 (a mistyped parameter) is read as the nearest of them, never as an error.
     */
    public Optional<LocalDate> deadline(Bureau bureau, YearMonth month) {
        return deadline(parameters, bureau.name(), month);
    }

    /** The same for a parameter scope: a bureau's name, or {@code *} for every bureau's default. */
    public static Optional<LocalDate> deadline(PolicyParameters parameters, String scope, YearMonth month) {
        return parameters.valueAt(DEADLINE_DAY, scope, month.plusMonths(1).atDay(1))
                .map(v -> FeedLateness.deadlineOf(month, FeedLateness.deadlineDay(v.value())));
    }

    /** The month's deadline; a month the feed was not tracked in is refused as a problem (422). */
    public LocalDate deadlineOf(Bureau bureau, YearMonth month) {
        return deadline(bureau, month).orElseThrow(() -> new RuleViolationException("该月份未跟踪报送",
                "该月份早于报送跟踪的起始月份：" + month + "。"));
    }

    /**
     * Counts one piece of the bureau's data for a month (a status change, an appraisal, an attendance
     * record, an answered task), in the caller's transaction: on time or late by the month's deadline.
     * {@code divisionCode} is any code within the county (its first six digits).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void arrived(Bureau bureau, String divisionCode, YearMonth month, Instant receivedAt) {
        if (!tracks(bureau)) {
            throw new IllegalArgumentException("this service does not track the feed of " + bureau);
        }
        Optional<LocalDate> deadline = deadline(bureau, month);
        if (deadline.isEmpty()) {
            return; // data for a month before the feed was tracked (a backdated record): nothing was owed then
        }
        boolean onTime = FeedLateness.onTime(receivedAt, deadline.get());
        jdbc.sql("""
                        insert into feed_arrival (bureau, month, county_code, on_time, late, first_received_at, last_received_at)
                        values (:b, :m, :c, :onTime, :late, :at, :at)
                        on conflict (bureau, month, county_code) do update set
                            on_time = feed_arrival.on_time + excluded.on_time, late = feed_arrival.late + excluded.late,
                            first_received_at = least(feed_arrival.first_received_at, excluded.first_received_at),
                            last_received_at = greatest(feed_arrival.last_received_at, excluded.last_received_at)""")
                .param("b", bureau.name()).param("m", month.atDay(1)).param("c", divisionCode.substring(0, 6))
                .param("onTime", onTime ? 1 : 0).param("late", onTime ? 0 : 1).param("at", Timestamp.from(receivedAt))
                .update();
    }

    /**
     * The counties expected of the bureau in the month: its own rows in force then if it has any, else
     * every bureau's ({@code *}); of those, the ones that owe the month's feed by the service's {@link DutyScope}.
     */
    public List<County> expected(Bureau bureau, YearMonth month) {
        return scope.get().owing(bureau, month, jdbc.sql("""
                        select county_code, county_name from feed_expected_county e
                        where (e.bureau = :b or e.bureau = '*'
                               and not exists (select 1 from feed_expected_county o where o.bureau = :b
                                   and o.effective_from <= :first and (o.effective_to is null or o.effective_to > :first)))
                          and e.effective_from <= :first and (e.effective_to is null or e.effective_to > :first)
                        order by county_code""")
                .param("b", bureau.name()).param("first", month.atDay(1))
                .query((rs, n) -> new County(rs.getString(1), rs.getString(2))).list());
    }

    /** The service's own records of the month if it keeps them ({@link ArrivalSource}), else the counts. */
    private Map<String, ArrivedAt> arrivals(Bureau bureau, YearMonth month, LocalDate deadline) {
        return source.get().arrivals(bureau, month, deadline).map(kept -> kept.values().stream()
                        .map(c -> new ArrivedAt(c.county(), new Arrived(c.onTime(), c.late()), c.firstReceivedAt()))
                        .collect(Collectors.toMap(ArrivedAt::county, a -> a)))
                .orElseGet(() -> jdbc.sql("""
                                select county_code, on_time, late, first_received_at from feed_arrival
                                where bureau = :b and month = :m""")
                        .param("b", bureau.name()).param("m", month.atDay(1))
                        .query((rs, n) -> new ArrivedAt(rs.getString(1), new Arrived(rs.getLong(2), rs.getLong(3)),
                                rs.getTimestamp(4).toInstant()))
                        .list().stream().collect(Collectors.toMap(ArrivedAt::county, a -> a)));
    }

    private record ArrivedAt(String county, Arrived arrived, Instant first) {
    }

    /** The bureau's month per expected county within the caller's jurisdiction, one page of it. */
    public MonthFeed status(Bureau bureau, YearMonth month, Jurisdiction jurisdiction, int page, int size) {
        LocalDate deadline = deadlineOf(bureau, month);
        List<County> counties = expected(bureau, month).stream().filter(c -> jurisdiction.covers(c.code())).toList();
        Map<String, ArrivedAt> arrived = arrivals(bureau, month, deadline);
        Verdict verdict = FeedLateness.judge(counties.stream().map(County::code).toList(),
                arrived.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().arrived())),
                deadline, clock.instant());
        List<CountyFeed> items = counties.stream().skip((long) page * size).limit(size).map(c -> {
            ArrivedAt a = arrived.get(c.code());
            Arrived counts = a == null ? Arrived.NOTHING : a.arrived();
            return new CountyFeed(c.code(), c.name(), counts.onTime(), counts.late(), a == null ? null : a.first(),
                    FeedLateness.stateOf(counts, verdict.due()));
        }).toList();
        return new MonthFeed(bureau, month, deadline, verdict.due(), verdict.missedDeadline(), items, page, size,
                counties.size());
    }

    /** The month before this one in China: the one the scheduled check looks at. */
    public YearMonth lastMonth() {
        return YearMonth.from(PlatformTime.today(clock)).minusMonths(1);
    }

    /**
     * Checks a month for every bureau this service tracks, once its deadline has passed: records the
     * check once per bureau and month and publishes {@link FeedDeadlineMissed} when it was missed.
     * A month checked before, by this or another instance, publishes nothing again. Returns what it published.
     */
    @Transactional
    public List<FeedDeadlineMissed> check(YearMonth month) {
        List<FeedDeadlineMissed> published = new ArrayList<>();
        Instant now = clock.instant();
        for (Bureau bureau : settings.duties()) {
            Optional<LocalDate> due = deadline(bureau, month);
            if (due.isEmpty()) {
                continue;
            }
            LocalDate deadline = due.get();
            List<String> expected = expected(bureau, month).stream().map(County::code).toList();
            Verdict verdict = FeedLateness.judge(expected, arrivals(bureau, month, deadline).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().arrived())), deadline, now);
            if (!verdict.due()) {
                continue;
            }
            int first = jdbc.sql("""
                            insert into feed_deadline_check (bureau, month, deadline, late_counties, missing_counties,
                                                             missed, checked_at)
                            values (:b, :m, :d, :late, :missing, :missed, :at)
                            on conflict (bureau, month) do nothing""")
                    .param("b", bureau.name()).param("m", month.atDay(1)).param("d", deadline)
                    .param("late", String.join(",", verdict.late())).param("missing", String.join(",", verdict.missing()))
                    .param("missed", verdict.missedDeadline()).param("at", Timestamp.from(now))
                    .update();
            if (first == 0 || !verdict.missedDeadline()) {
                continue;
            }
            FeedDeadlineMissed missed = new FeedDeadlineMissed(bureau, month.toString(), deadline, expected,
                    verdict.late(), verdict.missing(), now);
            outbox.append(topic, month + "/" + bureau.name(), CITY, missed);
            published.add(missed);
        }
        return published;
    }

    /** The scheduled check, a bean of its own so that a test context can leave it out. */
    public static class Schedule {

        private final FeedCompleteness feeds;

        public Schedule(FeedCompleteness feeds) {
            this.feeds = feeds;
        }

        @Scheduled(initialDelayString = "${platform.feeds.check-initial-delay:PT1M}",
                fixedDelayString = "${platform.feeds.check-interval:PT1H}")
        public void checkLastMonth() {
            // through the bean, so that the check runs in its transaction
            // the last three months: a month whose deadline falls after the next month has begun (a
            // deadline day late in the month) is still checked once it has passed; a checked month is
            // recorded and never published twice
            for (int back = 2; back >= 0; back--) {
                feeds.check(feeds.lastMonth().minusMonths(back));
            }
        }
    }
}
