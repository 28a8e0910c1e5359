package fushun.console.report;

import fushun.console.report.ReportFigures.AmountRow;
import fushun.console.report.ReportFigures.AssignmentRow;
import fushun.console.report.ReportFigures.AssistanceRow;
import fushun.console.report.ReportFigures.AtRiskRow;
import fushun.console.report.ReportFigures.CategoryRow;
import fushun.console.report.ReportFigures.ChannelRow;
import fushun.console.report.ReportFigures.CountRow;
import fushun.console.report.ReportFigures.FeedRow;
import fushun.console.report.ReportFigures.MeasureRow;
import fushun.console.report.ReportRules.MonitoringFact;
import fushun.console.report.ReportRules.Standing;
import fushun.console.report.ReportRules.Timeliness;
import fushun.contracts.Bureau;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import fushun.platform.PlatformTime;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Counts a scope's figures for a year from the report's own tables (folded from events by {@link ReportFacts}). */
@Service
public class AnnualFigures {

    /** Fushun's county-level divisions (the city's code is 210400, its prefix 2104). */
    public static final Map<String, String> COUNTIES = new TreeMap<>(Map.of("210402", "新抚区", "210403", "东洲区",
            "210404", "望花区", "210411", "顺城区", "210421", "抚顺县", "210422", "新宾满族自治县", "210423", "清原满族自治县"));
    public static final String CITY = "2104";
    public static final String CITY_NAME = "抚顺市";

    /** What the report would show but no event carries yet (ADR 0037 lists the fields they need). */
    public static final List<String> NOT_CARRIED = List.of(
            "返贫人数（已登记的脱贫户收入再次低于贫困标准）：平台不掌握，只按纳入监测前的类别区分脱贫户纳入监测（返贫风险）与一般农户纳入监测（致贫风险）");

    private static final Map<String, String> MEASURES = Map.of("DIBAO", "低保", "TEKUN", "特困供养", "TEMPORARY_AID", "临时救助",
            "TILTED_COVER", "医保倾斜保障", "PUBLIC_WELFARE_POST", "公益性岗位", "RENOVATION_STARTED", "危房改造开工",
            "RENOVATION_COMPLETED", "危房改造竣工");

    private final JdbcClient jdbc;

    public AnnualFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String nameOf(String scope) {
        return CITY.equals(scope) ? CITY_NAME : COUNTIES.getOrDefault(scope, scope);
    }

    public static String measureLabel(String code) {
        return MEASURES.getOrDefault(code, code);
    }

    private record Fact(UUID household, String village, String kind, String category, String risks, Instant at) {
    }

    private record Assignment(UUID household, String bureau, LocalDate due, Instant raisedAt, Instant closedAt,
                              Instant escalatedAt) {
    }

