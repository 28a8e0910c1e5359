package fushun.monitoring.screening;

import static fushun.platform.PlatformTime.CHINA;

import fushun.contracts.RiskType;
import fushun.monitoring.evaluation.RiskEvaluation;
import fushun.monitoring.income.MonitoringLine;
import fushun.monitoring.income.MonitoringLines;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.policy.PolicyValue;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the evaluation for every household in a division: income of the month's year, signals of
 * the month, the line and margin in force for the household's county at the month's end. One query
 * streams the inputs (a cursor, not a list), results are written in batches.
 */
@Service
public class MonthlyScreening {

    private static final int BATCH = 1000;

    private static final String INPUTS = """
            with incomes as (
                select household_id, sum(amount) as total from income_record where year = ? group by household_id),
            sizes as (
                select household_id, count(*) as members from household_member where status = 'ACTIVE' group by household_id),
            signals as (
                select household_id, string_agg(distinct risk_type, ',') as types from risk_signal
                where observed_at >= ? and observed_at < ? group by household_id),
            monitored as (
                select household_id, string_agg(risk_type, ',') as types from monitored_risk group by household_id)
            select h.id, h.division_code, i.total, s.members, g.types as signals, m.types as monitored
            from household h
            join sizes s on s.household_id = h.id
            left join incomes i on i.household_id = h.id
            left join signals g on g.household_id = h.id
            left join monitored m on m.household_id = h.id
            where h.division_code like ? and not h.not_entitled_to_policy""";

    private final JdbcTemplate jdbc;
    private final PolicyParameters parameters;
    private final MonitoringLines lines;
    private final Clock clock;

    public MonthlyScreening(DataSource dataSource, PolicyParameters parameters, MonitoringLines lines, Clock clock) {
        this.lines = lines;
        // its own template: the inputs are read through a cursor, a few thousand rows at a time
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(2000);
        this.parameters = parameters;
        this.clock = clock;
    }

    @Transactional
    public ScreeningRun run(YearMonth month, Jurisdiction jurisdiction, String startedBy) {
        // a month before the first line is refused before anything is written (400, not a failed run)
        String scope = jurisdiction.divisionCode();
        lines.lineFor(scope != null && scope.length() >= 6 ? scope.substring(0, 6) : null, month.getYear(), month.atEndOfMonth());
        UUID id = UUID.randomUUID();
        Timestamp started = Timestamp.from(clock.instant());
        jdbc.update("insert into screening_run (id, month, scope, started_by, started_at) values (?, ?, ?, ?, ?)",
                id, month.toString(), jurisdiction.divisionCode(), startedBy, started);
        LocalDate monthEnd = month.atEndOfMonth();
        record CountyPolicy(MonitoringLine.YearLine line, PolicyValue margin) {
        }
        Map<String, CountyPolicy> byCounty = new HashMap<>();
        Set<String> versions = new LinkedHashSet<>();
        List<Object[]> pending = new ArrayList<>();
        int[] counts = new int[3];
        jdbc.query(INPUTS, rs -> {
            String division = rs.getString("division_code");
            CountyPolicy policy = byCounty.computeIfAbsent(division.substring(0, 6), county -> {
                CountyPolicy values = new CountyPolicy(lines.lineFor(county, month.getYear(), monthEnd),
                        parameters.required(MonitoringLine.MARGIN_PARAMETER, county, monthEnd));
                versions.add(values.line().version());
                versions.add(values.margin().version());
                return values;
            });
            BigDecimal total = rs.getBigDecimal("total");
            BigDecimal perCapita = total == null ? null
                    : total.divide(BigDecimal.valueOf(rs.getInt("members")), 2, RoundingMode.HALF_UP);
            RiskEvaluation.Result result = RiskEvaluation.evaluate(new RiskEvaluation.Inputs(month.getYear(), perCapita,
                    policy.line(), policy.margin(), types(rs.getString("signals"))));
            counts[0]++;
            if (result.rule() == RiskEvaluation.Rule.NO_INCOME_DATA) {
                counts[2]++;
            }
            if (result.atRisk()) {
                counts[1]++;
                Set<RiskType> monitored = new LinkedHashSet<>(types(rs.getString("monitored")));
                // below the line without a reported cause (OTHER): known if monitored for anything
                boolean known = !monitored.isEmpty() && (monitored.containsAll(result.riskTypes())
                        || result.riskTypes().equals(List.of(RiskType.OTHER)));
                pending.add(new Object[] {id, rs.getObject("id", UUID.class), division, result.rule().name(),
                        String.join(",", result.riskTypes().stream().map(Enum::name).toList()), result.explanation(),
                        known});
                if (pending.size() >= BATCH) {
                    flush(pending);
                }
            }
        }, month.getYear(), Timestamp.from(month.atDay(1).atStartOfDay(CHINA).toInstant()),
                Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(CHINA).toInstant()), jurisdiction.likePattern());
        flush(pending);
        Timestamp finished = Timestamp.from(clock.instant());
        jdbc.update("""
                        update screening_run set finished_at = ?, households = ?, at_risk = ?, no_income_data = ?,
                            parameter_versions = ? where id = ?""",
                finished, counts[0], counts[1], counts[2], String.join(",", versions), id);
        return new ScreeningRun(id, month.toString(), jurisdiction.divisionCode(), counts[0], counts[1], counts[2],
                List.copyOf(versions), started.toInstant(), finished.toInstant());
    }

    /** At-risk households of a run, in the caller's division; new risks first, one page with the total. */
    public Page<ScreeningResult> results(UUID runId, Jurisdiction jurisdiction, int page, int size) {
        Long total = jdbc.queryForObject("select count(*) from screening_result where run_id = ? and division_code like ?",
                Long.class, runId, jurisdiction.likePattern());
        List<ScreeningResult> items = jdbc.query("""
                        select household_id, division_code, rule, risk_types, explanation, already_monitored
                        from screening_result where run_id = ? and division_code like ?
                        order by already_monitored, division_code, household_id limit ? offset ?""",
                (rs, n) -> new ScreeningResult(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        types(rs.getString(4)), rs.getString(5), rs.getBoolean(6)),
                runId, jurisdiction.likePattern(), size, (long) page * size);
        return new Page<>(items, page, size, total == null ? 0 : total);
    }

    private void flush(List<Object[]> pending) {
        if (!pending.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into screening_result (run_id, household_id, division_code, rule, risk_types, explanation,
                                                  already_monitored)
                    values (?, ?, ?, ?, ?, ?, ?)""", pending);
            pending.clear();
        }
    }

    private static List<RiskType> types(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).map(RiskType::valueOf).toList();
    }
}
