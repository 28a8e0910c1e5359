package fushun.medicalinsurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fushun.contracts.Bureau;
import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.MeasureApplied;
import fushun.contracts.medicalinsurance.FeedCompletenessChecked;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.contracts.monitoring.RiskEliminated;
import fushun.contracts.monitoring.RiskEliminationRolledBack;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.medicalinsurance.feed.FeedCompleteness;
import fushun.medicalinsurance.premium.PremiumSubsidies;
import fushun.medicalinsurance.premium.PremiumSubsidyRule;
import fushun.platform.PlatformTime;
import fushun.platform.pii.PersonRefs;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.security.Jurisdiction;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.HouseholdChanges;
import fushun.platform.testsupport.MovableClock;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The three tiers with the person's cover over time (dibao from civil affairs, tilted cover from an
 * alert until elimination), the year boundary, the premium-subsidy roster and its .xlsx, and feed
 * completeness. Seeded parameters: deductible 12,000 (tilted 6,000), ratio 60 % (tilted 65 %, no
 * cap), assistance 70 % for dibao and 60 % for monitored people, premium 400 in 2026, transition 30 %.
 */
@ServiceIntegrationTest
class TiersAndCoverIT {

    private static final String CLIENT = "Bearer " + TestTokens.user("service-account-medical-insurance-integration",
            "210400", "medical-insurance-integration");
    private static final String ANALYST = "Bearer " + TestTokens.user("city-analyst", "210400", "analyst");

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired PersonRefs personRefs;
    @Autowired MovableClock clock;
    @Autowired FeedCompleteness feed;
    @Autowired fushun.platform.feed.FeedCompleteness feeds;
    @Autowired PremiumSubsidies subsidies;

    private final Random random = new Random();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldTiltCoverAndAssistOnlyWhileDibaoRunsAndStartEveryYearAfresh() throws Exception {
        String idNumber = SyntheticIdNumbers.next(random, "210422");
        UUID person = UUID.randomUUID();
        UUID householdId = register("210422100201", HouseholdCategory.OUT_OF_POVERTY, person, idNumber);
        assistanceStatus(householdId, person, idNumber, AssistanceStatusChanged.Status.GRANTED, "2025-03-01");
        assistanceStatus(householdId, person, idNumber, AssistanceStatusChanged.Status.STOPPED, "2025-07-01");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from cover_status where person_ref = :r and valid_to is not null")
                .param("r", personRefs.of(idNumber)).query(Long.class).single() == 1);

        // February, before dibao: the ordinary rules; 20,000 after basic - 12,000 = 8,000 x 60 %
        settle(row(idNumber, "2025-02-10", "30000", "28000", "8000"))
                .andExpect(jsonPath("$.rows[0].tiers.coverClass").isEmpty())
                .andExpect(jsonPath("$.rows[0].tiers.criticalIllness").value(4800.00))
                .andExpect(jsonPath("$.rows[0].tiers.medicalAssistance").value(0.00))
                .andExpect(jsonPath("$.rows[0].tiers.selfPay").value(17200.00));
        // April, on dibao: deductible halved (already passed), 65 %, and 70 % assistance of what is left
        // after basic 4,000; critical 4,000 x 65 % = 2,600; left 1,400 x 70 % = 980
        settle(row(idNumber, "2025-04-10", "6000", "5000", "1000"))
                .andExpect(jsonPath("$.rows[0].tiers.coverClass").value("DIBAO"))
                .andExpect(jsonPath("$.rows[0].tiers.criticalIllness").value(2600.00))
                .andExpect(jsonPath("$.rows[0].tiers.medicalAssistance").value(980.00))
                .andExpect(jsonPath("$.rows[0].tiers.selfPay").value(1420.00))
                .andExpect(jsonPath("$.rows[0].tiers.parameterVersions").value(org.hamcrest.Matchers.containsString(
                        "medical.assistance.ratio.dibao[*]@2021-01-01")));
        // August, dibao stopped from July: ordinary again
        settle(row(idNumber, "2025-08-10", "6000", "5000", "1000"))
                .andExpect(jsonPath("$.rows[0].tiers.coverClass").isEmpty())
                .andExpect(jsonPath("$.rows[0].tiers.criticalIllness").value(2400.00))
                .andExpect(jsonPath("$.rows[0].tiers.medicalAssistance").value(0.00));
        // The year boundary: 31 December still counts the 2025 deductible as met, 1 January starts again
        settle(row(idNumber, "2025-12-31", "2000", "2000", "1000"))
                .andExpect(jsonPath("$.rows[0].tiers.criticalIllness").value(600.00));
        settle(row(idNumber, "2026-01-01", "2000", "2000", "1000"))
                .andExpect(jsonPath("$.rows[0].tiers.criticalIllness").value(0.00))
                .andExpect(jsonPath("$.rows[0].tiers.selfPay").value(1000.00));

