package fushun.monitoring.recheck;

import fushun.monitoring.household.HouseholdDirectory;
import fushun.platform.PlatformTime;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import fushun.platform.web.RuleViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens a county's re-check for a year and reads the re-checks and their progress. */
@Service
public class Rechecks {

    /** The first year of the transition period's monitoring (2021 plan). */
    public static final int FIRST_YEAR = 2021;

    private static final Logger log = LoggerFactory.getLogger(Rechecks.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    public Rechecks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Opens the caller's county's re-check: one task per household of the county that is
     * monitored now (a monitoring category, entitled to policy, risk not eliminated), written by
     * one statement however many households the county has.
     */
    @Transactional
    public RecheckView open(int year, LocalDate dueDate, String openedBy, Jurisdiction jurisdiction) {
        if (jurisdiction.prefix() == null || jurisdiction.prefix().length() != 6) {
            throw new RuleViolationException("须由县级办理", "年度动态调整须由县级审批人开启。");
        }
        LocalDate today = PlatformTime.today(clock);
        if (year < FIRST_YEAR || year > today.getYear()) {
            throw new RuleViolationException("年度无效", "只能开启 " + FIRST_YEAR + " 年至 " + today.getYear() + " 年的动态调整。");
        }
        if (dueDate.isBefore(today)) {
            throw new RuleViolationException("完成期限无效", "完成期限不能早于今天（" + today + "）。");
        }
        String county = jurisdiction.prefix();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        // waits for a concurrent open of the same county and year, then sees it
        int inserted = jdbc.sql("""
                        insert into recheck (id, county_code, year, due_date, opened_by, opened_at)
                        values (:id, :county, :year, :due, :by, :at) on conflict (county_code, year) do nothing""")
                .param("id", id).param("county", county).param("year", year).param("due", dueDate).param("by", openedBy)
                .param("at", Timestamp.from(now)).update();
        if (inserted == 0) {
            UUID existing = jdbc.sql("select id from recheck where county_code = :county and year = :year")
                    .param("county", county).param("year", year).query(UUID.class).single();
            throw new RecheckAlreadyOpen(find(existing, jurisdiction));
        }
        // one INSERT … SELECT: the county's monitored households are never loaded into the service
        // (ADR 0017); it reads the household feature's table (listed in the architecture test)
        int tasks = jdbc.sql("""
                        insert into recheck_task (id, recheck_id, household_id, division_code, category_at_open, status)
                        select gen_random_uuid(), :recheck, h.id, h.division_code, h.category, 'TO_VISIT'
                        from household h
                        where h.division_code like :county and h.category in (:categories)
                          and not h.not_entitled_to_policy and h.risk_eliminated_at is null""")
                .param("recheck", id).param("county", county + "%")
                .param("categories", HouseholdDirectory.MONITORING_CATEGORIES).update();
        jdbc.sql("update recheck set task_count = :n where id = :id").param("n", tasks).param("id", id).update();
        log.info("Re-check {} opened for county {} year {}: {} tasks", id, county, year, tasks);
        return find(id, jurisdiction);
    }

    /** The re-checks of the caller's county (or, above a county, of the counties it covers), newest year first. */
    public Page<RecheckView> list(Integer year, Jurisdiction jurisdiction, int page, int size) {
        String counties = countyPattern(jurisdiction);
        long total = jdbc.sql("""
                        select count(*) from recheck where county_code like :counties
                          and (cast(:year as int) is null or year = :year)""")
                .param("counties", counties).param("year", year).query(Long.class).single();
        List<RecheckView> items = jdbc.sql("""
                        select id, county_code, year, due_date, opened_by, opened_at, task_count from recheck
                        where county_code like :counties and (cast(:year as int) is null or year = :year)
                        order by year desc, county_code limit :size offset :offset""")
                .param("counties", counties).param("year", year).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> view(rs)).list();
        return new Page<>(items, page, size, total);
    }

    /** One re-check the caller may see; another county's answers 404. */
    public RecheckView find(UUID id, Jurisdiction jurisdiction) {
        return jdbc.sql("""
                        select id, county_code, year, due_date, opened_by, opened_at, task_count from recheck
                        where id = :id and county_code like :counties""")
                .param("id", id).param("counties", countyPattern(jurisdiction))
                .query((rs, n) -> view(rs)).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该年度动态调整。"));
    }

    /**
     * Progress per township ({@code 9}) or village ({@code 12}) inside the caller's division,
     * grouped by the database on the division prefix.
     */
    public Page<RecheckProgress> progress(UUID id, int level, Jurisdiction jurisdiction, int page, int size) {
        RecheckView recheck = find(id, jurisdiction);
        boolean pastDue = PlatformTime.today(clock).isAfter(recheck.dueDate());
        long total = jdbc.sql("""
                        select count(distinct substr(division_code, 1, :len)) from recheck_task
                        where recheck_id = :r and division_code like :scope""")
                .param("len", level).param("r", id).param("scope", jurisdiction.likePattern()).query(Long.class).single();
        List<RecheckProgress> items = jdbc.sql("""
                        select substr(division_code, 1, :len) as division, count(*) as total,
                               count(*) filter (where status in ('VISITED', 'REVIEWED', 'CONFIRMED')) as visited,
                               count(*) filter (where status in ('REVIEWED', 'CONFIRMED')) as reviewed,
                               count(*) filter (where status = 'CONFIRMED') as confirmed,
                               count(*) filter (where status not in ('CONFIRMED', 'MOVED_OUT') and :pastDue) as overdue,
                               count(*) filter (where status <> 'TO_VISIT' and outcome = 'STILL_AT_RISK') as still_at_risk,
                               count(*) filter (where status <> 'TO_VISIT' and outcome = 'PROPOSE_ELIMINATION') as propose_elimination,
                               count(*) filter (where status <> 'TO_VISIT' and outcome = 'PROPOSE_CATEGORY_CHANGE') as propose_category
                        from recheck_task where recheck_id = :r and division_code like :scope
                        group by 1 order by 1 limit :size offset :offset""")
                .param("len", level).param("r", id).param("scope", jurisdiction.likePattern()).param("pastDue", pastDue)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new RecheckProgress(rs.getString("division"), rs.getLong("total"), rs.getLong("visited"),
                        rs.getLong("reviewed"), rs.getLong("confirmed"), rs.getLong("overdue"), rs.getLong("still_at_risk"),
                        rs.getLong("propose_elimination"), rs.getLong("propose_category")))
                .list();
        return new Page<>(items, page, size, total);
    }

    /**
     * The counties a caller's re-checks come from: a township's or village's own county, or every
     * county under a city. Matches nothing without a division.
     */
    static String countyPattern(Jurisdiction jurisdiction) {
        String prefix = jurisdiction.prefix();
        if (prefix == null) {
            return "-";
        }
        return prefix.length() >= 6 ? prefix.substring(0, 6) : prefix + "%";
    }

    private static RecheckView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RecheckView(rs.getObject("id", UUID.class), rs.getString("county_code"), rs.getInt("year"),
                rs.getObject("due_date", LocalDate.class), rs.getString("opened_by"),
                rs.getTimestamp("opened_at").toInstant(), rs.getInt("task_count"));
    }
}
