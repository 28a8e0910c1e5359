package fushun.socialassistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fushun.contracts.Bureau;
import fushun.contracts.EventCodec;
import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.Topics;
import fushun.contracts.feed.MonthlyTotals;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.platform.PlatformTime;
import fushun.platform.security.Jurisdiction;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.MovableClock;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import fushun.socialassistance.temporaryaid.ReserveFunds;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Civil affairs' monthly totals (MonthlyTotals on social-assistance.feed.v1) as the service's own
 * API reports the money: a payroll run and temporary-aid payouts of one county and month, through
 * the real broker and PostgreSQL. In 新抚区 (210402), where no other test decides or pays, in
 * September to November 2025, months no other test uses; the clock is moved and put back.
 */
@ServiceIntegrationTest
class MonthlyTotalsIT {

    private static final String COUNTY = "210402";
    private static final String TOWNSHIP = "210402100";
    private static final YearMonth OCTOBER = YearMonth.of(2025, 10);
    private static final String KEY = "210402/2025-10/CIVIL_AFFAIRS";
    private static final String OPERATOR = "Bearer " + TestTokens.user("xinfu-operator", COUNTY, "civil-affairs-operator");
    private static final String REVIEWER = "Bearer " + TestTokens.user("xinfu-reviewer", COUNTY, "civil-affairs-reviewer");
    private static final String APPROVER = "Bearer " + TestTokens.user("xinfu-approver", COUNTY, "civil-affairs-approver");

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired EventCodec codec;
    @Autowired JdbcClient jdbc;
    @Autowired MovableClock clock;
    @Autowired ReserveFunds funds;

