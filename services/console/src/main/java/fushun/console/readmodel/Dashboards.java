package fushun.console.readmodel;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures of the rural revitalization bureau's dashboards, from the console's read model, always
 * within the caller's jurisdiction: households by area (the next level down from the area looked
 * at) and category, alerts per month, risk types, the closed-loop funnel with its timing.
 */
@Service
public class Dashboards {

    /** Fushun's county-level divisions, by their public names. */
    public static final Map<String, String> COUNTIES = Map.of("210402", "新抚区", "210403", "东洲区", "210404", "望花区",
            "210411", "顺城区", "210421", "抚顺县", "210422", "新宾满族自治县", "210423", "清原满族自治县");

    public record AreaCount(String code, String name, long households, long monitored, long eliminated) {
    }

    public record CategoryCount(String category, String label, long households, long monitored) {
    }

    public record MonthCount(String month, long alerts) {
    }

    public record RiskCount(String riskType, String label, long alerts) {
    }

    /**
     * Identified (a monitoring object by category or county decision, or a household with an alert)
     * → warned (an alert) → assisted (a bureau's measure) → risk eliminated, with the average days
     * between the steps (null while nobody took the step).
     */
    public record Funnel(long identified, long warned, long assisted, long eliminated, Double daysToWarn,
                         Double daysToAssist, Double daysToEliminate) {
    }

    public record Dashboard(String area, List<AreaCount> byArea, List<CategoryCount> byCategory,
                            List<MonthCount> alertsPerMonth, List<RiskCount> riskTypes, Funnel funnel) {
    }

    /** A public view's count: below 5 it is not shown (suppressed), so nobody can be singled out. */
    public record PublicCount(String code, String name, Long monitored, boolean suppressed) {
    }

    private final JdbcClient jdbc;