    /** {@code scope}: a county's code or {@link #CITY}; {@code today}: China's date the figures are counted on. */
    public ReportFigures count(String scope, int year, LocalDate today) {
        String like = scope + "%";
        LocalDate cutoff = ReportRules.cutoff(year, today);
        Instant start = ReportRules.startOf(year);
        Instant until = ReportRules.endOf(cutoff);

        // standing of every household at the cut-off, from its identifications, eliminations and rollbacks: the
        // households that live in the scope now (a household that moved is counted where it lives), and those
        // whose facts happened here (identified, eliminated or rolled back here: counted where it happened)
        Map<UUID, List<Fact>> facts = new LinkedHashMap<>();
        jdbc.sql("""
                        select m.household_id, m.division_code, m.kind, m.category, m.risk_types, m.occurred_at
                        from report_monitoring m left join report_household h on h.household_id = m.household_id
                        where (m.division_code like :scope or h.division_code like :scope) and m.occurred_at < :until
                        order by m.occurred_at, m.event_id""")
                .param("scope", like).param("until", Timestamp.from(until))
                .query((rs, n) -> new Fact(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list().forEach(f -> facts.computeIfAbsent(f.household(), k -> new ArrayList<>()).add(f));
        // category, masked name and where each of them lives now
        Map<UUID, String[]> households = new HashMap<>();
        jdbc.sql("""
                        select h.household_id, h.category, h.masked_name, h.division_code from report_household h
                        where h.division_code like :scope
                        or exists (select 1 from report_monitoring m where m.household_id = h.household_id and m.division_code like :scope)""")
                .param("scope", like)
                .query((rs, n) -> households.put(rs.getObject(1, UUID.class),
                        new String[] {rs.getString(2), rs.getString(3), rs.getString(4)}))
                .list();

        Map<String, long[]> byCategory = new HashMap<>();
        long identified = 0;
        long eliminated = 0;
        long rolledBack = 0;
        List<UUID> atRiskIds = new ArrayList<>();
        Map<UUID, Fact> lastIdentified = new HashMap<>();
        for (Map.Entry<UUID, List<Fact>> e : facts.entrySet()) {
            List<Fact> mine = e.getValue();
            List<Fact> here = mine.stream().filter(f -> f.village().startsWith(scope)).toList();
            identified += inYear(here, "IDENTIFIED", start) ? 1 : 0;
            eliminated += inYear(here, "ELIMINATED", start) ? 1 : 0;
            rolledBack += inYear(here, "ROLLED_BACK", start) ? 1 : 0;
            if (!livesIn(scope, households.get(e.getKey()), mine)) {
                continue;
            }
            Standing standing = ReportRules.standing(mine.stream().map(f -> new MonitoringFact(f.kind(), f.at())).toList(), until);
            Fact last = mine.stream().filter(f -> f.kind().equals("IDENTIFIED")).reduce((a, b) -> b).orElse(null);
            String category = last != null && last.category() != null ? last.category()
                    : households.getOrDefault(e.getKey(), new String[] {HouseholdCategory.MARGINAL.name()})[0];
            if (standing != Standing.NOT_MONITORED) {
                long[] c = byCategory.computeIfAbsent(category, k -> new long[2]);
                c[standing == Standing.MONITORED ? 0 : 1]++;
            }
            if (standing == Standing.MONITORED) {
                atRiskIds.add(e.getKey());
                if (last != null) {
                    lastIdentified.put(e.getKey(), last);
                }
            }
        }
        List<CategoryRow> categories = Arrays.stream(HouseholdCategory.values()).filter(HouseholdCategory::isMonitoringCategory)
                .map(c -> new CategoryRow(c.name(), c.label(), byCategory.getOrDefault(c.name(), new long[2])[0],
                        byCategory.getOrDefault(c.name(), new long[2])[1]))
                .toList();

        long signals = jdbc.sql("""
                        select count(*) from report_signal where division_code like :scope and observed_at >= :start and observed_at < :until""")
                .param("scope", like).param("start", Timestamp.from(start)).param("until", Timestamp.from(until))
                .query(Long.class).single();
        Confirmations confirmations = confirmations(like, start, until, signals);
        List<ChannelRow> channels = confirmations.channels();

        Map<String, Long> risks = new HashMap<>();
        Map<String, Long> months = new HashMap<>();
        Map<String, Long> versions = new TreeMap<>();
        jdbc.sql("""
                        select risk_types, raised_at, parameter_versions from report_alert
                        where division_code like :scope and raised_at >= :start and raised_at < :until""")
                .param("scope", like).param("start", Timestamp.from(start)).param("until", Timestamp.from(until))
                .query((rs, n) -> {
                    for (String t : split(rs.getString(1))) {
                        risks.merge(t, 1L, Long::sum);
                    }
                    months.merge(YearMonth.from(rs.getTimestamp(2).toInstant().atZone(PlatformTime.CHINA)).toString(), 1L, Long::sum);
                    for (String v : split(rs.getString(3))) {
                        versions.merge(v, 1L, Long::sum);
                    }
                    return null;
                }).list();
        jdbc.sql("""
                        select parameter_version, count(*) from report_signal where division_code like :scope
                        and observed_at >= :start and observed_at < :until and parameter_version is not null group by 1""")
                .param("scope", like).param("start", Timestamp.from(start)).param("until", Timestamp.from(until))
                .query((rs, n) -> versions.merge(rs.getString(1), rs.getLong(2), Long::sum)).list();
        List<CountRow> alertsByRisk = Arrays.stream(RiskType.values())
                .map(r -> new CountRow(r.name(), r.label(), risks.getOrDefault(r.name(), 0L))).toList();
        List<CountRow> alertsByMonth = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            String key = YearMonth.of(year, m).toString();
            alertsByMonth.add(new CountRow(key, m + "月", months.getOrDefault(key, 0L)));
        }

        List<Assignment> assignments = jdbc.sql("""
                        select household_id, bureau, due_date, raised_at, closed_at, escalated_at from report_assignment
                        where division_code like :scope and due_date is not null and raised_at >= :start and raised_at < :until""")
                .param("scope", like).param("start", Timestamp.from(start)).param("until", Timestamp.from(until))
                .query((rs, n) -> new Assignment(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
                .list();
        Map<String, long[]> perBureau = new TreeMap<>(Comparator.comparing(b -> Bureau.valueOf(b).ordinal()));
        Map<UUID, List<String>> open = new HashMap<>();
        for (Assignment a : assignments) {
            LocalDate closedOn = a.closedAt() == null ? null : a.closedAt().atZone(PlatformTime.CHINA).toLocalDate();
            Timeliness t = ReportRules.timeliness(a.due(), closedOn, cutoff);
            long[] c = perBureau.computeIfAbsent(a.bureau(), k -> new long[6]);
            c[0]++;
            c[1 + t.ordinal()]++;
            if (a.escalatedAt() != null && a.escalatedAt().isBefore(until)) {
                c[5]++;
            }
            if (t == Timeliness.OPEN || t == Timeliness.OVERDUE) {
                open.computeIfAbsent(a.household(), k -> new ArrayList<>()).add(Bureau.valueOf(a.bureau()).label()
                        + "（" + a.due() + " 前" + (t == Timeliness.OVERDUE ? "，已逾期" : "") + "）");
            }
        }
        List<AssignmentRow> assignmentRows = perBureau.entrySet().stream()
                .map(e -> new AssignmentRow(e.getKey(), Bureau.valueOf(e.getKey()).label(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2], e.getValue()[3], e.getValue()[4], e.getValue()[5]))
                .toList();

        List<MeasureRow> measures = jdbc.sql("""
                        select bureau, measure, count(*), count(distinct household_id), sum(amount) from report_measure
                        where division_code like :scope and applied_on >= :from and applied_on <= :to
                        group by bureau, measure order by bureau, measure""")
                .param("scope", like).param("from", LocalDate.of(year, 1, 1)).param("to", cutoff)
                .query((rs, n) -> new MeasureRow(rs.getString(1), Bureau.valueOf(rs.getString(1)).label(),
                        measureLabel(rs.getString(2)), rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5)))
                .list();
        List<AssistanceRow> assistance = jdbc.sql("""
                        select programme, status, count(distinct household_id), sum(persons), sum(amount) from report_assistance
                        where division_code like :scope and effective_from >= :from and effective_from <= :to
                        group by programme, status order by programme, status""")
                .param("scope", like).param("from", LocalDate.of(year, 1, 1)).param("to", cutoff)
                .query((rs, n) -> new AssistanceRow(rs.getString(1), measureLabel(rs.getString(1)), status(rs.getString(2)),
                        rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5)))
                .list();
        List<AmountRow> aid = jdbc.sql("""
                        select substr(division_code, 1, 9), count(*), sum(amount) from report_assistance
                        where division_code like :scope and programme = 'TEMPORARY_AID' and status = 'PAID'
                        and effective_from >= :from and effective_from <= :to group by 1 order by 1""")
                .param("scope", like).param("from", LocalDate.of(year, 1, 1)).param("to", cutoff)
                .query((rs, n) -> new AmountRow(rs.getString(1), rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)))
                .list();
        AmountRow assetIncome = jdbc.sql("""
                        select count(distinct household_id), coalesce(sum(amount), 0) from report_asset_income
                        where division_code like :scope and year = :year and distributed_on <= :to""")
                .param("scope", like).param("year", year).param("to", cutoff)
                .query((rs, n) -> new AmountRow("ASSET_INCOME", "扶贫资产收益分配", rs.getLong(1), rs.getBigDecimal(2)))
                .single();

        List<AtRiskRow> atRisk = new ArrayList<>();
        for (UUID h : atRiskIds) {
            Fact last = lastIdentified.get(h);
            List<Fact> mine = facts.get(h);
            Fact latest = mine.get(mine.size() - 1);
            String[] household = households.get(h);
            String category = last != null && last.category() != null ? last.category() : household == null ? null : household[0];
            String village = household != null && household[2] != null ? household[2] : latest.village();
            atRisk.add(new AtRiskRow(household == null || household[1] == null ? "（未登记）" : household[1], village,
                    category == null ? "" : HouseholdCategory.valueOf(category).label(),
                    last == null ? null : last.at().atZone(PlatformTime.CHINA).toLocalDate(),
                    split(latest.risks()).stream().map(t -> RiskType.valueOf(t).label()).collect(Collectors.joining("、")),
                    String.join("；", open.getOrDefault(h, List.of()))));
        }
        atRisk.sort(Comparator.comparing(AtRiskRow::village).thenComparing(AtRiskRow::maskedName));

        // every bureau's missed deadlines and medical insurance's monthly checks (ReportFacts)
        List<FeedRow> feeds = jdbc.sql("select bureau, month, late, missing from report_feed where month like :year order by month, bureau")
                .param("year", year + "-%")
                .query((rs, n) -> new FeedRow(rs.getString(1), Bureau.valueOf(rs.getString(1)).label(), rs.getString(2),
                        ReportRules.feedState(scope, CITY.equals(scope), split(rs.getString(3)), split(rs.getString(4)))))
                .list();
        List<CountRow> parameterVersions = versions.entrySet().stream()
                .map(e -> new CountRow(e.getKey(), e.getKey(), e.getValue())).toList();

        // what each bureau paid, month by month as the paying service counted it (MonthlyTotals)
        List<ReportFigures.PaymentRow> payments = jdbc.sql("""
                        select bureau, code, min(label), sum(households), sum(persons), sum(amount) from report_monthly_total
                        where county like :scope and month >= :from and month <= :to
                        group by bureau, code order by bureau, code""")
                .param("scope", like).param("from", year + "-01").param("to", cutoff.toString().substring(0, 7))
                .query((rs, n) -> new ReportFigures.PaymentRow(rs.getString(1), Bureau.valueOf(rs.getString(1)).label(),
                        rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6)))
                .list();