    record Person(UUID id, String name, String relationship, String capacity) {
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldPublishWhatThePayrollAndThePaidPayoutsPaidAndNothingForARunThatPaysNothingOrARefusal() throws Exception {
        clock.set(chinaMorning("2025-09-20"));
        Person head = new Person(UUID.randomUUID(), "周示山", "户主", "PARTIAL");
        Person spouse = new Person(UUID.randomUUID(), "吴示兰", "配偶", "NONE");
        Person son = new Person(UUID.randomUUID(), "周示林", "子女", "FULL");
        UUID family = register(TOWNSHIP + "201", HouseholdCategory.OUT_OF_POVERTY, head, spouse, son);
        Person elder = new Person(UUID.randomUUID(), "郑示福", "户主", "NONE");
        UUID alone = register(TOWNSHIP + "202", HouseholdCategory.OUT_OF_POVERTY, elder);
        String dibao = granted(family, "DIBAO", List.of(), "12000", "1800", "4000",
                member(head, "PARTIAL", "2000"), member(spouse, "NONE", "0"), member(son, "FULL", "10000"));
        String tekun = granted(alone, "TEKUN", List.of(elder.id()), "1200", "1200", "0", member(elder, "NONE", "0"));

        // The payroll of October, run in October: both grants paid, as the run answers.
        clock.set(chinaMorning("2025-10-08"));
        String run = payroll().andExpect(status().isOk()).andExpect(jsonPath("$.paid").value(2))
                .andReturn().getResponse().getContentAsString();
        BigDecimal runTotal = new BigDecimal(JsonPath.read(run, "$.total").toString());
        Paid dibaoPaid = paidInOctober(dibao);
        Paid tekunPaid = paidInOctober(tekun);
        assertThat(dibaoPaid.persons()).isEqualTo(3);
        assertThat(tekunPaid.persons()).isEqualTo(1);
        assertThat(dibaoPaid.amount().add(tekunPaid.amount())).isEqualByComparingTo(runTotal);

        List<MonthlyTotals.Item> payrollLines = List.of(
                new MonthlyTotals.Item("DIBAO", "农村低保金", 1, 3, dibaoPaid.amount()),
                new MonthlyTotals.Item("TEKUN", "特困供养金", 1, 1, tekunPaid.amount()));
        EventEnvelope<MonthlyTotals> afterPayroll = bus.awaitEvent(Topics.SOCIAL_ASSISTANCE_FEED, KEY, MonthlyTotals.class);
        assertThat(afterPayroll.divisionCode()).isEqualTo(COUNTY);
        MonthlyTotals totals = afterPayroll.data();
        assertThat(totals.bureau()).isEqualTo(Bureau.CIVIL_AFFAIRS);
        assertThat(totals.county()).isEqualTo(COUNTY);
        assertThat(totals.month()).isEqualTo("2025-10");
        assertThat(totals.items()).usingRecursiveFieldByFieldElementComparator(amountsByValue())
                .containsExactlyElementsOf(payrollLines);
        // counted at the service's clock (October 2025), not the machine's
        assertThat(PlatformTime.today(java.time.Clock.fixed(totals.computedAt(), PlatformTime.CHINA)))
                .isEqualTo(LocalDate.parse("2025-10-08"));
        assertThat(published()).isEqualTo(1);

        // The same payroll again pays nobody and publishes nothing.
        payroll().andExpect(status().isOk()).andExpect(jsonPath("$.paid").value(0))
                .andExpect(jsonPath("$.alreadyPaid").value(2));
        assertThat(published()).isEqualTo(1);

        // Temporary aid from the township's fund: the green channel is paid at once and counted.
        mvc.perform(post("/api/social-assistance/reserve-funds/" + TOWNSHIP + "/top-ups").header("Authorization", OPERATOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":10000.00,\"reason\":\"县级拨付\"}"))
                .andExpect(status().isOk());
        assertThat(published()).isEqualTo(1);
        clock.set(chinaMorning("2025-10-12"));
        String green = payout(family, "1500.00", true);
        assertThat(published()).isEqualTo(2);
        assertThat(newest().items()).usingRecursiveFieldByFieldElementComparator(amountsByValue())
                .containsExactlyElementsOf(withFund(payrollLines));

        // An ordinary payout publishes nothing while it waits, and is counted when its review approves it.
        clock.set(chinaMorning("2025-10-15"));
        String ordinary = payout(alone, "800.00", false);
        assertThat(published()).isEqualTo(2);
        review(ordinary, true).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DONE"));
        assertThat(published()).isEqualTo(3);

        // A refused payout paid nothing and publishes nothing; nor does the green channel's later review.
        String refused = payout(family, "300.00", false);
        review(refused, false).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REFUSED"));
        review(green, true).andExpect(status().isOk());
        assertThat(published()).isEqualTo(3);

        List<MonthlyTotals.Item> expected = withFund(payrollLines);
        MonthlyTotals last = newest();
        assertThat(last.items()).usingRecursiveFieldByFieldElementComparator(amountsByValue())
                .containsExactlyElementsOf(expected);
        assertThat(last.items().get(2).households()).isEqualTo(2);
        assertThat(last.items().get(2).amount()).isEqualByComparingTo("2300.00");
        assertThat(last.computedAt()).isAfter(afterPayroll.data().computedAt());
        // and the last one counted is the one the topic carries last
        EventEnvelope<MonthlyTotals> onTheTopic = bus.awaitEvent(Topics.SOCIAL_ASSISTANCE_FEED, KEY, MonthlyTotals.class,
                t -> t.computedAt().equals(last.computedAt()));
        assertThat(onTheTopic.data().items()).usingRecursiveFieldByFieldElementComparator(amountsByValue())
                .containsExactlyElementsOf(expected);

        // The family moves to 抚顺县 (its grant follows, as a move from monitoring updates it): October was
        // paid by 新抚区 and stays there when the month is counted again.
        jdbc.sql("update assistance_grant set division_code = '210421100201' where id = :g")
                .param("g", UUID.fromString(dibao)).update();
        clock.set(chinaMorning("2025-10-20"));
        payout(alone, "200.00", true);
        assertThat(published()).isEqualTo(4);
        assertThat(newest().items()).usingRecursiveFieldByFieldElementComparator(amountsByValue())
                .containsExactlyElementsOf(withFund(payrollLines));
    }

