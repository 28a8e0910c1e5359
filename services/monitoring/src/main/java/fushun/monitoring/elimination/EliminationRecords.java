package fushun.monitoring.elimination;

import static fushun.platform.PlatformTime.CHINA;

import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.monitoring.RiskEliminated;
import fushun.contracts.monitoring.RiskEliminationRolledBack;
import fushun.monitoring.assignment.Assignments;
import fushun.monitoring.household.HouseholdDirectory;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.income.HouseholdIncomes;
import fushun.monitoring.income.IncomeStatement;
import fushun.monitoring.income.MonitoringLines;
import fushun.monitoring.risk.RiskAlerts;
import fushun.platform.PlatformTime;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.web.RuleViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers a household's facts for the check from the features that own them, and carries out
 * elimination and rollback through them.
 */
@Component
public class EliminationRecords {

    private final JdbcClient jdbc;
    private final HouseholdDirectory households;
    private final HouseholdRegistry registry;
    private final RiskAlerts alerts;
    private final Assignments assignments;
    private final HouseholdIncomes incomes;
    private final List<IncomeDropSource> incomeDrops;
    private final PolicyParameters parameters;
    private final MonitoringLines lines;
    private final OutboxWriter outbox;
    private final Clock clock;

    public EliminationRecords(JdbcClient jdbc, HouseholdDirectory households, HouseholdRegistry registry, RiskAlerts alerts,
                              Assignments assignments, HouseholdIncomes incomes, List<IncomeDropSource> incomeDrops,
                              PolicyParameters parameters, MonitoringLines lines, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.households = households;
        this.registry = registry;
        this.alerts = alerts;
        this.assignments = assignments;
        this.incomes = incomes;
        this.incomeDrops = incomeDrops;
        this.lines = lines;
        this.parameters = parameters;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The check on today's facts; the household must exist (callers scope it first). */
    public EliminationCheck.Result check(UUID householdId) {
        LocalDate today = PlatformTime.today(clock);
        HouseholdDirectory.Entry household = households.find(householdId).orElseThrow();
        String county = household.divisionCode().substring(0, 6);
        RiskAlerts.OpenAlerts open = alerts.openAlerts(householdId);
        Optional<IncomeStatement> income = incomes.latest(householdId);
        Integer year = income.map(IncomeStatement::year).orElse(null);
        // an income drop reported through any channel: a bureau's signal, a cadre's visit, an alert
        Instant lastDrop = incomeDrops.stream().map(source -> source.lastIncomeDrop(householdId)).flatMap(Optional::stream)
                .max(Instant::compareTo).orElse(null);
        LocalDate lineDate = year == null ? today : LocalDate.of(year, 12, 31);
        return EliminationCheck.check(new EliminationCheck.Inputs(today,
                open.since() == null ? null : LocalDate.ofInstant(open.since(), CHINA), assignments.measuresFor(open.ids()),
                year, income.map(IncomeStatement::perCapita).orElse(null),
                lines.lineFor(county, lineDate.getYear(), lineDate),
                lastDrop == null ? null : LocalDate.ofInstant(lastDrop, CHINA), assignments.unfinishedFor(open.ids()),
                household.ableToWork(),
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
        List<RiskType> types = alerts.eliminated(householdId, identificationId, now);
        registry.riskEliminated(householdId, now);
        outbox.append(Topics.MONITORING_HOUSEHOLD, householdId.toString(), divisionCode,
                new RiskEliminated(householdId, divisionCode, types, identificationId, now));
    }

    /**
     * Takes back the household's latest elimination: its alerts are open again and the risks
     * monitored again (a risk alerted anew in between stays with its new alert).
     */
    @Transactional
    public List<RiskType> rollback(UUID householdId, String divisionCode, String reason, String rolledBackBy) {
        Optional<RiskAlerts.Reopened> reopened = registry.lockRiskEliminated(householdId)
                ? alerts.reopenLatestElimination(householdId) : Optional.empty();
        if (reopened.isEmpty()) {
            throw new RuleViolationException("没有可回退的风险消除", "该户当前没有已标注的风险消除。");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into elimination_rollback (household_id, identification_id, reason, rolled_back_by, rolled_back_at)
                        values (:h, :e, :reason, :by, :at)""")
                .param("h", householdId).param("e", reopened.get().eliminatedBy()).param("reason", reason)
                .param("by", rolledBackBy).param("at", Timestamp.from(now)).update();
        registry.riskEliminationRolledBack(householdId);
        List<RiskType> types = reopened.get().riskTypes();
        outbox.append(Topics.MONITORING_HOUSEHOLD, householdId.toString(), divisionCode,
                new RiskEliminationRolledBack(householdId, divisionCode, types, reason, now));
        return types;
    }
}
