package fushun.console.report;

import fushun.contracts.EventEnvelope;
import fushun.contracts.RiskType;
import fushun.contracts.assetmanagement.AssetIncomeDistributed;
import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.contracts.bureau.CaseClosed;
import fushun.contracts.bureau.MeasureApplied;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.contracts.feed.FeedDeadlineMissed;
import fushun.contracts.feed.MonthlyTotals;
import fushun.contracts.medicalinsurance.FeedCompletenessChecked;
import fushun.contracts.monitoring.AssignmentEscalated;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.contracts.monitoring.RiskEliminated;
import fushun.contracts.monitoring.RiskEliminationRolledBack;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the events the December report counts into its own tables, in the read model's transaction
 * (the inbox makes each event count once). Every fact is kept with its own date, so the figures of
 * any year can be counted later, whatever order the events arrived in. Only what the events carry:
 * the head's name is kept masked, no ID number or phone ever reaches these tables.
 */
@Service
public class ReportFacts {

    private final JdbcClient jdbc;

    public ReportFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void fold(EventEnvelope<?> event) {
        Object data = event.data();
        if (data instanceof HouseholdRegistered h) {
            jdbc.sql("""
                            insert into report_household (household_id, division_code, category, masked_name)
                            values (:h, :d, :c, :n)
                            on conflict (household_id) do update set masked_name = coalesce(report_household.masked_name, excluded.masked_name)""")
                    .param("h", h.householdId()).param("d", h.divisionCode()).param("c", h.category().name())
                    .param("n", ReportRules.maskName(h.headName())).update();
        } else if (data instanceof HouseholdChanged c) {
            jdbc.sql("""
                            insert into report_household (household_id, division_code, category, masked_name, revision)
                            values (:h, :d, :c, :n, :r)
                            on conflict (household_id) do update set division_code = excluded.division_code,
                                category = excluded.category, masked_name = excluded.masked_name, revision = excluded.revision
                            where report_household.revision < excluded.revision""")
                    .param("h", c.householdId()).param("d", c.divisionCode()).param("c", c.category().name())
                    .param("n", ReportRules.maskName(c.headName())).param("r", c.revision()).update();
        } else if (data instanceof HouseholdMonitored m) {
            monitoring(event, m.householdId(), m.divisionCode(), "IDENTIFIED", m.category().name(), m.riskTypes(),
                    m.confirmedAt());
            procedure(event, m);
        } else if (data instanceof RiskEliminated e) {
            monitoring(event, e.householdId(), e.divisionCode(), "ELIMINATED", null, e.riskTypes(), e.eliminatedAt());
        } else if (data instanceof RiskEliminationRolledBack r) {
            monitoring(event, r.householdId(), r.divisionCode(), "ROLLED_BACK", null, r.riskTypes(), r.rolledBackAt());
        } else if (data instanceof RiskAlertRaised a) {
            jdbc.sql("""
                            insert into report_alert (alert_id, household_id, division_code, risk_types, raised_at, parameter_versions)
                            values (:a, :h, :d, :t, :at, :v) on conflict do nothing""")
                    .param("a", a.alertId()).param("h", a.householdId()).param("d", a.divisionCode())
                    .param("t", names(a.riskTypes())).param("at", ts(a.raisedAt()))
                    .param("v", String.join(",", ReportRules.parameterVersions(a.explanation()))).update();
            for (RiskAlertRaised.Assignment x : a.assignments()) {
                jdbc.sql("""
                                insert into report_assignment (assignment_id, alert_id, household_id, division_code, bureau, due_date, raised_at)
                                values (:id, :a, :h, :d, :b, :due, :at)
                                on conflict (assignment_id) do update set alert_id = excluded.alert_id,
                                    division_code = excluded.division_code, due_date = excluded.due_date, raised_at = excluded.raised_at""")
                        .param("id", x.assignmentId()).param("a", a.alertId()).param("h", a.householdId())
                        .param("d", a.divisionCode()).param("b", x.bureau().name()).param("due", x.dueDate())
                        .param("at", ts(a.raisedAt())).update();
            }
        } else if (data instanceof AssignmentAcknowledged a) {
            answer(a.assignmentId(), a.alertId(), a.householdId(), event.divisionCode(), a.bureau().name(),
                    "acknowledged_at", a.acknowledgedAt());
        } else if (data instanceof CaseClosed c) {
            answer(c.assignmentId(), c.alertId(), c.householdId(), event.divisionCode(), c.bureau().name(), "closed_at",
                    c.closedAt());
        } else if (data instanceof AssignmentEscalated e) {
            answer(e.assignmentId(), e.alertId(), e.householdId(), e.divisionCode(), e.bureau().name(), "escalated_at",
                    e.escalatedAt());
        } else if (data instanceof MeasureApplied m) {
            jdbc.sql("""
                            insert into report_measure (measure_id, household_id, division_code, bureau, measure, amount, applied_on)
                            values (:id, :h, :d, :b, :m, :amount, :on) on conflict do nothing""")
                    .param("id", m.measureId()).param("h", m.householdId()).param("d", event.divisionCode())
                    .param("b", m.bureau().name()).param("m", m.measure()).param("amount", m.amount())
                    .param("on", m.appliedOn()).update();
        } else if (data instanceof AssistanceStatusChanged s) {
            jdbc.sql("""
                            insert into report_assistance (change_id, household_id, division_code, programme, status, persons, amount, effective_from)
                            values (:id, :h, :d, :p, :s, :n, :amount, :from) on conflict do nothing""")
                    .param("id", s.changeId()).param("h", s.householdId()).param("d", s.divisionCode())
                    .param("p", s.programme().name()).param("s", s.status().name())
                    .param("n", s.persons() == null ? 0 : s.persons().size()).param("amount", s.amount())
                    .param("from", s.effectiveFrom()).update();
        } else if (data instanceof AssetIncomeDistributed d) {
            jdbc.sql("""
                            insert into report_asset_income (distribution_id, household_id, division_code, year, purpose, amount, distributed_on)
                            values (:id, :h, :d, :y, :p, :amount, :on) on conflict do nothing""")
                    .param("id", d.distributionId()).param("h", d.householdId()).param("d", d.divisionCode())
                    .param("y", d.year()).param("p", d.purpose()).param("amount", d.amount())
                    .param("on", d.distributedOn()).update();
        } else if (data instanceof RiskSignalObserved s) {
            jdbc.sql("""
                            insert into report_signal (signal_id, household_id, division_code, source, risk_type, parameter_version, observed_at)
                            values (:id, :h, :d, :s, :t, :v, :at) on conflict do nothing""")
                    .param("id", s.signalId()).param("h", s.householdId()).param("d", event.divisionCode())
                    .param("s", s.source().name()).param("t", s.riskType().name()).param("v", s.parameterVersion())
                    .param("at", ts(s.observedAt())).update();
        } else if (data instanceof FeedCompletenessChecked f) {
            jdbc.sql("""
                            insert into report_feed (bureau, month, missing) values (:b, :m, :x)
                            on conflict (bureau, month) do update set missing = excluded.missing
                            where not report_feed.deadline_missed""")
                    .param("b", f.bureau().name()).param("m", f.month()).param("x", String.join(",", f.missingCounties()))
                    .update();
        } else if (data instanceof MonthlyTotals t) {
            monthlyTotals(t);
        } else if (data instanceof FeedDeadlineMissed f) {
            // a missed deadline (any bureau, ADR 0036) stands over a monthly check of the same month
            jdbc.sql("""
                            insert into report_feed (bureau, month, late, missing, deadline_missed) values (:b, :m, :l, :x, true)
                            on conflict (bureau, month) do update set late = excluded.late, missing = excluded.missing,
                                deadline_missed = true""")
                    .param("b", f.bureau().name()).param("m", f.month()).param("l", String.join(",", f.lateCounties()))
                    .param("x", String.join(",", f.missingCounties())).update();
        }
    }