        mvc.perform(get("/api/medical-insurance/households/" + householdId + "/year-to-date?year=2025")
                        .header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.persons[0].settlements").value(4))
                .andExpect(jsonPath("$.persons[0].criticalIllness").value(10400.00))
                .andExpect(jsonPath("$.persons[0].medicalAssistance").value(980.00))
                .andExpect(jsonPath("$.selfPay").value(21620.00));
        mvc.perform(get("/api/medical-insurance/households/" + householdId + "/year-to-date?year=2025")
                        .header("Authorization", "Bearer " + TestTokens.user("qingyuan", "210423", "analyst")))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldSettleALateArrivingEarlierSettlementFromWhatCameBeforeItsDate() throws Exception {
        String idNumber = SyntheticIdNumbers.next(random, "210402");
        // May first: 15,000 after basic, 3,000 above the deductible, 1,800
        settle(row(idNumber, "2025-05-01", "15000", "15000", "0"))
                .andExpect(jsonPath("$.rows[0].tiers.criticalIllness").value(1800.00));
        // March arrives later: before it in the year there was nothing, so the deductible is not met
        settle(row(idNumber, "2025-03-01", "5000", "5000", "0"))
                .andExpect(jsonPath("$.rows[0].tiers.criticalIllness").value(0.00))
                .andExpect(jsonPath("$.rows[0].tiers.selfPay").value(5000.00));
    }

    @Test
    void shouldTiltAHouseholdFromTheAlertUntilItsRiskIsEliminatedAndReportTheMeasure() throws Exception {
        String idNumber = SyntheticIdNumbers.next(random, "210423");
        UUID person = UUID.randomUUID();
        UUID householdId = register("210423100201", HouseholdCategory.MARGINAL, person, idNumber);
        UUID assignmentId = UUID.randomUUID();
        RiskAlertRaised alert = new RiskAlertRaised(UUID.randomUUID(), householdId, "210423100201",
                List.of(RiskType.ILLNESS), "因病预警", china("2026-01-10"),
                List.of(new RiskAlertRaised.Assignment(assignmentId, Bureau.MEDICAL_INSURANCE, LocalDate.parse("2026-01-25"))));
        bus.publish(Topics.MONITORING_RISK_ALERT, EventEnvelope.of("monitoring", householdId.toString(), "210423100201", alert));

        MeasureApplied measure = bus.awaitEvent(Topics.MEDICAL_INSURANCE_MEASURE, householdId.toString(),
                MeasureApplied.class).data();
        assertThat(measure.measure()).isEqualTo("TILTED_COVER");
        assertThat(measure.assignmentId()).isEqualTo(assignmentId);
        assertThat(measure.appliedOn()).isEqualTo(LocalDate.parse("2026-01-10"));

        // before the alert: ordinary; after: monitored, tilted, 60 % assistance
        settle(row(idNumber, "2026-01-09", "1000", "1000", "500"))
                .andExpect(jsonPath("$.rows[0].tiers.coverClass").isEmpty());
        // after basic: 500 + 8,000 = 8,500 a year; above 6,000: 2,500 x 65 % = 1,625; left 6,375 x 60 % = 3,825
        settle(row(idNumber, "2026-02-01", "9000", "9000", "1000"))
                .andExpect(jsonPath("$.rows[0].tiers.coverClass").value("MONITORED"))
                .andExpect(jsonPath("$.rows[0].tiers.criticalIllness").value(1625.00))
                .andExpect(jsonPath("$.rows[0].tiers.medicalAssistance").value(3825.00));

        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", householdId.toString(), "210423100201",
                new RiskEliminated(householdId, "210423100201", List.of(RiskType.ILLNESS), UUID.randomUUID(),
                        china("2026-03-01"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from cover_status where household_id = :h and valid_to = date '2026-03-01'")
                .param("h", householdId).query(Long.class).single() == 1);
        settle(row(idNumber, "2026-03-15", "1000", "1000", "500"))
                .andExpect(jsonPath("$.rows[0].tiers.coverClass").isEmpty())
                .andExpect(jsonPath("$.rows[0].tiers.medicalAssistance").value(0.00));

        // the elimination taken back: the tilt runs on as if it had not ended
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", householdId.toString(), "210423100201",
                new RiskEliminationRolledBack(householdId, "210423100201", List.of(RiskType.ILLNESS), "复核发现收入未稳定",
                        china("2026-04-01"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from cover_status where household_id = :h and valid_to is null")
                .param("h", householdId).query(Long.class).single() == 1);
        settle(row(idNumber, "2026-03-20", "1000", "1000", "500"))
                .andExpect(jsonPath("$.rows[0].tiers.coverClass").value("MONITORED"));
        assertThat(jdbc.sql("select count(*) from cover_status where household_id = :h").param("h", householdId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldListPremiumSubsidiesPerCountyAndYearAndExportThemAsXlsx() throws Exception {
        String dibaoId = SyntheticIdNumbers.next(random, "210421");
        UUID dibaoPerson = UUID.randomUUID();
        UUID dibaoHousehold = register("210421100201", HouseholdCategory.MARGINAL, dibaoPerson, dibaoId);
        assistanceStatus(dibaoHousehold, dibaoPerson, dibaoId, AssistanceStatusChanged.Status.GRANTED, "2026-05-01");
        UUID outOfPoverty = register("210421100202", HouseholdCategory.OUT_OF_POVERTY, UUID.randomUUID(),
                SyntheticIdNumbers.next(random, "210421"));
        register("210421100203", HouseholdCategory.ORDINARY, UUID.randomUUID(), SyntheticIdNumbers.next(random, "210421"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from cover_status where person_ref = :r")
                .param("r", personRefs.of(dibaoId)).query(Long.class).single() == 1);

        mvc.perform(get("/api/medical-insurance/premium-subsidies?county=210421&year=2026").header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.premium").value(400.00))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + dibaoHousehold + "')].kind").value("FULL"))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + dibaoHousehold + "')].amount").value(400.00))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + outOfPoverty + "')].kind").value("TRANSITION"))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + outOfPoverty + "')].amount").value(120.00))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.totalAmount").value(520.00));
        // 2025: dibao had not started; the marginal household gets the transition share like the
        // out-of-poverty one (§2(1)1), at 2025's share and premium
        mvc.perform(get("/api/medical-insurance/premium-subsidies?county=210421&year=2025").header("Authorization", ANALYST))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + dibaoHousehold + "')].kind").value("TRANSITION"))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + dibaoHousehold + "')].basis")
                        .value("边缘易致贫人口（过渡期，同脱贫人口）"))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.totalAmount").value(240.00));

        byte[] xlsx = mvc.perform(get("/api/medical-insurance/premium-subsidies.xlsx?county=210421&year=2026")
                        .header("Authorization", ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("资助类别");
            assertThat(List.of(sheet.getRow(1).getCell(3).getStringCellValue(), sheet.getRow(2).getCell(3).getStringCellValue()))
                    .containsExactlyInAnyOrder("全额资助", "定额资助（过渡期）");
            assertThat(sheet.getRow(4).getCell(5).getNumericCellValue()).isEqualTo(520.0);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).contains("**********");
        }
        mvc.perform(get("/api/medical-insurance/premium-subsidies?county=210421&year=2026")
                        .header("Authorization", "Bearer " + TestTokens.user("xinbin", "210422", "medical-insurance-officer")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/medical-insurance/premium-subsidies?county=210421&year=2026")
                        .header("Authorization", "Bearer " + TestTokens.user("op", "210421", "civil-affairs-operator")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/medical-insurance/premium-subsidies?county=beijing&year=2026").header("Authorization", ANALYST))
                .andExpect(status().isBadRequest());
    }

    /**
     * 望花区 (210404): 1,100 one-person households written straight into the tables, more than one
     * batch of the roster's cursor (500), so batches are looked up for dibao while the cursor is open.
     */
    @Test
    void shouldListEveryPersonWithTheirDibaoWhenTheCountyHoldsMoreThanOneBatch() {
        String village = "210404100299";
        jdbc.sql("""
                        insert into insured_household (household_id, division_code, category, not_entitled_to_policy)
                        select md5('batch-household-' || g)::uuid, :village, 'OUT_OF_POVERTY', false
                        from generate_series(1, 1100) g""")
                .param("village", village).update();
        jdbc.sql("""
                        insert into insured_person (person_ref, person_id, household_id, masked_id_number)
                        select 'batch-person-' || lpad(g::text, 51, '0'), md5('batch-person-' || g)::uuid,
                               md5('batch-household-' || g)::uuid, '210404********' || lpad(g::text, 4, '0')
                        from generate_series(1, 1100) g""").update();
        // every fourth person is on dibao from 1 March
        jdbc.sql("""
                        insert into cover_status (id, basis, person_ref, valid_from, source_id)
                        select md5('batch-cover-' || g)::uuid, 'DIBAO', 'batch-person-' || lpad(g::text, 51, '0'),
                               date '2026-03-01', md5('batch-source-' || g)::uuid
                        from generate_series(4, 1100, 4) g""").update();

        List<PremiumSubsidies.Entry> listed = new ArrayList<>();
        PremiumSubsidies.Roster page;
        int number = 0;
        do {
            page = subsidies.roster("210404", 2026, Jurisdiction.of("210400"), number++, 500);
            listed.addAll(page.items());
        } while (!page.items().isEmpty());

        assertThat(listed).hasSize((int) page.total());
        List<PremiumSubsidies.Entry> ours = listed.stream().filter(e -> e.divisionCode().equals(village)).toList();
        assertThat(ours).hasSize(1100);
        assertThat(ours.stream().filter(e -> e.kind() == PremiumSubsidyRule.Kind.FULL))
                .hasSize(275)
                .allSatisfy(e -> {
                    assertThat(e.basis()).isEqualTo("低保对象");
                    assertThat(e.amount()).isEqualByComparingTo("400.00");
                    assertThat(Integer.parseInt(e.maskedIdNumber().substring(14)) % 4).isZero();
                });
        assertThat(ours.stream().filter(e -> e.kind() == PremiumSubsidyRule.Kind.TRANSITION))
                .hasSize(825)
                .allSatisfy(e -> assertThat(e.amount()).isEqualByComparingTo("120.00"));
    }

    @Test
    void shouldPageThePremiumRosterAndExportEveryEntryWithTheSameTotals() throws Exception {
        // 新抚区 has no other insured households: five on the roster (one of them dibao), one ordinary not
        List<UUID> listed = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            listed.add(register("21040210020" + i, i % 2 == 0 ? HouseholdCategory.MARGINAL : HouseholdCategory.OUT_OF_POVERTY,
                    UUID.randomUUID(), SyntheticIdNumbers.next(random, "210402")));
        }
        String dibaoId = SyntheticIdNumbers.next(random, "210402");
        UUID dibaoPerson = UUID.randomUUID();
        UUID dibaoHousehold = register("210402100206", HouseholdCategory.ORDINARY, dibaoPerson, dibaoId);
        assistanceStatus(dibaoHousehold, dibaoPerson, dibaoId, AssistanceStatusChanged.Status.GRANTED, "2026-02-01");
        listed.add(dibaoHousehold);
        register("210402100207", HouseholdCategory.ORDINARY, UUID.randomUUID(), SyntheticIdNumbers.next(random, "210402"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from cover_status where person_ref = :r")
                .param("r", personRefs.of(dibaoId)).query(Long.class).single() == 1);

        List<String> entries = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal totalAmount = null;
        for (int page = 0; page < 2; page++) {
            String body = mvc.perform(get("/api/medical-insurance/premium-subsidies?county=210402&year=2026&size=4&page=" + page)
                            .header("Authorization", ANALYST))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(6))
                    .andExpect(jsonPath("$.page").value(page))
                    .andExpect(jsonPath("$.size").value(4))
                    .andExpect(jsonPath("$.premium").value(400.00))
                    .andExpect(jsonPath("$.items.length()").value(page == 0 ? 4 : 2))
                    .andReturn().getResponse().getContentAsString();
            entries.addAll(JsonPath.<List<String>>read(body, "$.items[*].householdId"));
            for (Number amount : JsonPath.<List<Number>>read(body, "$.items[*].amount")) {
                sum = sum.add(new BigDecimal(amount.toString()));
            }
            totalAmount = new BigDecimal(JsonPath.<Number>read(body, "$.totalAmount").toString());
        }
        assertThat(entries).containsExactlyInAnyOrderElementsOf(listed.stream().map(UUID::toString).toList());
        // five transition shares of 120 and one full premium of 400
        assertThat(totalAmount).isEqualByComparingTo(sum).isEqualByComparingTo("1000.00");

        byte[] xlsx = mvc.perform(get("/api/medical-insurance/premium-subsidies.xlsx?county=210402&year=2026")
                        .header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> rows = new ArrayList<>();
            BigDecimal rowSum = BigDecimal.ZERO;
            for (int r = 1; r <= 6; r++) {
                rows.add(sheet.getRow(r).getCell(1).getStringCellValue());
                rowSum = rowSum.add(BigDecimal.valueOf(sheet.getRow(r).getCell(5).getNumericCellValue()));
            }
            assertThat(rows).containsExactlyElementsOf(entries);
            assertThat(sheet.getRow(7)).as("a blank row before the footer").isNull();
            assertThat(sheet.getRow(8).getCell(2).getStringCellValue()).isEqualTo("6 人");
            assertThat(BigDecimal.valueOf(sheet.getRow(8).getCell(5).getNumericCellValue()))
                    .isEqualByComparingTo(totalAmount).isEqualByComparingTo(rowSum);
        }

        mvc.perform(get("/api/medical-insurance/premium-subsidies?county=210402&year=2026&size=0").header("Authorization", ANALYST))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页至少1条"));
        mvc.perform(get("/api/medical-insurance/premium-subsidies?county=210402&year=2026&size=100000")
                        .header("Authorization", ANALYST))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页最多500条"));
    }

    @Test
    void shouldTellWhichCountiesFeedsMissedTheDeadlineOnce() throws Exception {
        YearMonth october = YearMonth.of(2026, 10);
        clock.set(china("2026-11-03"));
        settle(row(SyntheticIdNumbers.next(random, "210411"), "2026-10-15", "100", "100", "50"));
        mvc.perform(get("/api/medical-insurance/feed-completeness?month=2026-10").header("Authorization", ANALYST))
                .andExpect(jsonPath("$.deadline").value("2026-11-05"))
                .andExpect(jsonPath("$.counties[?(@.county == '210411')].state").value("ON_TIME"))
                .andExpect(jsonPath("$.counties[?(@.county == '210421')].state").value("PENDING"));
        assertThat(feed.check(october)).isEmpty();

        clock.set(china("2026-11-06"));
        settle(row(SyntheticIdNumbers.next(random, "210421"), "2026-10-20", "100", "100", "50"));
        mvc.perform(get("/api/medical-insurance/feed-completeness?month=2026-10").header("Authorization", ANALYST))
                .andExpect(jsonPath("$.counties.length()").value(7))
                .andExpect(jsonPath("$.counties[?(@.county == '210421')].state").value("LATE"))
                .andExpect(jsonPath("$.counties[?(@.county == '210423')].state").value("MISSING"));
        mvc.perform(get("/api/medical-insurance/feed-completeness?month=2026-10")
                        .header("Authorization", "Bearer " + TestTokens.user("xinbin", "210422", "medical-insurance-officer")))
                .andExpect(jsonPath("$.counties.length()").value(1));

        assertThat(feed.check(october)).isPresent();
        assertThat(feed.check(october)).isEmpty();
        FeedCompletenessChecked checked = bus.awaitEvent(Topics.MEDICAL_INSURANCE_FEED, "2026-10",
                FeedCompletenessChecked.class).data();
        assertThat(checked.missingCounties()).hasSize(6).doesNotContain("210411").contains("210421", "210423");
        assertThat(checked.deadline()).isEqualTo(LocalDate.parse("2026-11-05"));

        // the platform's mechanism reads the same settlements: one FeedDeadlineMissed, with late and missing apart
        assertThat(feeds.check(october)).singleElement().satisfies(missed -> {
            assertThat(missed.bureau()).isEqualTo(fushun.contracts.Bureau.MEDICAL_INSURANCE);
            assertThat(missed.deadline()).isEqualTo(LocalDate.parse("2026-11-05"));
            assertThat(missed.lateCounties()).containsExactly("210421");
            assertThat(missed.missingCounties()).hasSize(5).doesNotContain("210411", "210421");
        });
        assertThat(feeds.check(october)).isEmpty();
        assertThat(bus.awaitEvent(Topics.MEDICAL_INSURANCE_FEED, "2026-10/MEDICAL_INSURANCE",
                fushun.contracts.feed.FeedDeadlineMissed.class).data().month()).isEqualTo("2026-10");
        mvc.perform(get("/api/medical-insurance/feeds?bureau=MEDICAL_INSURANCE&month=2026-10").header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(7))
                .andExpect(jsonPath("$.items[?(@.county == '210411')].state").value("ON_TIME"))
                .andExpect(jsonPath("$.items[?(@.county == '210421')].state").value("LATE"));
    }

    @Test
    void shouldApplyHouseholdChangesOnceEachInRevisionOrderCoverMembersUntilTheyLeftAndFollowAMove() throws Exception {
        String xinbin = "Bearer " + TestTokens.user("xinbin-medical", "210422", "medical-insurance-officer");
        String qingyuan = "Bearer " + TestTokens.user("qingyuan-medical", "210423", "medical-insurance-officer");
        String headId = SyntheticIdNumbers.next(random, "210422");
        String spouseId = SyntheticIdNumbers.next(random, "210422");
        String childId = SyntheticIdNumbers.next(random, "210422");
        UUID householdId = UUID.randomUUID();
        UUID spouse = UUID.randomUUID();
        HouseholdRegistered registered = new HouseholdRegistered(householdId, "210422100201",
                HouseholdCategory.OUT_OF_POVERTY, false, "测试户主",
                List.of(member(UUID.randomUUID(), headId, "户主"), member(spouse, spouseId, "配偶")));
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", householdId.toString(), "210422100201",
                registered));
        RiskAlertRaised alert = new RiskAlertRaised(UUID.randomUUID(), householdId, "210422100201",
                List.of(RiskType.ILLNESS), "因病预警", china("2026-01-10"),
                List.of(new RiskAlertRaised.Assignment(UUID.randomUUID(), Bureau.MEDICAL_INSURANCE,
                        LocalDate.parse("2026-01-25"))));
        bus.publish(Topics.MONITORING_RISK_ALERT, EventEnvelope.of("monitoring", householdId.toString(), "210422100201", alert));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                        select count(*) from cover_status c join insured_person p on p.household_id = c.household_id
                        where c.household_id = :h and c.basis = 'MONITORED'""")
                .param("h", householdId).query(Long.class).single() == 2);

        // the spouse died on 18 November: covered as the household's member that day, not the day after
        HouseholdChanges changes = HouseholdChanges.of(registered);
        HouseholdChanged death = changes.memberLeft(spouse, HouseholdChanged.Reason.DEATH, LocalDate.parse("2026-11-18"));
        bus.publish(Topics.MONITORING_HOUSEHOLD, HouseholdChanges.envelope(death));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                        select count(*) from insured_person where person_ref = :r and member_status = 'LEFT'
                          and left_on = date '2026-11-18'""")
                .param("r", personRefs.of(spouseId)).query(Long.class).single() == 1);
        settle(row(spouseId, "2026-11-18", "1000", "1000", "500"))
                .andExpect(jsonPath("$.rows[0].tiers.coverClass").value("MONITORED"));
        settle(row(spouseId, "2026-11-19", "1000", "1000", "500"))
                .andExpect(jsonPath("$.rows[0].tiers.coverClass").isEmpty())
                .andExpect(jsonPath("$.rows[0].tiers.medicalAssistance").value(0.00));

        // a child born: an insured person of the household, matched by person ref; then a move to Qingyuan
        UUID child = UUID.randomUUID();
        bus.publish(Topics.MONITORING_HOUSEHOLD, HouseholdChanges.envelope(changes.memberAdded(child,
                personRefs.of(childId), "测试子女", "子女", "NONE", HouseholdChanged.Reason.BIRTH,
                LocalDate.parse("2026-11-20"))));
        HouseholdChanged moved = changes.movedTo("210423100201", LocalDate.parse("2026-11-25"));
        EventEnvelope<HouseholdChanged> moveEvent = HouseholdChanges.envelope(moved);
        bus.publish(Topics.MONITORING_HOUSEHOLD, moveEvent);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> yearToDate(qingyuan, householdId)
                .andExpect(status().isOk()).andExpect(jsonPath("$.persons.length()").value(3)));
        yearToDate(xinbin, householdId).andExpect(status().isNotFound());
        settle(row(childId, "2026-11-26", "1000", "1000", "500"))
                .andExpect(jsonPath("$.rows[0].tiers.coverClass").value("MONITORED"));
        // the spouse's year is the household's up to the day she died: one settlement, not two
        yearToDate(qingyuan, householdId)
                .andExpect(jsonPath("$.persons[?(@.leftOn == '2026-11-18')].settlements").value(1))
                .andExpect(jsonPath("$.totalCost").value(2000.00));
        premiums(qingyuan, "210423", 2026).andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')]",
                hasSize(3)));
        premiums(qingyuan, "210423", 2027).andExpect(jsonPath("$.items[?(@.householdId == '" + householdId
                + "')].maskedIdNumber", not(hasItem(masked(spouseId)))))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')]", hasSize(2)));
        premiums(xinbin, "210422", 2026).andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')]",
                hasSize(0)));

        // 脱贫不享受政策户 from now: off the premium roster
        HouseholdChanged flagged = changes.policyFlag(true, LocalDate.parse("2026-11-28"));
        bus.publish(Topics.MONITORING_HOUSEHOLD, HouseholdChanges.envelope(flagged));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> premiums(qingyuan, "210423", 2026)
                .andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')]", hasSize(0))));

        // the move delivered again, the death replayed under a new event id (an older revision), and the
        // flag's revision again with other content: none of them changes anything
        bus.publish(Topics.MONITORING_HOUSEHOLD, moveEvent);
        bus.publish(Topics.MONITORING_HOUSEHOLD, HouseholdChanges.envelope(death));
        EventEnvelope<HouseholdChanged> last = HouseholdChanges.envelope(new HouseholdChanged(householdId,
                flagged.revision(), flagged.kind(), flagged.reason(), flagged.effectiveOn(), null, "210422100201",
                "210422100201", HouseholdCategory.ORDINARY, false, flagged.headName(), registered.members().stream()
                .map(m -> new HouseholdChanged.Member(m.personId(), m.personRef(), m.name(), m.maskedIdNumber(),
                        m.relationship(), m.labourCapacity(), HouseholdChanged.MemberStatus.ACTIVE, null, null,
                        m.birthYear()))
                .toList(), Instant.now()));
        bus.publish(Topics.MONITORING_HOUSEHOLD, last);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from inbox_event where event_id = :e")
                .param("e", last.eventId()).query(Long.class).single() == 1);
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = :e").param("e", moveEvent.eventId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select revision || ' ' || division_code || ' ' || category || ' ' || not_entitled_to_policy
                        from insured_household where household_id = :h""")
                .param("h", householdId).query(String.class).single()).isEqualTo("4 210423100201 OUT_OF_POVERTY true");
        assertThat(jdbc.sql("select member_status from insured_person where person_ref = :r")
                .param("r", personRefs.of(spouseId)).query(String.class).single()).isEqualTo("LEFT");
        yearToDate(xinbin, householdId).andExpect(status().isNotFound());
        yearToDate(qingyuan, householdId).andExpect(jsonPath("$.persons.length()").value(3));
    }

    // ---- helpers ----

    private static Instant china(String date) {
        return LocalDate.parse(date).atTime(10, 0).atZone(PlatformTime.CHINA).toInstant();
    }

    private UUID register(String village, HouseholdCategory category, UUID person, String idNumber) throws Exception {
        UUID householdId = UUID.randomUUID();
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", householdId.toString(), village,
                new HouseholdRegistered(householdId, village, category, false, "测试户主",
                        List.of(new HouseholdRegistered.Member(person, personRefs.of(idNumber), "测试户主",
                                idNumber.substring(0, 4) + "**********" + idNumber.substring(14), "户主", "FULL")))));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from insured_person where household_id = :h").param("h", householdId)
                .query(Long.class).single() == 1);
        return householdId;
    }

    private HouseholdRegistered.Member member(UUID person, String idNumber, String relationship) {
        return new HouseholdRegistered.Member(person, personRefs.of(idNumber), "测试" + relationship,
                masked(idNumber), relationship, "FULL");
    }

    private static String masked(String idNumber) {
        return idNumber.substring(0, 4) + "**********" + idNumber.substring(14);
    }

    private ResultActions yearToDate(String officer, UUID householdId) throws Exception {
        return mvc.perform(get("/api/medical-insurance/households/" + householdId + "/year-to-date?year=2026")
                .header("Authorization", officer));
    }

    private ResultActions premiums(String officer, String county, int year) throws Exception {
        return mvc.perform(get("/api/medical-insurance/premium-subsidies?county=" + county + "&year=" + year)
                .header("Authorization", officer));
    }

    private void assistanceStatus(UUID householdId, UUID person, String idNumber, AssistanceStatusChanged.Status status,
                        String effectiveFrom) throws Exception {
        bus.publish(Topics.SOCIAL_ASSISTANCE_STATUS, EventEnvelope.of("social-assistance", householdId.toString(),
                idNumber.substring(0, 6), new AssistanceStatusChanged(UUID.randomUUID(), householdId, idNumber.substring(0, 6),
                        AssistanceStatusChanged.Programme.DIBAO, status,
                        List.of(new AssistanceStatusChanged.Person(person, personRefs.of(idNumber))),
                        new BigDecimal("520.00"), LocalDate.parse(effectiveFrom), "低保", Instant.now())));
    }

    private static String row(String idNumber, String settledOn, String total, String range, String basic) {
        return """
                {"settlementId":"T-%s","idNumber":"%s","insuredCounty":"%s","hospital":"抚顺市示例医院","settledOn":"%s",
                 "totalCost":%s,"policyRangeCost":%s,"basicInsurancePaid":%s}"""
                .formatted(UUID.randomUUID(), idNumber, idNumber.substring(0, 6), settledOn, total, range, basic);
    }

    private ResultActions settle(String row) throws Exception {
        return mvc.perform(post("/api/medical-insurance/settlements").header("Authorization", CLIENT)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"settlements\":[" + row + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1));
    }
}
