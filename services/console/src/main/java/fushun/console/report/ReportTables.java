package fushun.console.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's tables, the same in the .docx and in the .xlsx annex (one sheet each): a pure
 * function of the figures, so the two documents cannot disagree.
 */
public final class ReportTables {

    /** {@code rows} hold String, Long, BigDecimal or null (shown as —: not carried by any event). */
    public record Table(String title, List<String> headers, List<List<Object>> rows) {
    }

    /** One county's report on the city's list: its version, who submitted it and when, late or not. */
    public record Submission(String county, String name, Integer version, String status, String submittedBy,
                             String submittedAt, String deadline, boolean late) {
    }

    public static final String CATEGORIES = "监测对象（按类别）";
    public static final String CHANGES = "年度监测对象变化";
    public static final String CHANNELS = "发现渠道";
    public static final String PROCEDURE_DEADLINE = "认定程序时效（县级确定与截止日）";
    public static final String PROCEDURE_STEPS = "认定程序各环节用时";
    public static final String ENTRIES = "新识别监测对象（按纳入前类别）";
    public static final String ALERTS_BY_RISK = "风险预警（按风险类型）";
    public static final String ALERTS_BY_MONTH = "风险预警（按月）";
    public static final String ASSIGNMENTS = "帮扶任务办理（按部门）";
    public static final String MEASURES = "帮扶措施（按部门）";
    public static final String ASSISTANCE = "民政救助状态变化";
    public static final String TEMPORARY_AID = "临时救助（按乡镇备用金）";
    public static final String ASSET_INCOME = "扶贫资产收益分配";
    public static final String AT_RISK = "仍有风险的监测户";
    public static final String FEEDS = "数据报送完整性";
    public static final String PARAMETERS = "所依据的参数版本";
    public static final String NOT_CARRIED = "事件尚未携带的指标";
    public static final String PAYMENTS = "各部门资金发放（按月汇总）";
    public static final String COUNTIES = "各县区主要指标";
    public static final String SUBMISSIONS = "各县区报告报送情况";

    private ReportTables() {
    }

    public static List<Table> of(ReportFigures f) {
        List<Table> tables = new ArrayList<>();
        tables.add(new Table(CATEGORIES, List.of("类别", "在监测户数", "已消除风险户数"), f.categories().stream()
                .map(c -> row(c.label(), c.monitored(), c.eliminated())).toList()));
        tables.add(new Table(CHANGES, List.of("指标", "户数"), List.of(row("新识别监测对象", f.newlyIdentified()),
                row("风险消除", f.eliminated()), row("撤销风险消除（恢复监测）", f.rolledBack()))));
        tables.add(new Table(CHANNELS, List.of("发现渠道", "数量", "说明"), f.channels().stream()
                .map(c -> row(c.channel(), c.count(), c.note())).toList()));
        tables.addAll(procedure(f.procedure()));
        tables.add(new Table(ALERTS_BY_RISK, List.of("风险类型", "预警数"), f.alertsByRisk().stream()
                .map(c -> row(c.label(), c.count())).toList()));
        tables.add(new Table(ALERTS_BY_MONTH, List.of("月份", "预警数"), f.alertsByMonth().stream()
                .map(c -> row(c.key(), c.count())).toList()));
        tables.add(new Table(ASSIGNMENTS, List.of("责任部门", "任务数", "按时办结", "逾期办结", "逾期未办结", "办理中", "提级督办"),
                f.assignments().stream().map(a -> row(a.label(), a.total(), a.onTime(), a.late(), a.overdue(), a.open(),
                        a.escalated())).toList()));
        tables.add(new Table(MEASURES, List.of("部门", "措施", "措施数", "户数", "金额（元，事件所载）"), f.measures().stream()
                .map(m -> row(m.label(), m.measure(), m.measures(), m.households(), m.amount())).toList()));
        tables.add(new Table(PAYMENTS, List.of("部门", "项目", "户次（各月之和）", "人次（各月之和）", "金额（元）"), f.payments().stream()
                .map(p -> row(p.label(), p.item(), p.householdMonths(), p.personMonths(), p.amount())).toList()));
        tables.add(new Table(ASSISTANCE, List.of("救助项目", "状态", "户数", "人数", "金额（元：低保、特困为月标准之和，临时救助为支付额）"),
                f.assistance().stream().map(a -> row(a.label(), a.status(), a.households(), a.persons(), a.amount())).toList()));
        tables.add(new Table(TEMPORARY_AID, List.of("乡镇", "支付笔数", "金额（元）"), f.temporaryAidByTownship().stream()
                .map(a -> row(a.label(), a.count(), a.amount())).toList()));
        tables.add(new Table(ASSET_INCOME, List.of("项目", "户数", "金额（元）"),
                List.of(row(f.assetIncome().label(), f.assetIncome().count(), f.assetIncome().amount()))));
        // no risk types here: with a village and a masked name they would tell a household's illness
        // (health data); the open assignments say which bureaus still owe help
        tables.add(new Table(AT_RISK, List.of("户主（脱敏）", "村", "类别", "确定日期", "未办结帮扶任务"), f.atRisk().stream()
                .map(r -> row(r.maskedName(), r.village(), r.category(), r.identifiedOn() == null ? null : r.identifiedOn().toString(),
                        r.openAssignments().isEmpty() ? "无" : r.openAssignments())).toList()));
        tables.add(new Table(FEEDS, List.of("部门", "月份", "报送情况"), f.feeds().stream()
                .map(r -> row(r.label(), r.month(), r.state())).toList()));
        tables.add(new Table(PARAMETERS, List.of("参数版本", "引用次数"), f.parameterVersions().stream()
                .map(p -> row(p.key(), p.count())).toList()));
        tables.add(new Table(NOT_CARRIED, List.of("指标与原因"), f.notCarried().stream().map(s -> row(s)).toList()));
        return tables;
    }

