package fushun.medicalinsurance;

import static fushun.medicalinsurance.SettlementBatches.batch;
import static fushun.medicalinsurance.SettlementBatches.postBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fushun.contracts.Bureau;
import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.Topics;
import fushun.contracts.feed.MonthlyTotals;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.platform.PlatformTime;
import fushun.platform.pii.PersonRefs;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.HouseholdChanges;
import fushun.platform.testsupport.MovableClock;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the three tiers paid per county and month goes out as {@link MonthlyTotals} after the batch
 * that changed it (the months it marked due, published by the scheduled run, here every half second), and says what the service's own year-to-date answers: real broker, real
 * PostgreSQL. 2022 and the counties 新抚区 and 东洲区 are this test's alone, so the months hold only
 * its settlements.
 */
@ServiceIntegrationTest
@org.springframework.test.context.TestPropertySource(properties = "medical-insurance.monthly-totals.interval=PT0.5S")
class MonthlyTotalsIT {

    private static final String ANALYST = "Bearer " + TestTokens.user("city-analyst", "210400", "analyst");
    private static final String XINFU_MARCH = "210402/2022-03/MEDICAL_INSURANCE";
    private static final String DONGZHOU_APRIL = "210403/2022-04/MEDICAL_INSURANCE";

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired PersonRefs personRefs;
    @Autowired MovableClock clock;
    @Autowired fushun.medicalinsurance.settlement.MonthlyPayments monthlyPayments;

    private final Random random = new Random();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldPublishEachTouchedCountyMonthAsTheYearToDateSaysItOnceAndOnlyWhenItChanged() throws Exception {
        String onDibao = SyntheticIdNumbers.next(random, "210402");
        String spouse = SyntheticIdNumbers.next(random, "210402");
        String neighbour = SyntheticIdNumbers.next(random, "210402");
        String inDongzhou = SyntheticIdNumbers.next(random, "210403");
        String notRegistered = SyntheticIdNumbers.next(random, "210402");
        UUID family = register("210402100201", onDibao, spouse);
        UUID nextDoor = register("210402100202", neighbour);
        UUID dongzhou = register("210403100201", inDongzhou);
        dibaoFrom(family, onDibao, "2022-01-01");

        // March in 新抚区: critical illness and assistance for the dibao member (tilted), basic only for the
        // others; a person nobody registered is stored but counts for no household. April in 东洲区.
        String first = batch(
                row("M-" + UUID.randomUUID(), onDibao, "2022-03-05", "30000.00", "28000.00", "8000.00"),
                row("M-" + UUID.randomUUID(), spouse, "2022-03-10", "2000.00", "2000.00", "1200.00"),
                row("M-" + UUID.randomUUID(), neighbour, "2022-03-20", "1000.00", "1000.00", "600.00"),
                row("M-" + UUID.randomUUID(), notRegistered, "2022-03-15", "5000.00", "5000.00", "3000.00"),
                row("M-" + UUID.randomUUID(), inDongzhou, "2022-04-02", "20000.00", "20000.00", "5000.00"),
                row("M-" + UUID.randomUUID(), inDongzhou, "2022-04-28", "500.00", "500.00", "0.00"));
        clock.set(china("2022-06-10"));
        Instant firstCount = clock.instant();
        postBatch(mvc, first).andExpect(jsonPath("$.accepted").value(6));

        MonthlyTotals march = published(XINFU_MARCH, firstCount);
        assertThat(march.bureau()).isEqualTo(Bureau.MEDICAL_INSURANCE);
        assertThat(march.county()).isEqualTo("210402");
        assertThat(march.month()).isEqualTo("2022-03");
        assertThat(lines(march.items())).isEqualTo(lines(fromYearToDate(family, nextDoor)))
                .containsExactly("BASIC_INSURANCE 基本医保报销 2 3 9800",
                        "CRITICAL_ILLNESS 大病保险赔付 1 1 " + plain(yearToDate(family, "criticalIllness")),
                        "MEDICAL_ASSISTANCE 医疗救助 1 1 " + plain(yearToDate(family, "medicalAssistance")));
        MonthlyTotals april = published(DONGZHOU_APRIL, firstCount);
        assertThat(lines(april.items())).isEqualTo(lines(fromYearToDate(dongzhou)))
                .containsExactly("BASIC_INSURANCE 基本医保报销 1 1 5000", "CRITICAL_ILLNESS 大病保险赔付 1 1 2100");
        assertThat(thisTestsMonths()).as("one per touched county and month").isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from outbox_event where aggregateid = :k and payload like :division")
                .param("k", XINFU_MARCH).param("division", "%\"divisionCode\":\"210402\"%").query(Long.class).single())
                .isEqualTo(1);

