package fushun.medicalinsurance.settlement;

import fushun.contracts.Bureau;
import fushun.contracts.Topics;
import fushun.contracts.feed.MonthlyTotals;
import fushun.medicalinsurance.insured.InsuredPersons;
import fushun.medicalinsurance.premium.PremiumSubsidies;
import fushun.platform.PlatformTime;
import fushun.medicalinsurance.settlement.TierTotals.CountyMonth;
import fushun.medicalinsurance.settlement.TierTotals.Paid;
import fushun.medicalinsurance.settlement.TierTotals.Tier;
import fushun.platform.outbox.OutboxWriter;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the three tiers paid per insured county and month of the settlement date (每月发放汇总), as
 * {@link MonthlyTotals} on {@code medical-insurance.feed.v1}. Counted as the household's year-to-date
 * counts (YearToDate): settlements of insured persons this service knows, a member who left up to
 * the day they left; a settlement of a person not yet registered counts once the household is.
 *
 * <p>The transaction that changes a month only marks it due ({@code monthly_totals_due}, one row per
 * county and month, sorted so that writers never wait for each other in a circle); a scheduled run
 * ({@code medical-insurance.monthly-totals.interval}, a minute) counts the due months in one aggregate
 * and publishes them with the outbox in its own transaction. A settlement batch therefore pays one
 * small insert, not a recount of its months, and batches of one month no longer queue behind each
 * other's count. The mark is an upsert that takes the row's lock: a month changed while the run counts
 * it waits for the run's commit (and its delete) and is marked again, so it is counted again in the
 * next run: nothing is lost, and the newest count wins.
 *
 * <p>Premium subsidies (参保资助) are a yearly roster decided from the household's current category and
 * the year's dibao and 特困 ({@code PremiumSubsidies}), with no month paid: they are a line of January
 * (the yearly enrolment), counted by the roster's own pass whenever January is due (a household
 * registered or changed, a dibao or 特困 status); only this year's January is counted again, as the
 * roster of past years would follow today's categories.
 */
@Service
public class MonthlyPayments {

    private static final int RUN_LIMIT = 500;

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final PremiumSubsidies subsidies;

