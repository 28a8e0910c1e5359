package fushun.monitoring.identification;

import static fushun.platform.PlatformTime.CHINA;

import fushun.monitoring.household.HouseholdMoved;
import fushun.platform.PlatformTime;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.monitoring.discovery.Channel;
import fushun.monitoring.household.CategoryRules;
import fushun.monitoring.household.HouseholdChanges;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.elimination.EliminationRecords;
import fushun.monitoring.risk.RiskAlerts;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.policy.PolicyValue;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import fushun.platform.web.RuleViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Runs the identification procedure and lists it for the people in each division. */
@Service
public class Identifications {

    static final String CLOCK_PARAMETER = "monitoring.clue-to-decision-days";

    private final JdbcClient jdbc;
    private final HouseholdRegistry households;
    private final PolicyParameters parameters;
    private final RiskAlerts alerts;
    private final OutboxWriter outbox;
    private final EliminationRecords eliminations;
    private final HouseholdChanges householdChanges;
    private final PublicNotices notices;
    private final Clock clock;

    public Identifications(JdbcClient jdbc, PolicyParameters parameters, RiskAlerts alerts, OutboxWriter outbox,
                           EliminationRecords eliminations, HouseholdChanges householdChanges, PublicNotices notices,
                           Clock clock, HouseholdRegistry households) {
        this.householdChanges = householdChanges;
        this.households = households;
        this.notices = notices;
        this.jdbc = jdbc;
        this.parameters = parameters;
        this.alerts = alerts;
        this.outbox = outbox;
        this.eliminations = eliminations;
        this.clock = clock;
    }

    /** The procedures follow a household that moved: the new area's staff take them over. */
    @EventListener
    public void on(HouseholdMoved moved) {
        jdbc.sql("update identification set division_code = :d where household_id = :h")
                .param("d", moved.toDivision()).param("h", moved.householdId()).update();
    }