    public Dashboards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code area}: a division inside the caller's jurisdiction to look into; null for the whole jurisdiction. */
    public Dashboard dashboard(Jurisdiction jurisdiction, String area, int months) {
        String prefix = area == null ? jurisdiction.prefix() : area;
        if (prefix == null || area != null && !jurisdiction.covers(area)) {
            throw new NotFoundException("该区域不在您的管辖范围内。");
        }
        String scope = prefix + "%";
        int level = prefix.length() < 6 ? 6 : prefix.length() < 9 ? 9 : 12;
        List<AreaCount> byArea = jdbc.sql("""
                        select substr(division_code, 1, :level) as code, count(*),
                               count(*) filter (where monitored_at is not null and eliminated_at is null),
                               count(*) filter (where eliminated_at is not null)
                        from household_view where division_code like :scope
                        group by 1 order by 1""")
                .param("level", level).param("scope", scope)
                .query((rs, n) -> new AreaCount(rs.getString(1), COUNTIES.getOrDefault(rs.getString(1), rs.getString(1)),
                        rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
        Map<String, long[]> categories = new java.util.HashMap<>();
        jdbc.sql("""
                        select category, count(*), count(*) filter (where monitored_at is not null and eliminated_at is null)
                        from household_view where division_code like :scope group by category""")
                .param("scope", scope)
                .query((rs, n) -> categories.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)})).list();
        List<CategoryCount> byCategory = Arrays.stream(HouseholdCategory.values())
                .map(c -> new CategoryCount(c.name(), c.label(), categories.getOrDefault(c.name(), new long[2])[0],
                        categories.getOrDefault(c.name(), new long[2])[1]))
                .toList();
        LocalDate from = LocalDate.now(fushun.platform.PlatformTime.CHINA).withDayOfMonth(1).minusMonths(months - 1L);
        List<MonthCount> perMonth = jdbc.sql("""
                        select to_char(m, 'YYYY-MM'),
                               (select count(*) from alert_view a where a.division_code like :scope
                                  and a.raised_at >= m and a.raised_at < m + interval '1 month')
                        from generate_series(cast(:from as timestamp), cast(:to as timestamp), interval '1 month') m
                        order by 1""")
                .param("scope", scope).param("from", from.atStartOfDay())
                .param("to", from.plusMonths(months - 1L).atStartOfDay())
                .query((rs, n) -> new MonthCount(rs.getString(1), rs.getLong(2))).list();
        Map<String, Long> risks = new java.util.HashMap<>();
        jdbc.sql("""
                        select t, count(*) from alert_view, unnest(string_to_array(risk_types, ',')) t
                        where division_code like :scope group by t""")
                .param("scope", scope).query((rs, n) -> risks.put(rs.getString(1), rs.getLong(2))).list();
        List<RiskCount> riskTypes = Arrays.stream(RiskType.values())
                .map(r -> new RiskCount(r.name(), r.label(), risks.getOrDefault(r.name(), 0L)))
                .filter(r -> r.alerts() > 0)
                .toList();
        Funnel funnel = jdbc.sql("""
                        with a as (
                            select household_id, min(raised_at) as warned_at, min(first_measure_at) as assisted_at
                            from alert_view where division_code like :scope group by household_id),
                        h as (
                            select least(h.monitored_at, a.warned_at) as identified_at, a.warned_at, a.assisted_at,
                                   h.eliminated_at
                            from household_view h left join a on a.household_id = h.household_id
                            where h.division_code like :scope and (h.monitored_at is not null or a.warned_at is not null))
                        select count(*), count(warned_at), count(assisted_at), count(eliminated_at),
                               avg(extract(epoch from (warned_at - identified_at)) / 86400),
                               avg(extract(epoch from (assisted_at - warned_at)) / 86400),
                               avg(extract(epoch from (eliminated_at - identified_at)) / 86400)
                        from h""")
                .param("scope", scope)
                .query((rs, n) -> new Funnel(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        days(rs.getObject(5)), days(rs.getObject(6)), days(rs.getObject(7))))
                .single();
        return new Dashboard(prefix, byArea, byCategory, perMonth, riskTypes, funnel);
    }

    /** Monitored households per county for the public, counts under 5 suppressed. */
    public List<PublicCount> publicSummary() {
        Map<String, Long> monitored = new java.util.HashMap<>();
        jdbc.sql("""
                        select substr(division_code, 1, 6), count(*) from household_view
                        where monitored_at is not null and eliminated_at is null group by 1""")
                .query((rs, n) -> monitored.put(rs.getString(1), rs.getLong(2))).list();
        return COUNTIES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(c -> {
                    long count = monitored.getOrDefault(c.getKey(), 0L);
                    return count < 5 ? new PublicCount(c.getKey(), c.getValue(), null, true)
                            : new PublicCount(c.getKey(), c.getValue(), count, false);
                })
                .toList();
    }

    public record TimelineLine(String type, String source, java.time.Instant occurredAt, String summary) {
    }

    /** The household's events in words, oldest first; outside the caller's jurisdiction, not found. */
    public List<TimelineLine> timeline(UUID householdId, Jurisdiction jurisdiction) {
        // where the household is now; only while the registry's own event has not arrived, where its events say it is
        List<String> divisions = jdbc.sql("select division_code from household_view where household_id = :h")
                .param("h", householdId).query(String.class).list();
        if (divisions.isEmpty()) {
            divisions = jdbc.sql("""
                            select distinct division_code from household_event where household_id = :h and division_code is not null""")
                    .param("h", householdId).query(String.class).list();
        }
        if (divisions.isEmpty() || divisions.stream().noneMatch(jurisdiction::covers)) {
            throw new NotFoundException("没有找到该农户。");
        }
        return jdbc.sql("""
                        select type, source, occurred_at, summary from household_event
                        where household_id = :h order by occurred_at, event_id""")
                .param("h", householdId)
                .query((rs, n) -> new TimelineLine(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .list();
    }

    public record FeedMonth(String bureau, String month, LocalDate deadline, List<String> expected, List<String> missing) {
    }

    /** Feed completeness per bureau and month, as the bureaus published it, newest first. */
    public List<FeedMonth> feeds(int months) {
        return jdbc.sql("select bureau, month, deadline, expected, missing from feed_month order by month desc, bureau limit :n")
                .param("n", months * 5)
                .query((rs, n) -> new FeedMonth(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        split(rs.getString(4)), split(rs.getString(5))))
                .list();
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    private static Double days(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 10) / 10.0;
    }
}
