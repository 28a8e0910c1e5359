package fushun.console.readmodel;

import fushun.console.report.ReportFacts;
import fushun.console.report.ReportRules;
import fushun.contracts.Bureau;
import fushun.contracts.EventEnvelope;
import fushun.contracts.assetmanagement.AssetIncomeDistributed;
import fushun.contracts.RiskType;
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
import fushun.platform.kafka.PoisonEventException;
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
 * Folds the platform's events into the console's tables: households and alerts for the dashboards,
 * and a line in words per event for the household timeline. Called once per event (the inbox).
 */
@Service
public class ReadModel {

    /** Every event type the console reads. */
    public static final List<Class<?>> TYPES = List.of(HouseholdRegistered.class, HouseholdChanged.class, HouseholdMonitored.class,
            RiskEliminated.class, RiskEliminationRolledBack.class, RiskAlertRaised.class, AssignmentEscalated.class,
            RiskSignalObserved.class, AssignmentAcknowledged.class, MeasureApplied.class, CaseClosed.class,
            AssistanceStatusChanged.class, FeedCompletenessChecked.class, AssetIncomeDistributed.class,
            FeedDeadlineMissed.class, MonthlyTotals.class);

    private final JdbcClient jdbc;
    private final ReportFacts reportFacts;

    public ReadModel(JdbcClient jdbc, ReportFacts reportFacts) {
        this.jdbc = jdbc;
        this.reportFacts = reportFacts;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(EventEnvelope<?> event) {
        Bureau answering = event.data() instanceof MeasureApplied m ? m.bureau()
                : event.data() instanceof CaseClosed c ? c.bureau()
                : event.data() instanceof AssignmentAcknowledged a ? a.bureau() : null;
        if (answering != null && !feedKeeperOf(answering).equals(event.source())) {
            // a bureau answers for itself: its own service, or monitoring for the bureaus without one
            throw new PoisonEventException("an answer of " + answering + " from " + event.source());
        }
        if (event.data() instanceof MonthlyTotals t && (!feedKeeperOf(t.bureau()).equals(event.source())
                || !ReportRules.isMonthlyTotals(t))) {
            // only the service that pays a bureau's money may count it, and only in the contract's shape
            throw new PoisonEventException("monthly totals of " + t.bureau() + " from " + event.source()
                    + " that do not fit their contract");
        }
        // the December report's facts, in the same transaction (ADR 0037)
        reportFacts.fold(event);
        Object data = event.data();
        if (data instanceof HouseholdRegistered h) {
            // registered in a monitoring category (脱贫不稳定户, 边缘易致贫户, 突发严重困难户): monitored from then on.
            // The first event of a household's life: a row already there was written by a later one (a
            // registration replayed from its dead letters after them), whose area and category stand
            jdbc.sql("""
                            insert into household_view (household_id, division_code, category, registered_at, monitored_at)
                            values (:h, :d, :c, :at, :monitoredAt)
                            on conflict (household_id) do update set registered_at = excluded.registered_at,
                                monitored_at = least(household_view.monitored_at, excluded.monitored_at)""")
                    .param("h", h.householdId()).param("d", h.divisionCode()).param("c", h.category().name())
                    .param("at", ts(event.occurredAt()))
                    .param("monitoredAt", h.category().isMonitoringCategory() ? ts(event.occurredAt()) : null)
                    .update();
            line(event, h.householdId(), h.divisionCode(), "登记建档：" + h.category().label() + "，"
                    + h.members().size() + " 人");
        } else if (data instanceof HouseholdChanged c) {
            // the whole state after the change, unless a newer revision is applied already (a replay changes nothing);
            // a move takes the household's alerts to the new area's dashboards
            int applied = jdbc.sql("""
                            insert into household_view (household_id, division_code, category, monitored_at, revision)
                            values (:h, :d, :c, :monitoredAt, :revision)
                            on conflict (household_id) do update set division_code = excluded.division_code,
                                category = excluded.category, revision = excluded.revision
                            where household_view.revision < excluded.revision""")
                    .param("h", c.householdId()).param("d", c.divisionCode()).param("c", c.category().name())
                    .param("monitoredAt", c.category().isMonitoringCategory() ? ts(c.recordedAt()) : null)
                    .param("revision", c.revision()).update();
            if (applied > 0) {
                jdbc.sql("update alert_view set division_code = :d where household_id = :h and division_code <> :d")
                        .param("d", c.divisionCode()).param("h", c.householdId()).update();
                line(event, c.householdId(), c.divisionCode(), "户情变动：" + describe(c));
            }
        } else if (data instanceof HouseholdMonitored m) {
            jdbc.sql("""
                            insert into household_view (household_id, division_code, category, monitored_at)
                            values (:h, :d, :c, :at)
                            on conflict (household_id) do update set category = excluded.category,
                                monitored_at = least(household_view.monitored_at, excluded.monitored_at),
                                eliminated_at = null""")
                    .param("h", m.householdId()).param("d", m.divisionCode()).param("c", m.category().name())
                    .param("at", ts(m.confirmedAt())).update();
            line(event, m.householdId(), m.divisionCode(), "县级确定为监测对象（" + m.category().label() + "）："
                    + labels(m.riskTypes()));
        } else if (data instanceof RiskEliminated e) {
            jdbc.sql("update household_view set eliminated_at = :at where household_id = :h")
                    .param("at", ts(e.eliminatedAt())).param("h", e.householdId()).update();
            line(event, e.householdId(), e.divisionCode(), "风险消除：" + labels(e.riskTypes()));
        } else if (data instanceof RiskEliminationRolledBack r) {
            jdbc.sql("update household_view set eliminated_at = null where household_id = :h")
                    .param("h", r.householdId()).update();
            line(event, r.householdId(), r.divisionCode(), "撤销风险消除，恢复监测：" + r.reason());
        } else if (data instanceof RiskAlertRaised a) {
            jdbc.sql("""
                            insert into alert_view (alert_id, household_id, division_code, risk_types, raised_at, first_measure_at)
                            values (:a, :h, :d, :t, :at, (select first_measure_at from alert_measure where alert_id = :a))
                            on conflict do nothing""")
                    .param("a", a.alertId()).param("h", a.householdId()).param("d", a.divisionCode())
                    .param("t", a.riskTypes().stream().map(Enum::name).collect(Collectors.joining(",")))
                    .param("at", ts(a.raisedAt())).update();
            line(event, a.householdId(), a.divisionCode(), "风险预警（" + labels(a.riskTypes()) + "）：责任部门 "
                    + a.assignments().stream().map(x -> x.bureau().label() + "（" + x.dueDate() + " 前）")
                    .collect(Collectors.joining("、")));
        } else if (data instanceof AssignmentEscalated e) {
            line(event, e.householdId(), e.divisionCode(), e.bureau().label() + "逾期 " + e.daysOverdue()
                    + " 天未办结，已提级督办");
        } else if (data instanceof RiskSignalObserved s) {
            line(event, s.householdId(), event.divisionCode(), s.source().label() + "报告风险信号（"
                    + s.riskType().label() + "）：" + s.description());
        } else if (data instanceof AssignmentAcknowledged a) {
            line(event, a.householdId(), event.divisionCode(), a.bureau().label() + "已签收帮扶任务");
        } else if (data instanceof MeasureApplied m) {
            // kept whether or not the alert is here yet (it comes on another topic, in any order)
            jdbc.sql("""
                            insert into alert_measure (alert_id, first_measure_at) values (:a, :at)
                            on conflict (alert_id) do update
                            set first_measure_at = least(alert_measure.first_measure_at, excluded.first_measure_at)""")
                    .param("a", m.alertId()).param("at", ts(m.recordedAt())).update();
            jdbc.sql("update alert_view set first_measure_at = least(coalesce(first_measure_at, :at), :at) where alert_id = :a")
                    .param("at", ts(m.recordedAt())).param("a", m.alertId()).update();
            line(event, m.householdId(), event.divisionCode(), m.bureau().label() + "落实帮扶措施："
                    + (m.description() == null ? m.measure() : m.description()));
        } else if (data instanceof CaseClosed c) {
            line(event, c.householdId(), event.divisionCode(), c.bureau().label() + "办结：" + c.outcome());
        } else if (data instanceof AssistanceStatusChanged s) {
            line(event, s.householdId(), s.divisionCode(), "民政救助状态变化：" + programme(s.programme())
                    + status(s.status()) + (s.amount() == null ? "" : "，金额 "
                    + s.amount().stripTrailingZeros().toPlainString() + " 元") + "（" + s.effectiveFrom() + " 起）");
        } else if (data instanceof AssetIncomeDistributed d) {
            line(event, d.householdId(), d.divisionCode(), "扶贫资产收益分配：" + d.year() + " 年 "
                    + d.amount().stripTrailingZeros().toPlainString() + " 元");
        } else if (data instanceof FeedCompletenessChecked f) {
            jdbc.sql("""
                            insert into feed_month (bureau, month, deadline, expected, missing, checked_at)
                            values (:b, :m, :d, :e, :x, :at)
                            on conflict (bureau, month) do update set missing = excluded.missing,
                                checked_at = excluded.checked_at""")
                    .param("b", f.bureau().name()).param("m", f.month()).param("d", f.deadline())
                    .param("e", String.join(",", f.expectedCounties())).param("x", String.join(",", f.missingCounties()))
                    .param("at", ts(f.checkedAt())).update();
        } else if (data instanceof FeedDeadlineMissed f) {
            // a bureau's feed is judged by the service that keeps it (monitoring for the bureaus without
            // a service of their own); any other sender is refused, so it cannot take the bureau's cell
            if (!feedKeeperOf(f.bureau()).equals(event.source())) {
                throw new PoisonEventException("the feed of " + f.bureau() + " judged by " + event.source());
            }
            // once per bureau and month: the first one stands, a replay changes nothing
            jdbc.sql("""
                            insert into feed_deadline_missed (bureau, month, deadline, expected, late, missing, source, checked_at)
                            values (:b, :m, :d, :e, :l, :x, :s, :at) on conflict (bureau, month) do nothing""")
                    .param("b", f.bureau().name()).param("m", f.month()).param("d", f.deadline())
                    .param("e", String.join(",", f.expectedCounties())).param("l", String.join(",", f.lateCounties()))
                    .param("x", String.join(",", f.missingCounties())).param("s", event.source())
                    .param("at", ts(f.checkedAt())).update();
        }
    }

    /**
     * The service that speaks for a bureau: keeps its monthly feed, publishes its missed deadlines, its
     * money and its answers to assignments (monitoring for the bureaus without a service of their own).
     */
    static String feedKeeperOf(Bureau bureau) {
        return switch (bureau) {
            case CIVIL_AFFAIRS -> "social-assistance";
            case MEDICAL_INSURANCE -> "medical-insurance";
            case HOUSING -> "housing-safety";
            case HUMAN_RESOURCES -> "employment";
            default -> "monitoring";
        };
    }

    /** In fixed words: the change, the member it is about, the reason and the day. */
    static String describe(HouseholdChanged c) {
        String member = c.member().map(m -> "成员 " + m.name() + " ").orElse("");
        String what = switch (c.kind()) {
            case MEMBER_ADDED -> "新增" + member.trim();
            case MEMBER_LEFT -> member + "减少";
            case LABOUR_CAPACITY -> member + "劳动能力变更";
            case RELATIONSHIP -> member + "与户主关系变更";
            case HEAD_OF_HOUSEHOLD -> "户主变更为 " + c.headName();
            case DIVISION -> "由 " + c.previousDivisionCode() + " 迁至 " + c.divisionCode();
            case POLICY_FLAG -> c.notEntitledToPolicy() ? "标识为脱贫不享受政策户" : "取消脱贫不享受政策户标识";
            case CATEGORY -> "农户类别为" + c.category().label();
        };
        return what + "（" + c.reason().label() + "，" + c.effectiveOn() + " 起）";
    }

    private static String programme(AssistanceStatusChanged.Programme p) {
        switch (p) {
            case DIBAO:
                return "低保";
            case TEKUN:
                return "特困供养";
            default:
                return "临时救助";
        }
    }

    private static String status(AssistanceStatusChanged.Status s) {
        switch (s) {
            case GRANTED:
                return "批准";
            case STOPPED:
                return "停发";
            default:
                return "已发放";
        }
    }

    private void line(EventEnvelope<?> event, UUID householdId, String division, String summary) {
        jdbc.sql("""
                        insert into household_event (event_id, household_id, division_code, type, source, occurred_at, summary)
                        values (:id, :h, :d, :type, :source, :at, :summary) on conflict do nothing""")
                .param("id", event.eventId()).param("h", householdId).param("d", division).param("type", event.type())
                .param("source", event.source()).param("at", ts(event.occurredAt()))
                .param("summary", summary.length() > 2000 ? summary.substring(0, 2000) : summary)
                .update();
    }

    private static String labels(List<RiskType> types) {
        return types.stream().map(RiskType::label).collect(Collectors.joining("、"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