        // the same batch again: every row a duplicate, nothing counted, nothing published
        clock.set(china("2022-06-11"));
        postBatch(mvc, first).andExpect(jsonPath("$.accepted").value(0)).andExpect(jsonPath("$.duplicates").value(6));
        assertThat(jdbc.sql("""
                        select count(*) from monthly_totals_due where county in ('210402', '210403')
                        and first_day >= date '2022-01-01' and first_day < date '2023-01-01'""").query(Long.class).single())
                .as("no month marked due").isZero();
        monthlyPayments.publishDue();
        assertThat(thisTestsMonths()).isEqualTo(2);

        // a batch of 东洲区's April only: that month alone, as its year-to-date now says
        clock.set(china("2022-06-12"));
        Instant secondCount = clock.instant();
        postBatch(mvc, batch(row("M-" + UUID.randomUUID(), inDongzhou, "2022-04-15", "1000.00", "1000.00", "400.00")))
                .andExpect(jsonPath("$.accepted").value(1));
        MonthlyTotals aprilAgain = published(DONGZHOU_APRIL, secondCount);
        assertThat(lines(aprilAgain.items())).isEqualTo(lines(fromYearToDate(dongzhou)))
                .contains("BASIC_INSURANCE 基本医保报销 1 1 5400");
        assertThat(outboxRows(DONGZHOU_APRIL)).isEqualTo(2);
        assertThat(outboxRows(XINFU_MARCH)).isEqualTo(1);
        assertThat(thisTestsMonths()).isEqualTo(3);
    }

    @Test
    void shouldCountASettlementThatCameBeforeItsHouseholdOnceTheHouseholdIsRegistered() throws Exception {
        String early = SyntheticIdNumbers.next(random, "210404");
        String key = "210404/2022-07/MEDICAL_INSURANCE";
        clock.set(china("2022-08-01"));
        postBatch(mvc, batch(row("M-" + UUID.randomUUID(), early, "2022-07-08", "3000.00", "3000.00", "1800.00")))
                .andExpect(jsonPath("$.accepted").value(1));
        assertThat(outboxRows(key)).as("a person nobody registered changes no household's figures").isZero();

        clock.set(china("2022-08-02"));
        Instant registered = clock.instant();
        UUID household = register("210404100201", early);

        await().atMost(Duration.ofSeconds(20)).until(() -> outboxRows(key) == 1);
        assertThat(lines(published(key, registered).items())).isEqualTo(lines(fromYearToDate(household)))
                .containsExactly("BASIC_INSURANCE 基本医保报销 1 1 1800");
    }

    @Test
    void shouldCountAMemberWhoLeftUpToTheDayTheyLeftOnceTheChangeComes() throws Exception {
        String headId = SyntheticIdNumbers.next(random, "210411");
        String spouseId = SyntheticIdNumbers.next(random, "210411");
        String key = "210411/2022-09/MEDICAL_INSURANCE";
        UUID householdId = UUID.randomUUID();
        UUID spouse = UUID.randomUUID();
        HouseholdRegistered registered = new HouseholdRegistered(householdId, "210411100201",
                HouseholdCategory.OUT_OF_POVERTY, false, "测试户主", List.of(member(UUID.randomUUID(), headId, "户主"),
                member(spouse, spouseId, "配偶")));
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", householdId.toString(), "210411100201",
                registered));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from insured_person where household_id = :h").param("h", householdId)
                .query(Long.class).single() == 2);
        clock.set(china("2022-10-01"));
        Instant settled = clock.instant();
        postBatch(mvc, batch(row("M-" + UUID.randomUUID(), headId, "2022-09-05", "1000.00", "1000.00", "600.00"),
                row("M-" + UUID.randomUUID(), spouseId, "2022-09-10", "2000.00", "2000.00", "1500.00"),
                row("M-" + UUID.randomUUID(), spouseId, "2022-09-25", "500.00", "500.00", "300.00")))
                .andExpect(jsonPath("$.accepted").value(3));
        assertThat(lines(published(key, settled).items())).containsExactly("BASIC_INSURANCE 基本医保报销 1 2 2400");

        // monitoring records late that the spouse died on 12 September: from the day after, not the household's
        clock.set(china("2022-10-02"));
        Instant changed = clock.instant();
        bus.publish(Topics.MONITORING_HOUSEHOLD, HouseholdChanges.envelope(HouseholdChanges.of(registered)
                .memberLeft(spouse, HouseholdChanged.Reason.DEATH, LocalDate.parse("2022-09-12"))));

        assertThat(lines(published(key, changed).items())).isEqualTo(lines(fromYearToDate(householdId)))
                .containsExactly("BASIC_INSURANCE 基本医保报销 1 2 2100");
        assertThat(outboxRows(key)).isEqualTo(2);
    }

    // ---- helpers ----

    private HouseholdRegistered.Member member(UUID person, String idNumber, String relationship) {
        return new HouseholdRegistered.Member(person, personRefs.of(idNumber), "测试" + relationship,
                idNumber.substring(0, 4) + "**********" + idNumber.substring(14), relationship, "FULL");
    }

    /**
     * The MonthlyTotals under this key counted by the service's clock since {@code since} (the clock
     * runs on from where the test set it, a day apart each time), as the broker delivered it (schema checked).
     */
    private MonthlyTotals published(String key, Instant since) {
        Instant until = since.plus(Duration.ofHours(1));
        EventEnvelope<MonthlyTotals> envelope = bus.awaitEvent(Topics.MEDICAL_INSURANCE_FEED, key, MonthlyTotals.class,
                t -> !t.computedAt().isBefore(since) && t.computedAt().isBefore(until));
        assertThat(envelope.divisionCode()).isEqualTo(key.substring(0, 6));
        return envelope.data();
    }

    /**
     * Every MonthlyTotals of 新抚区 and 东洲区 in 2022 but January (the year's premium subsidies, published
     * when a household or its dibao changes them): the first test's settlement months alone.
     */
    private long thisTestsMonths() {
        return outboxRows("210402/2022-%") + outboxRows("210403/2022-%") - outboxRows("210402/2022-01/%")
                - outboxRows("210403/2022-01/%");
    }

    private long outboxRows(String keyPattern) {
        return jdbc.sql("select count(*) from outbox_event where type = 'MonthlyTotals' and aggregateid like :k")
                .param("k", keyPattern).query(Long.class).single();
    }

    /**
     * The lines the households' year-to-date implies when each person's year is one month: per tier,
     * the households and persons it paid anything and what it paid.
     */
    private List<MonthlyTotals.Item> fromYearToDate(UUID... households) throws Exception {
        String[][] tiers = {{"BASIC_INSURANCE", "基本医保报销", "basicInsurance"},
                {"CRITICAL_ILLNESS", "大病保险赔付", "criticalIllness"}, {"MEDICAL_ASSISTANCE", "医疗救助", "medicalAssistance"}};
        List<MonthlyTotals.Item> items = new ArrayList<>();
        for (String[] tier : tiers) {
            long householdsPaid = 0;
            long personsPaid = 0;
            BigDecimal amount = BigDecimal.ZERO;
            for (UUID household : households) {
                List<Map<String, Object>> persons = JsonPath.read(yearToDateBody(household), "$.persons");
                long paid = 0;
                for (Map<String, Object> person : persons) {
                    BigDecimal value = new BigDecimal(String.valueOf(person.get(tier[2])));
                    if (value.signum() > 0) {
                        paid++;
                        amount = amount.add(value);
                    }
                }
                personsPaid += paid;
                householdsPaid += paid > 0 ? 1 : 0;
            }
            if (amount.signum() > 0) {
                items.add(new MonthlyTotals.Item(tier[0], tier[1], householdsPaid, personsPaid, amount));
            }
        }
        return items;
    }

    /** The year's premium subsidies go out under January, as the service's own roster counts them. */
    @Test
    void shouldPublishTheYearsPremiumSubsidiesUnderJanuaryAsTheRosterCountsThem() throws Exception {
        clock.set(china("2022-03-01"));
        String head = SyntheticIdNumbers.next(random, "210411");
        String spouse = SyntheticIdNumbers.next(random, "210411");
        String alone = SyntheticIdNumbers.next(random, "210411");
        register("210411100201", head, spouse);
        UUID onDibao = register("210411100202", alone);
        dibaoFrom(onDibao, alone, "2022-02-01");

        String body = mvc.perform(get("/api/medical-insurance/premium-subsidies?county=210411&year=2022&size=1")
                        .header("Authorization", ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long persons = ((Number) JsonPath.read(body, "$.total")).longValue();
        BigDecimal amount = new BigDecimal(String.valueOf((Object) JsonPath.read(body, "$.totalAmount")));
        assertThat(persons).as("three persons subsidised, one of them in full").isGreaterThanOrEqualTo(3);
        MonthlyTotals january = bus.awaitEvent(Topics.MEDICAL_INSURANCE_FEED, "210411/2022-01/MEDICAL_INSURANCE",
                MonthlyTotals.class, t -> t.items().stream().anyMatch(i -> i.code().equals("PREMIUM_SUBSIDY")
                        && i.persons() == persons && i.amount().compareTo(amount) == 0)).data();
        assertThat(january.items()).filteredOn(i -> i.code().equals("PREMIUM_SUBSIDY")).singleElement()
                .satisfies(i -> assertThat(i.label()).isEqualTo("参保资助"));
    }

    private BigDecimal yearToDate(UUID household, String field) throws Exception {
        List<Object> values = JsonPath.read(yearToDateBody(household), "$.persons[*]." + field);
        return values.stream().map(v -> new BigDecimal(String.valueOf(v))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private String yearToDateBody(UUID household) throws Exception {
        return mvc.perform(get("/api/medical-insurance/households/" + household + "/year-to-date?year=2022")
                        .header("Authorization", ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<String> lines(List<MonthlyTotals.Item> items) {
        return items.stream().map(i -> i.code() + " " + i.label() + " " + i.households() + " " + i.persons() + " "
                + plain(i.amount())).toList();
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static Instant china(String date) {
        return LocalDate.parse(date).atTime(10, 0).atZone(PlatformTime.CHINA).toInstant();
    }

    private UUID register(String village, String... idNumbers) throws Exception {
        UUID householdId = UUID.randomUUID();
        List<HouseholdRegistered.Member> members = new ArrayList<>();
        for (String idNumber : idNumbers) {
            members.add(new HouseholdRegistered.Member(UUID.randomUUID(), personRefs.of(idNumber), "测试成员",
                    idNumber.substring(0, 4) + "**********" + idNumber.substring(14), members.isEmpty() ? "户主" : "配偶",
                    "FULL"));
        }
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", householdId.toString(), village,
                new HouseholdRegistered(householdId, village, HouseholdCategory.OUT_OF_POVERTY, false, "测试户主",
                        members)));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from insured_person where household_id = :h").param("h", householdId)
                .query(Long.class).single() == idNumbers.length);
        return householdId;
    }

    private void dibaoFrom(UUID householdId, String idNumber, String effectiveFrom) throws Exception {
        String ref = personRefs.of(idNumber);
        bus.publish(Topics.SOCIAL_ASSISTANCE_STATUS, EventEnvelope.of("social-assistance", householdId.toString(),
                idNumber.substring(0, 6), new AssistanceStatusChanged(UUID.randomUUID(), householdId,
                        idNumber.substring(0, 6), AssistanceStatusChanged.Programme.DIBAO,
                        AssistanceStatusChanged.Status.GRANTED,
                        List.of(new AssistanceStatusChanged.Person(UUID.randomUUID(), ref)),
                        new BigDecimal("520.00"), LocalDate.parse(effectiveFrom), "低保", Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from cover_status where person_ref = :r")
                .param("r", ref).query(Long.class).single() == 1);
    }

    private static String row(String id, String idNumber, String settledOn, String total, String range, String basic) {
        return """
                {"settlementId":"%s","idNumber":"%s","insuredCounty":"%s","hospital":"抚顺市示例医院","settledOn":"%s",
                 "totalCost":%s,"policyRangeCost":%s,"basicInsurancePaid":%s}"""
                .formatted(id, idNumber, idNumber.substring(0, 6), settledOn, total, range, basic);
    }
}
