package fushun.console.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.Bureau;
import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.assetmanagement.AssetIncomeDistributed;
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
import fushun.platform.PlatformTime;
import fushun.platform.pii.PiiMasking;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.MovableClock;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The December report from a small synthetic year of events on the real broker, counted into the
 * console's PostgreSQL: every figure of 新宾's .docx and .xlsx is checked against the events fed
 * (worked out by hand below), then the workflow: narrative, one submission, frozen versions, late list.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualReportIT {

    private static final String XINBIN = "210422";
    /** Last year, seen from its 2 December (the clock is set there): every date of the year is in the past, whenever this runs. */
    private static final int YEAR = LocalDate.now(PlatformTime.CHINA).getYear() - 1;
    private static final String CITY = "Bearer " + TestTokens.user("city-analyst", "210400", "analyst");

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired MovableClock clock;
    @Autowired AnnualReports reports;
    @Autowired AnnualFigures figures;

    private final List<UUID> fed = new ArrayList<>();
    private final Random random = new Random(17);

    /** One year of 新宾 (and one household of 清原, which 新宾's figures must not count). */
    @BeforeAll
    void feedASyntheticYear() throws Exception {
        // H1: identified in February for illness, civil affairs on time, medical insurance late, eliminated in September
        UUID h1 = register("210422100201", HouseholdCategory.OUT_OF_POVERTY, "王秀兰");
        // a bureau's data found it (部门信息比对) on 1 February, due the 16th: village 3rd, township 8th, county 10th (on time)
        send(Topics.MONITORING_HOUSEHOLD, h1, "210422100201", new HouseholdMonitored(h1, "210422100201",
                HouseholdCategory.UNSTABLE_OUT_OF_POVERTY, List.of(RiskType.ILLNESS), UUID.randomUUID(), at(2, 10),
                HouseholdMonitored.DiscoveryChannel.DEPARTMENT_COMPARISON, HouseholdCategory.OUT_OF_POVERTY, at(2, 1),
                day(2, 16), at(2, 3), at(2, 8)));
        RiskAlertRaised a1 = alert(h1, "210422100201", List.of(RiskType.ILLNESS), at(2, 12),
                "自付医疗费用超过阈值；监测线 monitoring.line[*]@" + YEAR + "-01-01",
                Map.of(Bureau.CIVIL_AFFAIRS, day(2, 27), Bureau.MEDICAL_INSURANCE, day(2, 27)));
        measure(Topics.SOCIAL_ASSISTANCE_MEASURE, a1, Bureau.CIVIL_AFFAIRS, "DIBAO", new BigDecimal("520"), day(2, 20));
        close(Topics.SOCIAL_ASSISTANCE_MEASURE, a1, Bureau.CIVIL_AFFAIRS, at(2, 25));
        measure(Topics.MEDICAL_INSURANCE_MEASURE, a1, Bureau.MEDICAL_INSURANCE, "TILTED_COVER", null, day(2, 14));
        close(Topics.MEDICAL_INSURANCE_MEASURE, a1, Bureau.MEDICAL_INSURANCE, at(3, 5));
        assistance(h1, "210422100201", AssistanceStatusChanged.Programme.DIBAO, AssistanceStatusChanged.Status.GRANTED, 2,
                new BigDecimal("520"), day(3, 1));
        send(Topics.MONITORING_HOUSEHOLD, h1, "210422100201", new RiskEliminated(h1, "210422100201", List.of(RiskType.ILLNESS),
                UUID.randomUUID(), at(9, 1)));

        // H2: identified in April (unsafe house, disaster); housing overdue and escalated, civil affairs paid temporary aid
        UUID h2 = register("210422100202", HouseholdCategory.MARGINAL, "李建国");
        // applied on 15 March, due the 30th: village 18th, township 25th, county 3 April (late)
        send(Topics.MONITORING_HOUSEHOLD, h2, "210422100202", new HouseholdMonitored(h2, "210422100202",
                HouseholdCategory.MARGINAL, List.of(RiskType.UNSAFE_HOUSING, RiskType.DISASTER), UUID.randomUUID(), at(4, 3),
                HouseholdMonitored.DiscoveryChannel.SELF_APPLICATION, HouseholdCategory.ORDINARY, at(3, 15), day(3, 30),
                at(3, 18), at(3, 25)));
        RiskAlertRaised a2 = alert(h2, "210422100202", List.of(RiskType.UNSAFE_HOUSING, RiskType.DISASTER), at(4, 5),
                "房屋鉴定为 D 级；监测线 monitoring.line[*]@" + YEAR + "-01-01，边缘系数 monitoring.margin-ratio[*]@2021-01-01",
                Map.of(Bureau.HOUSING, day(5, 5), Bureau.CIVIL_AFFAIRS, day(4, 20)));
        send(Topics.MONITORING_RISK_ALERT, h2, "210422100202", new AssignmentEscalated(a2.assignmentFor(Bureau.HOUSING).assignmentId(),
                a2.alertId(), h2, "210422100202", Bureau.HOUSING, day(5, 5), 5, at(5, 10)));
        measure(Topics.SOCIAL_ASSISTANCE_MEASURE, a2, Bureau.CIVIL_AFFAIRS, "TEMPORARY_AID", new BigDecimal("3000"), day(4, 10));
        close(Topics.SOCIAL_ASSISTANCE_MEASURE, a2, Bureau.CIVIL_AFFAIRS, at(4, 15));
        assistance(h2, "210422100202", AssistanceStatusChanged.Programme.TEMPORARY_AID, AssistanceStatusChanged.Status.PAID, 1,
                new BigDecimal("3000"), day(4, 10));

        // H3: identified last November, eliminated in March, rolled back in June; a post, temporary aid, asset income
        UUID h3 = register("210422200301", HouseholdCategory.ORDINARY, "赵明");
        send(Topics.MONITORING_HOUSEHOLD, h3, "210422200301", new HouseholdMonitored(h3, "210422200301",
                HouseholdCategory.SUDDEN_SEVERE_DIFFICULTY, List.of(RiskType.ACCIDENT), UUID.randomUUID(),
                LocalDateTime.of(YEAR - 1, 11, 20, 10, 0).atZone(PlatformTime.CHINA).toInstant()));
        send(Topics.MONITORING_HOUSEHOLD, h3, "210422200301", new RiskEliminated(h3, "210422200301", List.of(RiskType.ACCIDENT),
                UUID.randomUUID(), at(3, 1)));
        send(Topics.MONITORING_HOUSEHOLD, h3, "210422200301", new RiskEliminationRolledBack(h3, "210422200301",
                List.of(RiskType.ACCIDENT, RiskType.LACK_OF_LABOUR), "复核发现劳动力不足", at(6, 1)));
        RiskAlertRaised a3 = alert(h3, "210422200301", List.of(RiskType.ACCIDENT, RiskType.LACK_OF_LABOUR), at(6, 2),
                "意外事故", Map.of(Bureau.HUMAN_RESOURCES, LocalDate.of(YEAR, 12, 20)));
        measure(Topics.EMPLOYMENT_MEASURE, a3, Bureau.HUMAN_RESOURCES, "PUBLIC_WELFARE_POST", new BigDecimal("800"), day(6, 15));
        assistance(h3, "210422200301", AssistanceStatusChanged.Programme.TEMPORARY_AID, AssistanceStatusChanged.Status.PAID, 1,
                new BigDecimal("1500"), day(6, 3));
        send(Topics.ASSET_MANAGEMENT_MEASURE, h3, "210422200301", new AssetIncomeDistributed(UUID.randomUUID(), UUID.randomUUID(),
                h3, "210422200301", YEAR, "MONITORED_HOUSEHOLD", new BigDecimal("600"), day(10, 15), at(10, 15)));

        // H4: an ordinary household the bureaus' data flagged twice this year (and once last year), an alert last December
        UUID h4 = register("210422100203", HouseholdCategory.ORDINARY, "孙丽");
        signal(Topics.MEDICAL_INSURANCE_SIGNAL, h4, Bureau.MEDICAL_INSURANCE, "medical.self-pay-threshold[*]@2021-01-01", at(7, 1));
        signal(Topics.HOUSING_SAFETY_SIGNAL, h4, Bureau.HOUSING, null, at(8, 1));
        signal(Topics.MEDICAL_INSURANCE_SIGNAL, h4, Bureau.MEDICAL_INSURANCE, "medical.self-pay-threshold[*]@2021-01-01",
                LocalDateTime.of(YEAR - 1, 12, 1, 10, 0).atZone(PlatformTime.CHINA).toInstant());
        alert(h4, "210422100203", List.of(RiskType.ILLNESS), LocalDateTime.of(YEAR - 1, 12, 15, 10, 0)
                .atZone(PlatformTime.CHINA).toInstant(), "去年", Map.of(Bureau.CIVIL_AFFAIRS, LocalDate.of(YEAR - 1, 12, 30)));

        // H6: a cadre's visit found a flood on 10 July at 08:00; green channel: village 09:00 and township 15:00 the same
        // day, county the 11th (on time); no alert in the synthetic year
        UUID h6 = register("210422100204", HouseholdCategory.ORDINARY, "钱多多");
        send(Topics.MONITORING_HOUSEHOLD, h6, "210422100204", new HouseholdMonitored(h6, "210422100204",
                HouseholdCategory.SUDDEN_SEVERE_DIFFICULTY, List.of(RiskType.DISASTER), UUID.randomUUID(), at(7, 11),
                HouseholdMonitored.DiscoveryChannel.CADRE_VISIT, HouseholdCategory.ORDINARY, at(7, 10, 8), day(7, 25),
                at(7, 10, 9), at(7, 10, 15)));

        // 清原: counted for the city, never for 新宾; its confirmation of the old shape carries no procedure
        UUID h5 = register("210423100201", HouseholdCategory.MARGINAL, "周强");
        send(Topics.MONITORING_HOUSEHOLD, h5, "210423100201", new HouseholdMonitored(h5, "210423100201",
                HouseholdCategory.MARGINAL, List.of(RiskType.ILLNESS), UUID.randomUUID(), at(5, 1)));
        alert(h5, "210423100201", List.of(RiskType.ILLNESS), at(5, 2), "因病", Map.of(Bureau.CIVIL_AFFAIRS, day(5, 20)));

        // medical insurance's feed: September complete, October missing 新宾
        sendFeed(YEAR + "-09", List.of());
        sendFeed(YEAR + "-10", List.of(XINBIN));
        // civil affairs' August: 新宾 late, published by social assistance as a missed deadline
        EventEnvelope<?> late = EventEnvelope.of("social-assistance", YEAR + "-08", null, new FeedDeadlineMissed(
                Bureau.CIVIL_AFFAIRS, YEAR + "-08", LocalDate.of(YEAR, 9, 5), List.copyOf(AnnualFigures.COUNTIES.keySet()),
                List.of(XINBIN), List.of(), Instant.now()));
        fed.add(late.eventId());
        bus.publish(Topics.SOCIAL_ASSISTANCE_FEED, late);

        // what the bureaus paid, month by month (MonthlyTotals): the newest count of a month stands, an older one
        // arriving after it changes nothing; last year's and another sender's are not counted
        EventEnvelope<?> forged = EventEnvelope.of("employment", XINBIN + "/" + YEAR + "-05/CIVIL_AFFAIRS", XINBIN,
                new MonthlyTotals(Bureau.CIVIL_AFFAIRS, XINBIN, YEAR + "-05", List.of(new MonthlyTotals.Item("DIBAO", "农村低保金",
                        100, 100, new BigDecimal("99999.00"))), at(5, 30)));
        bus.publish(Topics.SOCIAL_ASSISTANCE_FEED, forged);
        totals("social-assistance", Topics.SOCIAL_ASSISTANCE_FEED, Bureau.CIVIL_AFFAIRS, XINBIN, YEAR + "-04", at(4, 30),
                new MonthlyTotals.Item("DIBAO", "农村低保金", 1, 2, new BigDecimal("520.00")),
                new MonthlyTotals.Item("TEMPORARY_AID:210422100", "临时救助（新宾镇备用金）", 1, 0, new BigDecimal("3000.00")));
        totals("social-assistance", Topics.SOCIAL_ASSISTANCE_FEED, Bureau.CIVIL_AFFAIRS, XINBIN, YEAR + "-04", at(4, 29),
                new MonthlyTotals.Item("DIBAO", "农村低保金", 9, 9, new BigDecimal("9999.00")));
        totals("social-assistance", Topics.SOCIAL_ASSISTANCE_FEED, Bureau.CIVIL_AFFAIRS, XINBIN, YEAR + "-05", at(5, 28),
                new MonthlyTotals.Item("DIBAO", "农村低保金", 1, 2, new BigDecimal("520.00")));
        totals("social-assistance", Topics.SOCIAL_ASSISTANCE_FEED, Bureau.CIVIL_AFFAIRS, XINBIN, (YEAR - 1) + "-12",
                LocalDateTime.of(YEAR - 1, 12, 28, 10, 0).atZone(PlatformTime.CHINA).toInstant(),
                new MonthlyTotals.Item("DIBAO", "农村低保金", 5, 5, new BigDecimal("5000.00")));
        totals("social-assistance", Topics.SOCIAL_ASSISTANCE_FEED, Bureau.CIVIL_AFFAIRS, "210423", YEAR + "-05", at(5, 28),
                new MonthlyTotals.Item("DIBAO", "农村低保金", 2, 3, new BigDecimal("900.00")));
        totals("medical-insurance", Topics.MEDICAL_INSURANCE_FEED, Bureau.MEDICAL_INSURANCE, XINBIN, YEAR + "-07", at(7, 31),
                new MonthlyTotals.Item("CRITICAL_ILLNESS", "大病保险赔付", 1, 1, new BigDecimal("4200.00")));

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from inbox_event where event_id in (:ids)")
                .param("ids", fed).query(Long.class).single() == fed.size());
    }

    @org.junit.jupiter.api.BeforeEach
    void onTheSecondOfDecember() {
        clock.set(LocalDate.of(YEAR, 12, 2).atTime(10, 0).atZone(PlatformTime.CHINA).toInstant());
    }

    @org.junit.jupiter.api.AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void shouldShowEveryFigureOfTheYearInTheCountysDocxAndXlsx() throws Exception {
        byte[] docx = download("/api/console/reports/" + YEAR + "/counties/" + XINBIN + "/document?format=docx", county(XINBIN),
                AnnualReports.DOCX);
        byte[] xlsx = download("/api/console/reports/" + YEAR + "/counties/" + XINBIN + "/document?format=xlsx", county(XINBIN),
                AnnualReports.XLSX);
        Map<String, List<List<String>>> doc = docxTables(docx);
        Map<String, List<List<String>>> annex = xlsxTables(xlsx);

        Map<String, List<List<String>>> expectedDocx = new LinkedHashMap<>();
        expectedDocx.put("监测对象（按类别）", List.of(List.of("类别", "在监测户数", "已消除风险户数"),
                List.of("脱贫不稳定户", "0", "1"), List.of("边缘易致贫户", "1", "0"), List.of("突发严重困难户", "2", "0")));
        expectedDocx.put("年度监测对象变化", List.of(List.of("指标", "户数"), List.of("新识别监测对象", "3"),
                List.of("风险消除", "2"), List.of("撤销风险消除（恢复监测）", "1")));
        String byFirstClue = "本年度县级确定的认定件数，按首条线索的渠道";
        expectedDocx.put("发现渠道", List.of(List.of("发现渠道", "数量", "说明"), List.of("农户主动申请", "1", byFirstClue),
                List.of("基层干部跟踪回访", "1", byFirstClue), List.of("部门信息比对", "1", byFirstClue),
                List.of("渠道未携带", "0", "早于事件携带发现渠道的认定"),
                List.of("部门风险信号（条）", "2", "各部门发布的风险信号，含未进入认定程序的")));
        // H1 on time, H2 late (3 April after its 30 March), H6 on time
        expectedDocx.put("认定程序时效（县级确定与截止日）", List.of(List.of("指标", "件数"), List.of("县级确定", "3"),
                List.of("按期确定（不晚于截止日）", "2"), List.of("逾期确定", "1"), List.of("截止日未携带", "0")));
        // days: clue→village 2, 3, 0; village→township 5, 7, 0; township→county 2, 9, 1; in all 9, 19, 1
        expectedDocx.put("认定程序各环节用时", List.of(List.of("环节", "件数", "平均用时（天）"),
                List.of("线索→村级摸排", "3", "1.67"), List.of("村级摸排→乡镇审核", "3", "4.00"),
                List.of("乡镇审核→县级确定", "3", "4.00"), List.of("线索→县级确定（合计）", "3", "9.67")));
        expectedDocx.put("新识别监测对象（按纳入前类别）", List.of(List.of("纳入前类别", "户数"),
                List.of("脱贫户纳入监测（返贫风险）", "1"), List.of("一般农户纳入监测（致贫风险）", "2"), List.of("纳入前类别未携带", "0")));
        List<List<String>> risks = new ArrayList<>(List.of(List.of("风险类型", "预警数")));
        Map<RiskType, String> riskCounts = Map.of(RiskType.ILLNESS, "1", RiskType.UNSAFE_HOUSING, "1", RiskType.DISASTER, "1",
                RiskType.ACCIDENT, "1", RiskType.LACK_OF_LABOUR, "1");
        for (RiskType r : RiskType.values()) {
            risks.add(List.of(r.label(), riskCounts.getOrDefault(r, "0")));
        }
        expectedDocx.put("风险预警（按风险类型）", risks);
        List<List<String>> months = new ArrayList<>(List.of(List.of("月份", "预警数")));
        for (int m = 1; m <= 12; m++) {
            months.add(List.of(String.format("%d-%02d", YEAR, m), m == 2 || m == 4 || m == 6 ? "1" : "0"));
        }
        expectedDocx.put("风险预警（按月）", months);
        expectedDocx.put("帮扶任务办理（按部门）", List.of(List.of("责任部门", "任务数", "按时办结", "逾期办结", "逾期未办结", "办理中", "提级督办"),
                List.of("民政局", "2", "2", "0", "0", "0", "0"), List.of("医保局", "1", "0", "1", "0", "0", "0"),
                List.of("住建局", "1", "0", "0", "1", "0", "1"), List.of("人社局", "1", "0", "0", "0", "1", "0")));
        expectedDocx.put("帮扶措施（按部门）", List.of(List.of("部门", "措施", "措施数", "户数", "金额（元，事件所载）"),
                List.of("民政局", "低保", "1", "1", "520.00"), List.of("民政局", "临时救助", "1", "1", "3000.00"),
                List.of("人社局", "公益性岗位", "1", "1", "800.00"), List.of("医保局", "医保倾斜保障", "1", "1", "—")));
        expectedDocx.put("各部门资金发放（按月汇总）", List.of(List.of("部门", "项目", "户次（各月之和）", "人次（各月之和）", "金额（元）"),
                List.of("民政局", "农村低保金", "2", "4", "1040.00"), List.of("民政局", "临时救助（新宾镇备用金）", "1", "0", "3000.00"),
                List.of("医保局", "大病保险赔付", "1", "1", "4200.00")));
        expectedDocx.put("民政救助状态变化", List.of(List.of("救助项目", "状态", "户数", "人数", "金额（元：低保、特困为月标准之和，临时救助为支付额）"),
                List.of("低保", "批准", "1", "2", "520.00"), List.of("临时救助", "已发放", "2", "2", "4500.00")));
        expectedDocx.put("临时救助（按乡镇备用金）", List.of(List.of("乡镇", "支付笔数", "金额（元）"),
                List.of("210422100", "1", "3000.00"), List.of("210422200", "1", "1500.00")));
        expectedDocx.put("扶贫资产收益分配", List.of(List.of("项目", "户数", "金额（元）"), List.of("扶贫资产收益分配", "1", "600.00")));
        expectedDocx.put("仍有风险的监测户", List.of(List.of("户主（脱敏）", "村", "类别", "确定日期", "未办结帮扶任务"),
                List.of("李**", "210422100202", "边缘易致贫户", day(4, 3).toString(),
                        "住建局（" + day(5, 5) + " 前，已逾期）"),
                List.of("钱**", "210422100204", "突发严重困难户", day(7, 11).toString(), "无"),
                List.of("赵**", "210422200301", "突发严重困难户", (YEAR - 1) + "-11-20",
                        "人社局（" + YEAR + "-12-20 前）")));
        expectedDocx.put("数据报送完整性", List.of(List.of("部门", "月份", "报送情况"), List.of("民政局", YEAR + "-08", "逾期"),
                List.of("医保局", YEAR + "-09", "按时"),
                List.of("医保局", YEAR + "-10", "缺报")));
        expectedDocx.put("所依据的参数版本", List.of(List.of("参数版本", "引用次数"),
                List.of("medical.self-pay-threshold[*]@2021-01-01", "1"), List.of("monitoring.line[*]@" + YEAR + "-01-01", "2"),
                List.of("monitoring.margin-ratio[*]@2021-01-01", "1")));

        for (Map.Entry<String, List<List<String>>> e : expectedDocx.entrySet()) {
            assertThat(doc.get(e.getKey())).as("docx: %s", e.getKey()).isEqualTo(e.getValue());
            // the annex: the same rows, numbers as numbers (amounts without the two decimals)
            List<List<String>> asNumbers = e.getValue().stream()
                    .map(row -> row.stream().map(c -> c.matches("\\d+\\.00") ? c.substring(0, c.length() - 3) : c).toList()).toList();
            assertThat(annex.get(e.getKey())).as("xlsx: %s", e.getKey()).isEqualTo(asNumbers);
        }
        assertThat(annex.keySet()).as("every table of the document is in the annex").isEqualTo(doc.keySet());
        assertThat(doc.get("事件尚未携带的指标")).hasSize(1 + fushun.console.report.AnnualFigures.NOT_CARRIED.size());

        try (XWPFDocument read = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = new XWPFWordExtractor(read).getText();
            assertThat(text).contains("新宾满族自治县" + YEAR + "年度防止返贫动态监测和帮扶工作总结报告")
                    .contains("在监测的监测对象 3 户；本年度新识别监测对象 3 户，风险消除 2 户，撤销风险消除 1 户；发出风险预警 3 条")
                    .contains("六、问题与不足").contains("七、下一年度工作措施")
                    // names masked, no ID number: the events carried masked IDs and full names of the heads
                    .doesNotContain("王秀兰").doesNotContain("李建国").doesNotContain("周强").doesNotContain("钱多多").doesNotContain("**********");
            List<XWPFPictureData> pictures = read.getAllPictures();
            assertThat(pictures).hasSize(3);
            for (XWPFPictureData p : pictures) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(p.getData()));
                assertThat(image.getWidth()).isEqualTo(640);
                assertThat(image.getHeight()).isEqualTo(320);
            }
        }
    }

    @Test
    void shouldCountTheCityOverEveryCountyAndListTheirReports() throws Exception {
        byte[] docx = download("/api/console/reports/" + YEAR + "/city/document?format=docx", CITY, AnnualReports.DOCX);
        Map<String, List<List<String>>> doc = docxTables(docx);
        List<List<String>> counties = doc.get("各县区主要指标");
        assertThat(counties.get(0)).containsExactly("县区", "新识别", "风险消除", "撤销消除", "在监测", "预警数", "逾期未办结",
                "脱贫户纳入监测", "逾期认定");
        assertThat(counties).contains(List.of("新宾满族自治县", "3", "2", "1", "3", "3", "1", "1", "1"));
        assertThat(counties).contains(List.of("清原满族自治县", "1", "0", "0", "1", "1", "1", "0", "0"));
        assertThat(counties.stream().filter(r -> r.get(0).equals("清原满族自治县")).findFirst().orElseThrow().get(1))
                .isEqualTo("1");
        assertThat(doc.get("各县区报告报送情况")).hasSize(1 + 7);
        // the city's payments: every county's months of the year, 清原's with 新宾's
        assertThat(doc.get("各部门资金发放（按月汇总）")).contains(List.of("民政局", "农村低保金", "4", "7", "1940.00"));
        assertThat(xlsxTables(download("/api/console/reports/" + YEAR + "/city/document?format=xlsx", CITY, AnnualReports.XLSX))
                .keySet()).contains("各县区主要指标", "各县区报告报送情况", "监测对象（按类别）");
        // a county approver may not download the city's report
        mvc.perform(get("/api/console/reports/" + YEAR + "/city/document").header("Authorization", county(XINBIN)))
                .andExpect(status().isForbidden());
    }

    /** 清原's one confirmation is of the old shape: counted, and shown as not carried rather than guessed. */
    @Test
    void shouldCountAnIdentificationWithoutTheProcedureAsNotCarried() throws Exception {
        Map<String, List<List<String>>> annex = xlsxTables(download("/api/console/reports/" + YEAR + "/counties/210423/document?format=xlsx",
                CITY, AnnualReports.XLSX));
        assertThat(annex.get("发现渠道")).contains(List.of("渠道未携带", "1", "早于事件携带发现渠道的认定"),
                List.of("农户主动申请", "0", "本年度县级确定的认定件数，按首条线索的渠道"));
        assertThat(annex.get("认定程序时效（县级确定与截止日）")).containsExactly(List.of("指标", "件数"), List.of("县级确定", "1"),
                List.of("按期确定（不晚于截止日）", "0"), List.of("逾期确定", "0"), List.of("截止日未携带", "1"));
        assertThat(annex.get("认定程序各环节用时")).contains(List.of("线索→县级确定（合计）", "0", "—"));
        assertThat(annex.get("新识别监测对象（按纳入前类别）")).containsExactly(List.of("纳入前类别", "户数"),
                List.of("脱贫户纳入监测（返贫风险）", "0"), List.of("一般农户纳入监测（致贫风险）", "0"), List.of("纳入前类别未携带", "1"));
    }

    @Test
    void shouldRefuseASecondSubmissionAndKeepTheSubmittedVersionFrozen() throws Exception {
        String county = "210423";
        String base = "/api/console/reports/" + YEAR + "/counties/" + county;
        mvc.perform(post("/api/console/reports/" + YEAR + "/drafts").header("Authorization", county(county)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].county").value(county))
                .andExpect(jsonPath("$[0].latestVersion").value(1));
        // nothing written yet: refused
        mvc.perform(post(base + "/submission").header("Authorization", county(county)))
                .andExpect(status().is(422))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // an ID or mobile number in the free text is refused and changes nothing
        narrative(county, "走访户主 210422199001019994 时发现问题。", "按月调度。").andExpect(status().is(422))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        narrative(county, "问题", "联系 13900001234 跟进。").andExpect(status().is(422));
        narrative(county, "部分乡镇季度审核不及时。", "按月调度帮扶任务。").andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        narrative(county, "部分乡镇季度审核不及时；住建局任务逾期。", "按月调度帮扶任务。").andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3));
        mvc.perform(post(base + "/submission").header("Authorization", county(county)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.submittedBy").value("approver-" + county));

        mvc.perform(post(base + "/submission").header("Authorization", county(county)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("本年度报告已报送，不能重复报送。"));
        narrative(county, "改写", "改写").andExpect(status().isConflict());
        // the database refuses too, whoever asks
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                        "update annual_report_version set problems = 'x' where county = :c and year = :y and version = 3")
                .param("c", county).param("y", YEAR).update()).hasMessageContaining("cannot change");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
                        insert into annual_report_version (id, county, year, version, created_at, created_by)
                        values (gen_random_uuid(), :c, :y, 4, now(), 'someone')""")
                .param("c", county).param("y", YEAR).update()).hasMessageContaining("no new version");
        // the submitted version's first page is the one drawn at submission, served as stored
        byte[] stored = jdbc.sql("select first_page from annual_report_version where county = :c and year = :y and version = 3")
                .param("c", county).param("y", YEAR).query((rs, n) -> rs.getBytes(1)).single();
        org.assertj.core.api.Assertions.assertThat(stored).isNotEmpty();
        org.assertj.core.api.Assertions.assertThat(download(base + "/document?format=png&version=3", county(county), "image/png"))
                .isEqualTo(stored);

        mvc.perform(get(base + "/versions?size=2").header("Authorization", CITY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].version").value(3))
                .andExpect(jsonPath("$.items[0].submittedAt").isNotEmpty())
                .andExpect(jsonPath("$.items[1].submittedAt").isEmpty());
        byte[] submitted = download(base + "/document?format=docx&version=3", CITY, AnnualReports.DOCX);
        try (XWPFDocument read = new XWPFDocument(new ByteArrayInputStream(submitted))) {
            assertThat(new XWPFWordExtractor(read).getText()).contains("部分乡镇季度审核不及时；住建局任务逾期。")
                    .contains("按月调度帮扶任务。").contains("已报送，第 3 版");
        }
        // the stored document is the one downloaded again, byte for byte
        assertThat(download(base + "/document?format=docx&version=3", county(county), AnnualReports.DOCX)).isEqualTo(submitted);
    }

    @Test
    void shouldListWhoSubmittedAndWhoIsLate() throws Exception {
        String county = "210421";
        mvc.perform(post("/api/console/reports/" + YEAR + "/drafts").header("Authorization", CITY))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(7));
        narrative(county, "问题", "措施").andExpect(status().isOk());
        mvc.perform(post("/api/console/reports/" + YEAR + "/counties/" + county + "/submission").header("Authorization", county(county)))
                .andExpect(status().isOk());
        // last year's deadline has passed and nobody submitted: all seven late
        mvc.perform(get("/api/console/reports/" + (YEAR - 1) + "?late=true&size=5").header("Authorization", CITY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(7))
                .andExpect(jsonPath("$.items.length()").value(5));
        {
            clock.set(LocalDate.of(YEAR, 12, 11).atTime(9, 0).atZone(PlatformTime.CHINA).toInstant());
            String late = mvc.perform(get("/api/console/reports/" + YEAR + "?late=true&size=100").header("Authorization", CITY))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(late).doesNotContain("\"county\":\"" + county + "\"").contains("\"county\":\"210402\"");
            mvc.perform(get("/api/console/reports/" + YEAR + "?late=false").header("Authorization", CITY))
                    .andExpect(jsonPath("$.items[?(@.county == '" + county + "')].submittedBy").value("approver-" + county));
            onTheSecondOfDecember();
        }
        // a county approver sees only its county
        mvc.perform(get("/api/console/reports/" + YEAR).header("Authorization", county("210402")))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].county").value("210402"));
    }

    @Test
    void shouldAnswerBadInputAndOtherCountiesWithProblems() throws Exception {
        mvc.perform(get("/api/console/reports/" + YEAR + "/counties/" + XINBIN).header("Authorization", county("210402")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/console/reports/" + YEAR + "/counties/999999").header("Authorization", CITY))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/console/reports/1999").header("Authorization", CITY))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/console/reports/" + (YEAR + 1)).header("Authorization", CITY))
                .andExpect(status().is(422));
        mvc.perform(get("/api/console/reports/" + YEAR + "/counties/" + XINBIN + "/document?format=pdf").header("Authorization", CITY))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/console/reports/" + YEAR + "?page=-1").header("Authorization", CITY))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/console/reports/" + YEAR + "?page=2147483647&size=100").header("Authorization", CITY))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(0)).andExpect(jsonPath("$.total").value(7));
        mvc.perform(get("/api/console/reports/" + YEAR + "/counties/" + XINBIN + "/document?version=999").header("Authorization", CITY))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/console/reports/" + YEAR + "/counties/" + XINBIN + "/narrative").header("Authorization", county(XINBIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"problems\": \"只有一部分\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/console/reports/" + YEAR + "/counties/" + XINBIN + "/narrative").header("Authorization", CITY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"problems\": \"a\", \"nextYear\": \"b\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/console/reports/" + YEAR)
                        .header("Authorization", "Bearer " + TestTokens.user("op", XINBIN, "civil-affairs-operator")))
                .andExpect(status().isForbidden());
        // a user of one township sees no county's report, not even its own county's
        String township = "Bearer " + TestTokens.user("township-analyst", "210422100", "analyst");
        mvc.perform(get("/api/console/reports/" + YEAR).header("Authorization", township))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/console/reports/" + YEAR + "/counties/" + XINBIN).header("Authorization", township))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldDrawThePreviewOfTheFirstPageAsAnA4Image() throws Exception {
        mvc.perform(post("/api/console/reports/" + YEAR + "/drafts").header("Authorization", county(XINBIN))).andExpect(status().isOk());
        byte[] png = download("/api/console/reports/" + YEAR + "/counties/" + XINBIN + "/document?format=png", county(XINBIN),
                "image/png");
        BufferedImage page = ImageIO.read(new ByteArrayInputStream(png));
        // kept for review (the README's picture of the first page is taken from here)
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "report-first-page.png"), png);
        assertThat(page.getWidth()).isEqualTo(794);
        assertThat(page.getHeight()).isEqualTo(1123);
        // not a blank page: the title row has dark pixels
        boolean ink = false;
        for (int x = 100; x < 700 && !ink; x++) {
            for (int y = 80; y < 110 && !ink; y++) {
                ink = (page.getRGB(x, y) & 0xFF) < 128;
            }
        }
        assertThat(ink).isTrue();
    }

    @Test
    void shouldDraftEveryCountyOnItsDraftDateOnce() {
        int year = YEAR - 2;
        assertThat(reports.draftDue(LocalDate.of(year, 11, 30))).isZero();
        assertThat(reports.draftDue(LocalDate.of(year, 12, 1))).isEqualTo(7);
        assertThat(reports.draftDue(LocalDate.of(year, 12, 2))).isZero();
        assertThat(jdbc.sql("select count(*) from annual_report_version where year = :y").param("y", year)
                .query(Integer.class).single()).isEqualTo(7);
        // a county's own value wins over the city's: 清原 drafts on 25 November
        jdbc.sql("""
                        insert into policy_parameter (name, scope, effective_from, value, unit, source)
                        values ('report.annual.draft-date', '210423', '2021-01-01', 1125, 'MMDD', 'test')""").update();
        try {
            assertThat(reports.draftDue(LocalDate.of(year - 1, 11, 25))).isEqualTo(1);
            assertThat(reports.draftDate("210423", year - 1)).isEqualTo(LocalDate.of(year - 1, 11, 25));
            assertThat(reports.draftDate("210422", year - 1)).isEqualTo(LocalDate.of(year - 1, 12, 1));
        } finally {
            jdbc.sql("delete from policy_parameter where name = 'report.annual.draft-date' and scope = '210423'").update();
        }
    }

    /**
     * A household identified in 新抚区 that then moved to 顺城区: its identification counts where it
     * happened, its standing at the cut-off where it lives now (counted here, not through the documents,
     * whose county may already be frozen by another test's submission).
     */
    @Test
    void shouldCountAMovedHouseholdWhereItLivesAndItsIdentificationWhereItHappened() throws Exception {
        UUID moved = register("210402100201", HouseholdCategory.ORDINARY, "吴迁");
        send(Topics.MONITORING_HOUSEHOLD, moved, "210402100201", new HouseholdMonitored(moved, "210402100201",
                HouseholdCategory.MARGINAL, List.of(RiskType.ILLNESS), UUID.randomUUID(), at(3, 3)));
        send(Topics.MONITORING_HOUSEHOLD, moved, "210411100209", new HouseholdChanged(moved, 1, HouseholdChanged.Kind.DIVISION,
                HouseholdChanged.Reason.RELOCATION, day(7, 1), null, "210411100209", "210402100201", HouseholdCategory.MARGINAL,
                false, "吴迁", List.of(), at(7, 1)));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from inbox_event where event_id in (:ids)")
                .param("ids", fed).query(Long.class).single() == fed.size());

        ReportFigures xinfu = figures.count("210402", YEAR, day(12, 2));
        ReportFigures shuncheng = figures.count("210411", YEAR, day(12, 2));
        assertThat(xinfu.newlyIdentified()).isEqualTo(1);
        assertThat(xinfu.monitoredAtCutoff()).isZero();
        assertThat(xinfu.atRisk()).isEmpty();
        assertThat(shuncheng.atRisk()).filteredOn(r -> r.maskedName().equals("吴**")).singleElement()
                .satisfies(r -> assertThat(r.village()).isEqualTo("210411100209"));
        assertThat(shuncheng.newlyIdentified()).as("identified in 新抚区, not here").isZero();
    }

    /** Every jurisdiction query of the report's tables can use an index under this (non-C) collation. */
    @Test
    void shouldServeTheReportsJurisdictionPrefixesFromIndexes(
            @Autowired org.springframework.transaction.support.TransactionTemplate transaction) {
        fushun.platform.testsupport.DivisionIndexes.assertPrefixServedByIndex(jdbc, transaction, List.of("report_household",
                "report_monitoring", "report_alert", "report_assignment", "report_measure", "report_assistance",
                "report_asset_income", "report_signal"));
    }

    // --- the synthetic year ---

    private org.springframework.test.web.servlet.ResultActions narrative(String county, String problems, String nextYear)
            throws Exception {
        return mvc.perform(put("/api/console/reports/" + YEAR + "/counties/" + county + "/narrative")
                .header("Authorization", county(county)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"problems\": \"" + problems + "\", \"nextYear\": \"" + nextYear + "\"}"));
    }

    private byte[] download(String url, String token, String type) throws Exception {
        return mvc.perform(get(url).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith(type)))
                .andReturn().getResponse().getContentAsByteArray();
    }

    private static String county(String code) {
        return "Bearer " + TestTokens.user("approver-" + code, code, "county-approver");
    }

    private static Instant at(int month, int day) {
        return LocalDateTime.of(YEAR, month, day, 10, 0).atZone(PlatformTime.CHINA).toInstant();
    }

    private static Instant at(int month, int day, int hour) {
        return LocalDateTime.of(YEAR, month, day, hour, 0).atZone(PlatformTime.CHINA).toInstant();
    }

    private static LocalDate day(int month, int day) {
        return LocalDate.of(YEAR, month, day);
    }

    private void send(String topic, UUID household, String division, Object data) throws Exception {
        EventEnvelope<?> e = EventEnvelope.of(Topics.ownerOf(topic), household.toString(), division, data);
        fed.add(e.eventId());
        bus.publish(topic, e);
    }

    private UUID register(String village, HouseholdCategory category, String head) throws Exception {
        UUID id = UUID.randomUUID();
        String idNumber = SyntheticIdNumbers.next(random, village.substring(0, 6));
        send(Topics.MONITORING_HOUSEHOLD, id, village, new HouseholdRegistered(id, village, category, false, head,
                List.of(new HouseholdRegistered.Member(UUID.randomUUID(), "c".repeat(64), head, PiiMasking.idNumber(idNumber),
                        "户主", "FULL", 1970))));
        return id;
    }

    private RiskAlertRaised alert(UUID h, String village, List<RiskType> risks, Instant raisedAt, String explanation,
                                  Map<Bureau, LocalDate> due) throws Exception {
        List<RiskAlertRaised.Assignment> assignments = new ArrayList<>();
        new java.util.TreeMap<>(due).forEach((b, d) -> assignments.add(new RiskAlertRaised.Assignment(UUID.randomUUID(), b, d)));
        RiskAlertRaised alert = new RiskAlertRaised(UUID.randomUUID(), h, village, risks, explanation, raisedAt, assignments);
        send(Topics.MONITORING_RISK_ALERT, h, village, alert);
        return alert;
    }

    private void measure(String topic, RiskAlertRaised alert, Bureau bureau, String code, BigDecimal amount, LocalDate on)
            throws Exception {
        send(topic, alert.householdId(), alert.divisionCode(), new MeasureApplied(UUID.randomUUID(),
                alert.assignmentFor(bureau).assignmentId(), alert.alertId(), alert.householdId(), bureau, code, code, amount, on,
                on.atTime(12, 0).atZone(PlatformTime.CHINA).toInstant()));
    }

    private void close(String topic, RiskAlertRaised alert, Bureau bureau, Instant at) throws Exception {
        send(topic, alert.householdId(), alert.divisionCode(), new CaseClosed(alert.assignmentFor(bureau).assignmentId(),
                alert.alertId(), alert.householdId(), bureau, "RESOLVED", at));
    }

    private void assistance(UUID h, String village, AssistanceStatusChanged.Programme programme, AssistanceStatusChanged.Status status,
                        int persons, BigDecimal amount, LocalDate from) throws Exception {
        List<AssistanceStatusChanged.Person> people = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            people.add(new AssistanceStatusChanged.Person(UUID.randomUUID(), "d".repeat(64)));
        }
        send(Topics.SOCIAL_ASSISTANCE_STATUS, h, village, new AssistanceStatusChanged(UUID.randomUUID(), h, village, programme,
                status, people, amount, from, "测试", from.atTime(12, 0).atZone(PlatformTime.CHINA).toInstant()));
    }

    private void signal(String topic, UUID h, Bureau source, String version, Instant at) throws Exception {
        send(topic, h, "210422100203", new RiskSignalObserved(UUID.randomUUID(), h, source, RiskType.ILLNESS, "测试信号",
                Map.of("selfPayYearToDate", new BigDecimal("7000")), version, at));
    }

    private void totals(String source, String topic, Bureau bureau, String county, String month, Instant computedAt,
                        MonthlyTotals.Item... items) throws Exception {
        EventEnvelope<?> e = EventEnvelope.of(source, county + "/" + month + "/" + bureau.name(), county,
                new MonthlyTotals(bureau, county, month, List.of(items), computedAt));
        fed.add(e.eventId());
        bus.publish(topic, e);
    }

    private void sendFeed(String month, List<String> missing) throws Exception {
        EventEnvelope<?> e = EventEnvelope.of("medical-insurance", month, null, new FeedCompletenessChecked(Bureau.MEDICAL_INSURANCE,
                month, LocalDate.parse(month + "-01").plusMonths(1).withDayOfMonth(5), List.copyOf(
                fushun.console.report.AnnualFigures.COUNTIES.keySet()), missing, Instant.now()));
        fed.add(e.eventId());
        bus.publish(Topics.MEDICAL_INSURANCE_FEED, e);
    }

    // --- reading the documents back with POI ---

    /** Each table of the .docx by its title (the paragraph before it, without 表N), header row first. */
    static Map<String, List<List<String>>> docxTables(byte[] docx) throws Exception {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String caption = null;
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p && !p.getText().isBlank()) {
                    caption = p.getText();
                } else if (e instanceof XWPFTable t) {
                    List<List<String>> rows = new ArrayList<>();
                    t.getRows().forEach(r -> rows.add(r.getTableCells().stream().map(c -> c.getText()).toList()));
                    tables.put(caption.substring(caption.indexOf(' ') + 1), rows);
                }
            }
        }
        return tables;
    }

    /** Each sheet of the .xlsx by its title (cell A1, without 表N), header row first; numbers as plain numbers. */
    static Map<String, List<List<String>>> xlsxTables(byte[] xlsx) throws Exception {
        Map<String, List<List<String>>> tables = new HashMap<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : book) {
                String title = sheet.getRow(0).getCell(0).getStringCellValue();
                List<List<String>> rows = new ArrayList<>();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell.getCellType() == CellType.NUMERIC
                                ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
                                : cell.getStringCellValue());
                    }
                    rows.add(cells);
                }
                tables.put(title.substring(title.indexOf(' ') + 1), rows);
            }
        }
        return tables;
    }
}