    /**
     * Payouts of one county and month paid at the same moment from four funds: each publishes the
     * month, and the one sent last counts them all (each counts after the one before committed).
     * November 2025 in 新抚区, which no other test pays in.
     */
    @Test
    void shouldSendLastTheTotalsThatCountEveryConcurrentPayoutOfTheMonth() throws Exception {
        clock.set(chinaMorning("2025-11-14"));
        String key = "210402/2025-11/CIVIL_AFFAIRS";
        Jurisdiction county = Jurisdiction.of(COUNTY);
        List<String> townships = List.of("210402101", "210402102", "210402103", "210402104");
        Map<String, List<UUID>> households = new HashMap<>();
        for (String township : townships) {
            funds.topUp(township, new BigDecimal("100000.00"), "县级拨付", "test", county);
            households.put(township, List.of(registered(township + "201"), registered(township + "202")));
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> paid = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String township = townships.get(i % 4);
            UUID household = households.get(township).get(i / 4 % 2);
            paid.add(pool.submit(() -> funds.pay(township, new ReserveFunds.Payout(UUID.randomUUID(), household, null,
                    new BigDecimal("100.00"), "并发测试", true), "test", county)));
        }
        for (Future<?> payout : paid) {
            payout.get();
        }
        pool.shutdown();

        assertThat(jdbc.sql("select count(*) from outbox_event where aggregateid = :key and type = 'MonthlyTotals'")
                .param("key", key).query(Long.class).single()).isEqualTo(32);
        String newest = jdbc.sql("select payload from outbox_event where aggregateid = :key and type = 'MonthlyTotals'"
                        + " order by id desc limit 1")
                .param("key", key).query(String.class).single();
        // eight payouts of 100 from each fund, to its two households
        assertThat(codec.read(newest, MonthlyTotals.class).data().items())
                .usingRecursiveFieldByFieldElementComparator(amountsByValue())
                .containsExactlyElementsOf(townships.stream().map(township -> new MonthlyTotals.Item(
                        "TEMPORARY_AID:" + township, "临时救助（" + township + "备用金）", 2, 0, new BigDecimal("800.00")))
                        .toList());
    }

    private UUID registered(String village) {
        return RosterFixtures.registered(jdbc, village, UUID.randomUUID(), "FULL");
    }

    // ---- what the service's own API reports ----

    /** One grant's October: the amount its schedule shows paid and the persons it still covered. */
    record Paid(BigDecimal amount, long persons) {
    }

