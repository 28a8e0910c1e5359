package fushun.monitoring.elimination;

import static fushun.platform.PlatformTime.CHINA;

import fushun.platform.PlatformTime;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.monitoring.RiskEliminated;
import fushun.contracts.monitoring.RiskEliminationRolledBack;
import fushun.monitoring.income.IncomeStatement;
import fushun.monitoring.income.IncomeComponent;
import fushun.monitoring.income.MonitoringLine;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.web.RuleViolationException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Gathers a household's facts for the check, and carries out elimination and rollback. */
@Component
public class EliminationRecords {


    private final JdbcClient jdbc;
    private final PolicyParameters parameters;
    private final fushun.monitoring.income.MonitoringLines lines;
    private final OutboxWriter outbox;
    private final Clock clock;

    public EliminationRecords(JdbcClient jdbc, PolicyParameters parameters, fushun.monitoring.income.MonitoringLines lines,
                              OutboxWriter outbox, Clock clock) {
        this.lines = lines;
        this.jdbc = jdbc;
        this.parameters = parameters;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The check on today's facts; the household must exist (callers scope it first). */
    public EliminationCheck.Result check(UUID householdId) {
        LocalDate today = PlatformTime.today(clock);
        String county = jdbc.sql("select substr(division_code, 1, 6) from household where id = :h").param("h", householdId)
                .query(String.class).single();
        Timestamp since = jdbc.sql("select min(raised_at) from risk_alert where household_id = :h and status = 'OPEN'")
                .param("h", householdId).query(Timestamp.class).optional().orElse(null);
        long measures = jdbc.sql("""
                        select count(*) from measure m join assignment a on a.id = m.assignment_id
                        join risk_alert r on r.id = a.alert_id where m.household_id = :h and r.status = 'OPEN'""")
                .param("h", householdId).query(Long.class).single();
        Integer year = jdbc.sql("select max(year) from income_record where household_id = :h").param("h", householdId)
                .query(Integer.class).optional().orElse(null);
        BigDecimal perCapita = null;
        if (year != null) {
            Map<IncomeComponent, BigDecimal> components = new EnumMap<>(IncomeComponent.class);
            jdbc.sql("select component, amount from income_record where household_id = :h and year = :y")
                    .param("h", householdId).param("y", year)
                    .query((rs, n) -> Map.entry(IncomeComponent.valueOf(rs.getString(1)), rs.getBigDecimal(2))).list()
                    .forEach(e -> components.put(e.getKey(), e.getValue()));
            int members = jdbc.sql("select count(*) from household_member where household_id = :h and status = 'ACTIVE'").param("h", householdId)
                    .query(Integer.class).single();
            perCapita = new IncomeStatement(year, components, members).perCapita();
        }
        // an income drop reported through any channel: a bureau's signal, a cadre's visit, an alert
        Timestamp lastDrop = jdbc.sql("""
                        select max(at) from (
                            select observed_at as at from risk_signal where household_id = :h
                              and risk_type in ('UNSTABLE_EMPLOYMENT', 'FAILED_BUSINESS', 'LACK_OF_LABOUR')
                            union all
                            select recorded_at from cadre_visit where household_id = :h
                              and risk_types ~ '(UNSTABLE_EMPLOYMENT|FAILED_BUSINESS|LACK_OF_LABOUR)'
                            union all
                            select raised_at from risk_alert where household_id = :h
                              and risk_types ~ '(UNSTABLE_EMPLOYMENT|FAILED_BUSINESS|LACK_OF_LABOUR)') drops""")
                .param("h", householdId).query(Timestamp.class).optional().orElse(null);
        long open = jdbc.sql("""
                        select count(*) from assignment a join risk_alert r on r.id = a.alert_id
                        where a.household_id = :h and r.status = 'OPEN' and a.status <> 'CLOSED'""")
                .param("h", householdId).query(Long.class).single();
        long ableToWork = jdbc.sql("""
                        select count(*) from household_member where household_id = :h and status = 'ACTIVE'
                          and labour_capacity in ('FULL', 'PARTIAL')""")
                .param("h", householdId).query(Long.class).single();
        LocalDate lineDate = year == null ? today : LocalDate.of(year, 12, 31);
        return EliminationCheck.check(new EliminationCheck.Inputs(today,
                since == null ? null : LocalDate.ofInstant(since.toInstant(), CHINA), measures, year, perCapita,
                lines.lineFor(county, lineDate.getYear(), lineDate),
                lastDrop == null ? null : LocalDate.ofInstant(lastDrop.toInstant(), CHINA), open, ableToWork,
                parameters.required("monitoring.elimination.min-months-monitored", county, today),
                parameters.required("monitoring.elimination.min-months-above-line", county, today)));
    }

    /** The county's confirmation: checked again on the day, then the open alerts are closed as eliminated. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void eliminate(UUID householdId, String divisionCode, UUID identificationId) {
        EliminationCheck.Result result = check(householdId);
        if (!result.eligible()) {
            throw new RuleViolationException("不满足风险消除条件", result.failures().get(0).message());
        }
        Instant now = clock.instant();
        List<RiskType> types = jdbc.sql("select risk_type from monitored_risk where household_id = :h order by risk_type")
                .param("h", householdId).query((rs, n) -> RiskType.valueOf(rs.getString(1))).list();
        jdbc.sql("""
                        update risk_alert set status = 'ELIMINATED', eliminated_by = :identification, closed_at = :at
                        where household_id = :h and status = 'OPEN'""")
                .param("identification", identificationId).param("at", Timestamp.from(now)).param("h", householdId).update();
        jdbc.sql("delete from monitored_risk where household_id = :h").param("h", householdId).update();
        jdbc.sql("update household set risk_eliminated_at = :at where id = :h").param("at", Timestamp.from(now))
                .param("h", householdId).update();
        outbox.append(Topics.MONITORING_HOUSEHOLD, householdId.toString(), divisionCode,
                new RiskEliminated(householdId, divisionCode, types, identificationId, now));
    }

    /**
     * Takes back the household's latest elimination: its alerts are open again and the risks
     * monitored again (a risk alerted anew in between stays with its new alert).
     */
    @Transactional
    public List<RiskType> rollback(UUID householdId, String divisionCode, String reason, String rolledBackBy) {
        boolean eliminatedNow = jdbc.sql("select risk_eliminated_at is not null from household where id = :h for update")
                .param("h", householdId).query(Boolean.class).single();
        UUID latest = !eliminatedNow ? null : jdbc.sql("""
                        select eliminated_by from risk_alert where household_id = :h and status = 'ELIMINATED'
                        order by closed_at desc limit 1""")
                .param("h", householdId).query(UUID.class).optional().orElse(null);
        if (latest == null) {
            throw new RuleViolationException("没有可回退的风险消除", "该户当前没有已标注的风险消除。");
        }
        List<Map.Entry<UUID, String>> alerts = jdbc.sql(
                        "select id, risk_types from risk_alert where household_id = :h and eliminated_by = :e")
                .param("h", householdId).param("e", latest)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list();
        Instant now = clock.instant();
        // the alerts keep eliminated_by: the elimination and its rollback both stay on record
        jdbc.sql("update risk_alert set status = 'OPEN', closed_at = null where eliminated_by = :e and status = 'ELIMINATED'")
                .param("e", latest).update();
        jdbc.sql("""
                        insert into elimination_rollback (household_id, identification_id, reason, rolled_back_by, rolled_back_at)
                        values (:h, :e, :reason, :by, :at)""")
                .param("h", householdId).param("e", latest).param("reason", reason).param("by", rolledBackBy)
                .param("at", Timestamp.from(now)).update();
        List<RiskType> types = new java.util.ArrayList<>();
        for (Map.Entry<UUID, String> alert : alerts) {
            for (String type : alert.getValue().split(",")) {
                types.add(RiskType.valueOf(type));
                jdbc.sql("insert into monitored_risk (household_id, risk_type, alert_id) values (:h, :r, :a) on conflict do nothing")
                        .param("h", householdId).param("r", type).param("a", alert.getKey()).update();
            }
        }
        jdbc.sql("update household set risk_eliminated_at = null where id = :h").param("h", householdId).update();
        outbox.append(Topics.MONITORING_HOUSEHOLD, householdId.toString(), divisionCode,
                new RiskEliminationRolledBack(householdId, divisionCode, types, reason, now));
        return types;
    }
}