    /** A bureau's month in a county: the newest count replaces the earlier one, an older one that arrives late changes nothing. */
    private void monthlyTotals(MonthlyTotals t) {
        int newer = jdbc.sql("""
                        insert into report_monthly_count (bureau, county, month, computed_at) values (:b, :c, :m, :at)
                        on conflict (bureau, county, month) do update set computed_at = excluded.computed_at
                        where report_monthly_count.computed_at < excluded.computed_at""")
                .param("b", t.bureau().name()).param("c", t.county()).param("m", t.month()).param("at", ts(t.computedAt()))
                .update();
        if (newer == 0) {
            return;
        }
        jdbc.sql("delete from report_monthly_total where bureau = :b and county = :c and month = :m")
                .param("b", t.bureau().name()).param("c", t.county()).param("m", t.month()).update();
        for (MonthlyTotals.Item item : t.items()) {
            jdbc.sql("""
                            insert into report_monthly_total (bureau, county, month, code, label, households, persons, amount)
                            values (:b, :c, :m, :code, :label, :h, :p, :amount)
                            on conflict (bureau, county, month, code) do update set label = excluded.label,
                                households = excluded.households, persons = excluded.persons, amount = excluded.amount""")
                    .param("b", t.bureau().name()).param("c", t.county()).param("m", t.month()).param("code", item.code())
                    .param("label", item.label()).param("h", item.households()).param("p", item.persons())
                    .param("amount", item.amount()).update();
        }
    }