    /** The procedure's tables: confirmations against their deadline, each step's days, why households came in. */
    static List<Table> procedure(ReportFigures.ProcedureFigures p) {
        return List.of(
                new Table(PROCEDURE_DEADLINE, List.of("指标", "件数"), List.of(row("县级确定", p.confirmed()),
                        row("按期确定（不晚于截止日）", p.onTime()), row("逾期确定", p.late()), row("截止日未携带", p.deadlineNotCarried()))),
                new Table(PROCEDURE_STEPS, List.of("环节", "件数", "平均用时（天）"), p.steps().stream()
                        .map(st -> row(st.step(), st.measured(), st.averageDays())).toList()),
                // 返贫风险, not 返贫: whether income fell below the poverty line again is not known here
                new Table(ENTRIES, List.of("纳入前类别", "户数"), p.entries().stream().map(e -> row(e.label(), e.count())).toList()));
    }

    /** The city's own tables: each county's main figures and where its report stands. */
    public static List<Table> city(List<ReportFigures> counties, List<Submission> submissions) {
        Table figures = new Table(COUNTIES, List.of("县区", "新识别", "风险消除", "撤销消除", "在监测", "预警数", "逾期未办结",
                "脱贫户纳入监测", "逾期认定"),
                counties.stream().map(c -> row(c.scopeName(), c.newlyIdentified(), c.eliminated(), c.rolledBack(),
                        c.monitoredAtCutoff(), c.alerts(), c.assignments().stream().mapToLong(ReportFigures.AssignmentRow::overdue).sum(),
                        c.procedure().returnRisk(), c.procedure().late()))
                        .toList());
        Table status = new Table(SUBMISSIONS, List.of("县区", "版本", "状态", "报送人", "报送时间", "截止日", "是否逾期"),
                submissions.stream().map(s -> row(s.name(), s.version() == null ? null : (long) s.version(), s.status(),
                        s.submittedBy(), s.submittedAt(), s.deadline(), s.late() ? "逾期" : "否")).toList());
        return List.of(figures, status);
    }

    private static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>(cells.length);
        for (Object c : cells) {
            row.add(c instanceof Integer i ? Long.valueOf(i) : c);
        }
        return row;
    }

    /** How a cell reads in both documents: — for a figure no event carries, amounts with two decimals. */
    public static String text(Object cell) {
        if (cell == null) {
            return "—";
        }
        if (cell instanceof BigDecimal b) {
            return b.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        }
        return cell.toString();
    }
}