    /**
     * Opens the procedure for the household, or adds the risks to the one already open (the clock
     * keeps running from the first clue).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID openOrJoin(UUID householdId, String divisionCode, Channel channel, List<RiskType> riskTypes,
                           String description, boolean greenChannel) {
        var open = jdbc.sql("select id, risk_types from identification where household_id = :h and purpose = 'MONITORING' "
                        + "and stage in ('VILLAGE_SCREENING', 'TOWNSHIP_REVIEW', 'COUNTY_CONFIRMATION') for update")
                .param("h", householdId)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)}).optional();
        if (open.isPresent()) {
            UUID id = (UUID) open.get()[0];
            Set<String> types = new LinkedHashSet<>(Arrays.asList(((String) open.get()[1]).split(",")));
            riskTypes.forEach(t -> types.add(t.name()));
            jdbc.sql("""
                            update identification set risk_types = :types, description = left(description || '；' || :more, 2000),
                                green_channel = green_channel or :green where id = :id""")
                    .param("types", String.join(",", types)).param("more", description).param("green", greenChannel)
                    .param("id", id).update();
            return id;
        }
        return insert(householdId, divisionCode, "MONITORING", channel.name(), riskTypes, description, greenChannel);
    }

    /** Opens the procedure that confirms a household's risks eliminated; one open at a time. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID openElimination(UUID householdId, String divisionCode, List<RiskType> riskTypes, String reason) {
        boolean alreadyOpen = jdbc.sql("select count(*) from identification where household_id = :h and purpose = 'ELIMINATION' "
                        + "and stage in ('VILLAGE_SCREENING', 'TOWNSHIP_REVIEW', 'COUNTY_CONFIRMATION')")
                .param("h", householdId).query(Long.class).single() > 0;
        if (alreadyOpen) {
            throw new RuleViolationException("已在办理中", "该户的风险消除正在认定中。");
        }
        return insert(householdId, divisionCode, "ELIMINATION", "ELIMINATION_REQUEST", riskTypes, reason, false);
    }

    /** A new procedure at the village step, its clock starting now. */
    private UUID insert(UUID householdId, String divisionCode, String purpose, String channel, List<RiskType> riskTypes,
                        String description, boolean greenChannel) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        PolicyValue days = parameters.required(CLOCK_PARAMETER, divisionCode.substring(0, 6), today);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into identification (id, household_id, division_code, purpose, channel, risk_types, description,
                                                    stage, green_channel, first_clue_at, due_date, clock_parameter)
                        values (:id, :h, :division, :purpose, :channel, :types, :description, 'VILLAGE_SCREENING', :green,
                                :at, :due, :clock)""")
                .param("id", id).param("h", householdId).param("division", divisionCode).param("purpose", purpose)
                .param("channel", channel)
                .param("types", riskTypes.stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("description", RiskAlerts.clip(description, 2000))
                .param("green", greenChannel).param("at", Timestamp.from(now))
                .param("due", ClueClock.deadline(today, days.value().intValue())).param("clock", days.version())
                .update();
        return id;
    }

    /**
     * Takes one step. The caller must hold the step's role in a division of the step's level that
     * contains the household; a rejection or approval needs a reason; the county names the category.
     * On confirmation the household becomes a monitoring object: {@code HouseholdMonitored} and the
     * alert for its risks are published.
     */
    @Transactional
    public IdentificationView decide(UUID id, Procedure.Decision decision, String reason, HouseholdCategory category,
                                     String decidedBy, Set<String> roles, Jurisdiction jurisdiction) {
        IdentificationView current = find(id, jurisdiction, true);
        Procedure.refusal(current.stage(), roles, jurisdiction, current.divisionCode()).ifPresent(why -> {
            throw new RuleViolationException("不能办理此环节", why);
        });
        // only an approval waits for the notice: a township may stop a proposal at any time
        if (current.stage() == Procedure.Stage.TOWNSHIP_REVIEW && decision == Procedure.Decision.APPROVE) {
            notices.gateOf(id).flatMap(gate -> NoticeRules.townshipRefusal(PlatformTime.today(clock), gate.endsOn(),
                    gate.objections(), current.greenChannel())).ifPresent(why -> {
                throw new RuleViolationException("公示期未满", why);
            });
        }
        Procedure.Stage next = Procedure.next(current.stage(), decision);
        boolean elimination = "ELIMINATION".equals(current.purpose());
        HouseholdCategory before = null;
        if (next == Procedure.Stage.CONFIRMED && !elimination) {
            before = households.standing(current.householdId()).orElseThrow().category();
            Set<HouseholdCategory> allowed = CategoryRules.countyMayName(before);
            if (category == null || !allowed.contains(category)) {
                throw new RuleViolationException("须确定监测类别", "县级认定时须确定类别："
                        + allowed.stream().map(HouseholdCategory::label).collect(Collectors.joining("或"))
                        + "（脱贫户认定为脱贫不稳定户，一般农户认定为边缘易致贫户或突发严重困难户）。");
            }
        }
        Instant now = clock.instant();
        List<String> versions = new java.util.ArrayList<>(List.of(current.clockParameter()));
        if (elimination && decision == Procedure.Decision.APPROVE) {
            versions.addAll(eliminations.check(current.householdId()).parameterVersions());
        }
        jdbc.sql("""
                        insert into identification_decision (identification_id, step, decision, reason, decided_by, decided_division,
                                                             decided_at, parameter_versions)
                        values (:id, :step, :decision, :reason, :by, :division, :at, :versions)""")
                .param("id", id).param("step", current.stage().name()).param("decision", decision.name())
                .param("reason", reason).param("by", decidedBy).param("division", jurisdiction.divisionCode())
                .param("at", Timestamp.from(now)).param("versions", String.join(",", versions)).update();
        jdbc.sql("update identification set stage = :stage, closed_at = :closed where id = :id")
                .param("stage", next.name()).param("closed", next.isOpen() ? null : Timestamp.from(now)).param("id", id)
                .update();
        if (current.stage() == Procedure.Stage.VILLAGE_SCREENING && next == Procedure.Stage.TOWNSHIP_REVIEW) {
            notices.post(id, current.householdId(), current.purpose(), decidedBy);
        }
        if (next == Procedure.Stage.REJECTED && !elimination && current.greenChannel()) {
            alerts.notConfirmed(current.householdId(), current.riskTypes().stream().map(RiskType::valueOf).toList());
        }
        if (next == Procedure.Stage.CONFIRMED && elimination) {
            eliminations.eliminate(current.householdId(), current.divisionCode(), current.id());
        } else if (next == Procedure.Stage.CONFIRMED) {
            confirm(current, category, before, reason, decidedBy, now);
        }
        return find(id, jurisdiction, false);
    }

    private void confirm(IdentificationView identification, HouseholdCategory category, HouseholdCategory before,
                         String reason, String decidedBy, Instant now) {
        List<RiskType> riskTypes = identification.riskTypes().stream().map(RiskType::valueOf).toList();
        householdChanges.categoryConfirmed(identification.householdId(), category, decidedBy);
        outbox.append(Topics.MONITORING_HOUSEHOLD, identification.householdId().toString(), identification.divisionCode(),
                monitored(identification, category, before, riskTypes, now));
        // after the green channel the alert is out already; raise() skips risks that are monitored
        alerts.raise(identification.householdId(), identification.divisionCode(), riskTypes,
                "县级认定为" + category.label() + "：" + reason + "（线索：" + identification.description() + "）", null);
    }

    /**
     * The county's confirmation as published, with how the procedure went from its own rows: the first
     * clue's channel, the category before, the first clue, the deadline and the village's and township's
     * approvals as recorded (null for a step with no approval on record; a green-channel procedure still
     * takes every step, its township only not waiting for the notice).
     */
    static HouseholdMonitored monitored(IdentificationView identification, HouseholdCategory category,
                                        HouseholdCategory before, List<RiskType> riskTypes, Instant confirmedAt) {
        HouseholdMonitored.DiscoveryChannel channel = Arrays.stream(HouseholdMonitored.DiscoveryChannel.values())
                .filter(c -> c.name().equals(identification.channel())).findFirst().orElse(null);
        return new HouseholdMonitored(identification.householdId(), identification.divisionCode(), category, riskTypes,
                identification.id(), confirmedAt, channel, before, identification.firstClueAt(), identification.dueDate(),
                approvedAt(identification, Procedure.Stage.VILLAGE_SCREENING),
                approvedAt(identification, Procedure.Stage.TOWNSHIP_REVIEW));
    }

    /** The latest approval of a step, if one is on record. */
    private static Instant approvedAt(IdentificationView identification, Procedure.Stage step) {
        return identification.decisions().stream()
                .filter(d -> step.name().equals(d.step()) && Procedure.Decision.APPROVE.name().equals(d.decision()))
                .map(IdentificationView.DecisionView::decidedAt).reduce((a, b) -> b).orElse(null);
    }

    /**
     * Open procedures in the caller's division, oldest clue first; {@code overdueOnly} past their
     * deadline. One page in three queries however large: the total, the page, and the page's decisions.
     */
    public Page<IdentificationView> open(Jurisdiction jurisdiction, boolean overdueOnly, int page, int size) {
        LocalDate today = PlatformTime.today(clock);
        String where = " where division_code like :scope and stage in ('VILLAGE_SCREENING', 'TOWNSHIP_REVIEW', "
                + "'COUNTY_CONFIRMATION') and (not :overdueOnly or due_date < :today)";
        long total = jdbc.sql("select count(*) from identification" + where)
                .param("scope", jurisdiction.likePattern()).param("overdueOnly", overdueOnly).param("today", today)
                .query(Long.class).single();
        List<Row> rows = jdbc.sql(SELECT + where + " order by first_clue_at, id limit :size offset :offset")
                .param("scope", jurisdiction.likePattern()).param("overdueOnly", overdueOnly).param("today", today)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> row(rs, today)).list();
        Map<UUID, List<IdentificationView.DecisionView>> decisions = decisionsOf(rows.stream().map(Row::id).toList());
        List<IdentificationView> items = rows.stream()
                .map(r -> r.view(decisions.getOrDefault(r.id(), List.of()))).toList();
        return new Page<>(items, page, size, total);
    }

    public IdentificationView find(UUID id, Jurisdiction jurisdiction) {
        return find(id, jurisdiction, false);
    }

    private IdentificationView find(UUID id, Jurisdiction jurisdiction, boolean forUpdate) {
        LocalDate today = PlatformTime.today(clock);
        Row row = jdbc.sql(SELECT + " where id = :id and division_code like :scope" + (forUpdate ? " for update" : ""))
                .param("id", id).param("scope", jurisdiction.likePattern())
                .query((rs, n) -> row(rs, today))
                .optional().orElseThrow(() -> new NotFoundException("没有找到该认定事项。"));
        return row.view(decisionsOf(List.of(id)).getOrDefault(id, List.of()));
    }

    private static final String SELECT = """
            select id, household_id, division_code, purpose, channel, risk_types, description, stage, green_channel,
                   first_clue_at, due_date, clock_parameter
            from identification""";

    /** A procedure as read, before its decisions are added. */
    private record Row(UUID id, UUID householdId, String divisionCode, String purpose, String channel, List<String> riskTypes,
                       String description, Procedure.Stage stage, boolean greenChannel, Instant firstClueAt,
                       LocalDate dueDate, boolean overdue, String clockParameter) {

        IdentificationView view(List<IdentificationView.DecisionView> decisions) {
            return new IdentificationView(id, householdId, divisionCode, purpose, channel, riskTypes, description, stage,
                    greenChannel, firstClueAt, dueDate, overdue, clockParameter, decisions);
        }
    }

    private static Row row(java.sql.ResultSet rs, LocalDate today) throws java.sql.SQLException {
        Procedure.Stage stage = Procedure.Stage.valueOf(rs.getString("stage"));
        LocalDate due = rs.getDate("due_date").toLocalDate();
        return new Row(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
                rs.getString("division_code"), rs.getString("purpose"), rs.getString("channel"),
                List.of(rs.getString("risk_types").split(",")), rs.getString("description"), stage,
                rs.getBoolean("green_channel"), rs.getTimestamp("first_clue_at").toInstant(), due,
                ClueClock.isOverdue(due, today, stage.isOpen()), rs.getString("clock_parameter"));
    }

    /** The decisions of the procedures, in the order they were taken, read in one query. */
    private Map<UUID, List<IdentificationView.DecisionView>> decisionsOf(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        select identification_id, step, decision, reason, decided_by, decided_division, decided_at,
                               parameter_versions
                        from identification_decision where identification_id in (:ids) order by decided_at, id""")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getObject("identification_id", UUID.class),
                        new IdentificationView.DecisionView(rs.getString("step"), rs.getString("decision"),
                                rs.getString("reason"), rs.getString("decided_by"), rs.getString("decided_division"),
                                rs.getTimestamp("decided_at").toInstant(), rs.getString("parameter_versions"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }
}