        return new ReportFigures(scope, nameOf(scope), year, cutoff, categories, identified, eliminated, rolledBack, channels,
                alertsByRisk, alertsByMonth, assignmentRows, measures, assistance, aid, assetIncome, atRisk, feeds,
                parameterVersions, NOT_CARRIED, payments, confirmations.procedure());
    }

    private record Confirmations(List<ChannelRow> channels, ReportFigures.ProcedureFigures procedure) {
    }

    /** One county confirmation (HouseholdMonitored) with what it carries of its procedure. */
    private record Confirmation(UUID household, String channel, String previousCategory, Instant firstClueAt,
                                LocalDate dueDate, Instant villageDecidedAt, Instant townshipDecidedAt, Instant confirmedAt) {
    }

    /**
     * The identifications confirmed in the year: by the channel of their first clue (the department
     * signals stay a row of their own: every signal, whether or not it led to a procedure), against
     * their deadline with each step's average days, and the households newly identified by their
     * category before.
     */
    private Confirmations confirmations(String like, Instant start, Instant until, long signals) {
        List<Confirmation> confirmed = jdbc.sql("""
                        select household_id, channel, previous_category, first_clue_at, due_date, village_decided_at,
                               township_decided_at, occurred_at
                        from report_monitoring where kind = 'IDENTIFIED' and division_code like :scope
                        and occurred_at >= :start and occurred_at < :until order by occurred_at, event_id""")
                .param("scope", like).param("start", Timestamp.from(start)).param("until", Timestamp.from(until))
                .query((rs, n) -> new Confirmation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), rs.getObject(5, LocalDate.class), instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7)), rs.getTimestamp(8).toInstant()))
                .list();
        Map<String, Long> byChannel = new HashMap<>();
        long[] deadline = new long[ReportRules.ProcedureDeadline.values().length];
        List<List<Long>> steps = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Map<UUID, Confirmation> lastPerHousehold = new LinkedHashMap<>();
        for (Confirmation c : confirmed) {
            byChannel.merge(c.channel() == null ? "" : c.channel(), 1L, Long::sum);
            ReportRules.ProcedureTiming t = ReportRules.procedureTiming(c.firstClueAt(), c.villageDecidedAt(),
                    c.townshipDecidedAt(), c.confirmedAt(), c.dueDate());
            deadline[t.deadline().ordinal()]++;
            steps.get(0).add(t.clueToVillage());
            steps.get(1).add(t.villageToTownship());
            steps.get(2).add(t.townshipToCounty());
            steps.get(3).add(t.clueToCounty());
            lastPerHousehold.put(c.household(), c);
        }
        String note = "本年度县级确定的认定件数，按首条线索的渠道";
        List<ChannelRow> channels = List.of(
                new ChannelRow("农户主动申请", byChannel.getOrDefault("SELF_APPLICATION", 0L), note),
                new ChannelRow("基层干部跟踪回访", byChannel.getOrDefault("CADRE_VISIT", 0L), note),
                new ChannelRow("部门信息比对", byChannel.getOrDefault("DEPARTMENT_COMPARISON", 0L), note),
                new ChannelRow("渠道未携带", confirmed.size() - byChannel.getOrDefault("SELF_APPLICATION", 0L)
                        - byChannel.getOrDefault("CADRE_VISIT", 0L) - byChannel.getOrDefault("DEPARTMENT_COMPARISON", 0L),
                        "早于事件携带发现渠道的认定"),
                new ChannelRow("部门风险信号（条）", signals, "各部门发布的风险信号，含未进入认定程序的"));
        List<String> labels = List.of("线索→村级摸排", "村级摸排→乡镇审核", "乡镇审核→县级确定", "线索→县级确定（合计）");
        List<ReportFigures.StepRow> stepRows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            stepRows.add(new ReportFigures.StepRow(labels.get(i), steps.get(i).stream().filter(d -> d != null).count(),
                    ReportRules.averageDays(steps.get(i))));
        }
        Map<ReportRules.Entry, Long> entries = new HashMap<>();
        lastPerHousehold.values().forEach(c -> entries.merge(ReportRules.entry(c.previousCategory()), 1L, Long::sum));
        List<CountRow> entryRows = List.of(
                new CountRow(ReportRules.Entry.RETURN_RISK.name(), "脱贫户纳入监测（返贫风险）",
                        entries.getOrDefault(ReportRules.Entry.RETURN_RISK, 0L)),
                new CountRow(ReportRules.Entry.NEW_RISK.name(), "一般农户纳入监测（致贫风险）",
                        entries.getOrDefault(ReportRules.Entry.NEW_RISK, 0L)),
                new CountRow(ReportRules.Entry.NOT_CARRIED.name(), "纳入前类别未携带",
                        entries.getOrDefault(ReportRules.Entry.NOT_CARRIED, 0L)));
        return new Confirmations(channels, new ReportFigures.ProcedureFigures(confirmed.size(),
                deadline[ReportRules.ProcedureDeadline.ON_TIME.ordinal()], deadline[ReportRules.ProcedureDeadline.LATE.ordinal()],
                deadline[ReportRules.ProcedureDeadline.NOT_CARRIED.ordinal()], stepRows, entryRows));
    }

    /** Where the household lives now ({@code report_household}), or where its last fact happened if it is not known. */
    private static boolean livesIn(String scope, String[] household, List<Fact> facts) {
        String division = household != null && household[2] != null ? household[2] : facts.get(facts.size() - 1).village();
        return division.startsWith(scope);
    }

    private static boolean inYear(List<Fact> facts, String kind, Instant start) {
        return facts.stream().anyMatch(f -> f.kind().equals(kind) && !f.at().isBefore(start));
    }

    private static String status(String status) {
        return switch (status) {
            case "GRANTED" -> "批准";
            case "STOPPED" -> "停发";
            default -> "已发放";
        };
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    /** Zero when nothing was carried: a sum for a table cell. */
    static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