    public MonthlyPayments(JdbcClient jdbc, OutboxWriter outbox, Clock clock, PremiumSubsidies subsidies) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.subsidies = subsidies;
    }

    /** Marks these counties' months due for counting, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markDue(Collection<CountyMonth> touched) {
        List<CountyMonth> months = touched.stream().distinct()
                .sorted(Comparator.comparing(CountyMonth::county).thenComparing(CountyMonth::month)).toList();
        if (months.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into monthly_totals_due (county, first_day)
                        select county, cast(first_day as date)
                        from unnest(cast(:counties as varchar[]), cast(:firsts as varchar[])) as m(county, first_day)
                        order by 1, 2
                        on conflict (county, first_day) do update set first_day = excluded.first_day""")
                .param("counties", months.stream().map(CountyMonth::county).toArray(String[]::new))
                .param("firsts", months.stream().map(m -> m.month().atDay(1).toString()).toArray(String[]::new))
                .update();
    }

    /**
     * Marks due, just before the transaction commits, the months of these persons' stored settlements:
     * they count from now on (a household registered after its settlements came) or up to another day
     * (a member left); and January of this year in the household's counties (both, after a move), whose
     * premium subsidies follow the household's category and members. Deferred to the end, so that a poll of households
     * takes the months' marks after every person's and household's lock, as a settlement batch does
     * (they cannot wait for each other in a circle), and marks each month once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markDueForPersons(Collection<String> counties, Collection<String> personRefs) {
        Pending pending = pending();
        pending.persons().addAll(personRefs);
        counties.forEach(county -> pending.months().add(new CountyMonth(county, YearMonth.of(PlatformTime.today(clock).getYear(), 1))));
    }

    /**
     * Marks January of the status's year and of this year due in the county (before commit): its premium
     * subsidies changed with a dibao or 特困 status.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markSubsidiesDue(String county, int year) {
        Pending pending = pending();
        pending.months().add(new CountyMonth(county, YearMonth.of(year, 1)));
        pending.months().add(new CountyMonth(county, YearMonth.of(PlatformTime.today(clock).getYear(), 1)));
    }

    private record Pending(Set<String> persons, Set<CountyMonth> months) {
    }

    private Pending pending() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Pending created = new Pending(new LinkedHashSet<>(), new LinkedHashSet<>());
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    List<CountyMonth> months = new ArrayList<>(created.months());
                    if (!created.persons().isEmpty()) {
                        months.addAll(monthsOf(created.persons()));
                    }
                    markDue(months);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(MonthlyPayments.this);
                }
            });
            pending = created;
        }
        return pending;
    }

    /**
     * Counts and publishes the due months (at most {@value #RUN_LIMIT} a run; the next run takes the
     * rest), skipping marks another run or a writer holds. Returns how many it published.
     */
    @Scheduled(fixedDelayString = "${medical-insurance.monthly-totals.interval:PT1M}",
            initialDelayString = "${medical-insurance.monthly-totals.interval:PT1M}")
    @Transactional
    public int publishDue() {
        List<CountyMonth> months = jdbc.sql("""
                        select county, first_day from monthly_totals_due order by county, first_day
                        limit :n for update skip locked""")
                .param("n", RUN_LIMIT)
                .query((rs, n) -> new CountyMonth(rs.getString(1), YearMonth.from(rs.getObject(2, LocalDate.class))))
                .list();
        if (months.isEmpty()) {
            return 0;
        }
        Map<CountyMonth, List<Paid>> paid = count(months);
        Instant computedAt = clock.instant();
        List<OutboxWriter.Pending> events = new ArrayList<>();
        for (CountyMonth m : months) {
            List<MonthlyTotals.Item> items = new ArrayList<>(TierTotals.items(paid.getOrDefault(m, List.of())));
            if (m.month().getMonthValue() == 1) {
                // the year's premium subsidies (参保资助), under January: the yearly enrolment's month
                subsidies.yearTotals(m.county(), m.month().getYear()).filter(t -> t.persons() > 0).ifPresent(t -> items.add(
                        new MonthlyTotals.Item("PREMIUM_SUBSIDY", "参保资助", t.households(), t.persons(), t.amount())));
            }
            events.add(new OutboxWriter.Pending(m.key(), m.county(), new MonthlyTotals(Bureau.MEDICAL_INSURANCE,
                    m.county(), m.month().toString(), items, computedAt)));
        }
        outbox.appendAll(Topics.MEDICAL_INSURANCE_FEED, events);
        jdbc.sql("""
                        delete from monthly_totals_due d using unnest(cast(:counties as varchar[]), cast(:firsts as varchar[]))
                            as m(county, first_day)
                        where d.county = m.county and d.first_day = cast(m.first_day as date)""")
                .param("counties", months.stream().map(CountyMonth::county).toArray(String[]::new))
                .param("firsts", months.stream().map(m -> m.month().atDay(1).toString()).toArray(String[]::new))
                .update();
        return months.size();
    }

    /** The insured counties' months of these persons' stored settlements, in one query. */
    private List<CountyMonth> monthsOf(Collection<String> personRefs) {
        return jdbc.sql("""
                        select distinct s.insured_county, to_char(s.settled_on, 'YYYY-MM')
                        from unnest(cast(:refs as bpchar[])) as r(person_ref)
                        join settlement s on s.person_ref = r.person_ref
                        where s.insured_county is not null""")
                .param("refs", personRefs.stream().distinct().toArray(String[]::new))
                .query((rs, n) -> new CountyMonth(rs.getString(1), YearMonth.parse(rs.getString(2))))
                .list();
    }

    /**
     * Every month's tiers in one statement: the months joined as a table (the settlement's county and
     * date index serves each), the settlements of known persons while members; summed per person, then
     * per household, then per month, so that "distinct" is a grouping (hashed) rather than a sort of
     * every settlement per tier. A person is in one household (the person's row), so the levels nest.
     */
    private Map<CountyMonth, List<Paid>> count(List<CountyMonth> months) {
        Map<CountyMonth, List<Paid>> paid = new HashMap<>();
        jdbc.sql("""
                        with persons as (
                            select m.county, m.first_day, k.household_id,
                                   sum(s.basic_insurance_paid) filter (where s.basic_insurance_paid > 0) as basic,
                                   sum(s.critical_illness_paid) filter (where s.critical_illness_paid > 0) as critical,
                                   sum(s.medical_assistance_paid) filter (where s.medical_assistance_paid > 0) as assistance
                            from unnest(cast(:counties as varchar[]), cast(:firsts as date[]), cast(:nexts as date[]))
                                 as m(county, first_day, next_first_day)
                            join settlement s on s.insured_county = m.county
                                             and s.settled_on >= m.first_day and s.settled_on < m.next_first_day
                            join %s as k
                              on k.person_ref = s.person_ref and (k.left_on is null or s.settled_on <= k.left_on)
                            group by m.county, m.first_day, k.household_id, s.person_ref),
                        households as (
                            select county, first_day,
                                   count(basic) as basic_persons, sum(basic) as basic,
                                   count(critical) as critical_persons, sum(critical) as critical,
                                   count(assistance) as assistance_persons, sum(assistance) as assistance
                            from persons group by county, first_day, household_id)
                        select county, first_day,
                               count(*) filter (where basic_persons > 0), coalesce(sum(basic_persons), 0),
                               coalesce(sum(basic), 0),
                               count(*) filter (where critical_persons > 0), coalesce(sum(critical_persons), 0),
                               coalesce(sum(critical), 0),
                               count(*) filter (where assistance_persons > 0), coalesce(sum(assistance_persons), 0),
                               coalesce(sum(assistance), 0)
                        from households group by county, first_day""".formatted(InsuredPersons.MEMBERSHIPS))
                .param("counties", months.stream().map(CountyMonth::county).toArray(String[]::new))
                .param("firsts", months.stream().map(m -> m.month().atDay(1).toString()).toArray(String[]::new))
                .param("nexts", months.stream().map(m -> m.month().plusMonths(1).atDay(1).toString())
                        .toArray(String[]::new))
                .query((RowCallbackHandler) rs -> paid.put(
                        new CountyMonth(rs.getString(1), YearMonth.from(rs.getObject(2, LocalDate.class))),
                        List.of(paid(rs, Tier.BASIC_INSURANCE, 3), paid(rs, Tier.CRITICAL_ILLNESS, 6),
                                paid(rs, Tier.MEDICAL_ASSISTANCE, 9))));
        return paid;
    }

    private static Paid paid(ResultSet rs, Tier tier, int column) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(column + 2);
        return new Paid(tier, rs.getLong(column), rs.getLong(column + 1), amount);
    }
}