    private Paid paidInOctober(String grantId) throws Exception {
        String detail = mvc.perform(get("/api/social-assistance/grants/" + grantId).header("Authorization", OPERATOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Object> paid = JsonPath.read(detail, "$.schedule[?(@.month == '2025-10' && @.paid == true)].amount");
        assertThat(paid).hasSize(1);
        List<String> stops = JsonPath.read(detail, "$.covered[*].stopMonth");
        long persons = stops.stream().filter(stop -> stop == null || YearMonth.parse(stop).isAfter(OCTOBER)).count();
        return new Paid(new BigDecimal(paid.get(0).toString()), persons);
    }

    /** The payroll's lines and the township fund's, as the fund's movements show its payouts paid. */
    private List<MonthlyTotals.Item> withFund(List<MonthlyTotals.Item> payrollLines) throws Exception {
        String movements = mvc.perform(get("/api/social-assistance/reserve-funds/" + TOWNSHIP + "/movements?size=100")
                        .header("Authorization", OPERATOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> paid = JsonPath.read(movements, "$.items[?(@.kind == 'PAYOUT' && @.status == 'DONE')]");
        Set<Object> households = new HashSet<>();
        BigDecimal amount = BigDecimal.ZERO;
        for (Map<String, Object> payout : paid) {
            households.add(payout.get("householdId"));
            amount = amount.add(new BigDecimal(payout.get("amount").toString()));
        }
        List<MonthlyTotals.Item> lines = new java.util.ArrayList<>(payrollLines);
        lines.add(new MonthlyTotals.Item("TEMPORARY_AID:" + TOWNSHIP, "临时救助（" + TOWNSHIP + "备用金）",
                households.size(), 0, amount));
        return lines;
    }

    // ---- what the service published ----

    private long published() {
        return jdbc.sql("select count(*) from outbox_event where aggregateid = :key and type = 'MonthlyTotals'")
                .param("key", KEY).query(Long.class).single();
    }

    private MonthlyTotals newest() {
        String payload = jdbc.sql("""
                        select payload from outbox_event where aggregateid = :key and type = 'MonthlyTotals'
                        and topic = :topic order by id desc limit 1""")
                .param("key", KEY).param("topic", Topics.SOCIAL_ASSISTANCE_FEED).query(String.class).single();
        return codec.read(payload, MonthlyTotals.class).data();
    }

    /** Amounts compared as numbers: 1500.00 is 1500.0. */
    private static RecursiveComparisonConfiguration amountsByValue() {
        return RecursiveComparisonConfiguration.builder()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build();
    }

    // ---- steps through the API ----

    private ResultActions payroll() throws Exception {
        return mvc.perform(post("/api/social-assistance/payrolls").header("Authorization", OPERATOR)
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("county", COUNTY, "month", "2025-10"))));
    }

    /** Recorded by the operator; the movement's id. */
    private String payout(UUID household, String amount, boolean greenChannel) throws Exception {
        String taken = mvc.perform(post("/api/social-assistance/reserve-funds/" + TOWNSHIP + "/payouts")
                        .header("Authorization", OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("requestId", UUID.randomUUID(), "householdId", household,
                                "amount", new BigDecimal(amount), "reason", "临时困难", "greenChannel", greenChannel))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(taken, "$.payout.id");
    }

    private ResultActions review(String movementId, boolean approve) throws Exception {
        return mvc.perform(post("/api/social-assistance/reserve-funds/" + TOWNSHIP + "/payouts/" + movementId + "/review")
                .header("Authorization", REVIEWER).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("approve", approve, "note", approve ? "核查属实" : "核查不属实"))));
    }

    /** Submitted by the operator, reviewed in favour and approved by two others; the grant's id. */
    @SafeVarargs
    private String granted(UUID householdId, String programme, List<UUID> covered, String income, String pension,
                           String illness, Map<String, Object>... members) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("householdId", householdId);
        body.put("programme", programme);
        body.put("coveredPersons", covered);
        body.put("declaration", Map.of("totalIncome", new BigDecimal(income), "basicPension", new BigDecimal(pension),
                "illnessSpending", new BigDecimal(illness), "schoolingSpending", 0, "employmentCosts", 0));
        body.put("members", List.of(members));
        String applicationId = JsonPath.read(mvc.perform(post("/api/social-assistance/applications")
                        .header("Authorization", OPERATOR).contentType(MediaType.APPLICATION_JSON).content(json(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/social-assistance/applications/" + applicationId + "/review")
                        .header("Authorization", REVIEWER).contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("recommend", true, "opinion", "乡镇审核：情况属实"))))
                .andExpect(status().isOk());
        return JsonPath.read(mvc.perform(post("/api/social-assistance/applications/" + applicationId + "/decision")
                        .header("Authorization", APPROVER).contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("approve", true, "reason", "入户核查属实"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("GRANTED"))
                .andReturn().getResponse().getContentAsString(), "$.grantId");
    }

    private UUID register(String village, HouseholdCategory category, Person... people) throws Exception {
        UUID householdId = UUID.randomUUID();
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", householdId.toString(), village,
                new HouseholdRegistered(householdId, village, category, false, people[0].name(),
                        Arrays.stream(people).map(p -> new HouseholdRegistered.Member(p.id(),
                                UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""),
                                p.name(), "2104**********0000", p.relationship(), p.capacity())).toList())));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from roster_member where household_id = :h")
                .param("h", householdId).query(Long.class).single() == people.length);
        return householdId;
    }

    private static Map<String, Object> member(Person p, String capacity, String ownIncome) {
        return Map.of("personId", p.id(), "capacity", capacity, "ownYearlyIncome", new BigDecimal(ownIncome),
                "underSixteen", false);
    }

    /** 10:00 in China on the given day. */
    private static Instant chinaMorning(String date) {
        return LocalDate.parse(date).atTime(10, 0).atZone(PlatformTime.CHINA).toInstant();
    }

    private static String json(Object body) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
    }
}