    private void monitoring(EventEnvelope<?> event, UUID householdId, String division, String kind, String category,
                            List<RiskType> risks, Instant at) {
        jdbc.sql("""
                        insert into report_monitoring (event_id, household_id, division_code, kind, category, risk_types, occurred_at)
                        values (:e, :h, :d, :k, :c, :t, :at) on conflict do nothing""")
                .param("e", event.eventId()).param("h", householdId).param("d", division).param("k", kind)
                .param("c", category).param("t", names(risks)).param("at", ts(at == null ? event.occurredAt() : at))
                .update();
    }

    /** How the confirmed procedure went, as far as the event carries it (events before V11's fields: nulls). */
    private void procedure(EventEnvelope<?> event, HouseholdMonitored m) {
        jdbc.sql("""
                        update report_monitoring set channel = :channel, previous_category = :previous, first_clue_at = :clue,
                            due_date = :due, village_decided_at = :village, township_decided_at = :township
                        where event_id = :e""")
                .param("channel", m.channel() == null ? null : m.channel().name())
                .param("previous", m.previousCategory() == null ? null : m.previousCategory().name())
                .param("clue", ts(m.firstClueAt())).param("due", m.dueDate())
                .param("village", ts(m.villageDecidedAt())).param("township", ts(m.townshipDecidedAt()))
                .param("e", event.eventId()).update();
    }

    /** An answer may come before its alert (another topic): the row waits for the alert's deadline. */
    private void answer(UUID assignmentId, UUID alertId, UUID householdId, String division, String bureau, String column,
                        Instant at) {
        // column is one of three fixed names chosen above, never input
        jdbc.sql("insert into report_assignment (assignment_id, alert_id, household_id, division_code, bureau, " + column + ")"
                        + " values (:id, :a, :h, :d, :b, :at) on conflict (assignment_id) do update set " + column
                        + " = least(coalesce(report_assignment." + column + ", excluded." + column + "), excluded." + column + "),"
                        + " division_code = coalesce(report_assignment.division_code, excluded.division_code)")
                .param("id", assignmentId).param("a", alertId).param("h", householdId).param("d", division)
                .param("b", bureau).param("at", ts(at)).update();
    }

    private static String names(List<RiskType> types) {
        return types == null ? "" : types.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
