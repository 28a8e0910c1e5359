package fushun.socialassistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.platform.security.Jurisdiction;
import fushun.contracts.Topics;
import com.jayway.jsonpath.JsonPath;
import fushun.contracts.bureau.MeasureApplied;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import fushun.platform.web.RuleViolationException;
import fushun.socialassistance.temporaryaid.ReserveFunds;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The township reserve fund on a real PostgreSQL: limits, refusals, and no overdraft under concurrent payouts. */
@ServiceIntegrationTest
class ReserveFundIT {

    private static final String XINBIN = "Bearer " + TestTokens.user("xinbin-operator", "210422", "civil-affairs-operator");
    private static final String XINBIN_REVIEWER = "Bearer " + TestTokens.user("xinbin-ca-reviewer", "210422100",
            "civil-affairs-reviewer");

    @Autowired MockMvc mvc;
    @Autowired ReserveFunds funds;
    @Autowired JdbcClient jdbc;
    @Autowired EventBus bus;

    /** Green-channel payouts, paid at once (an ordinary one is paid by its review, through the same update). */
    @Test
    void shouldNeverOverdrawUnderConcurrentPayouts() throws Exception {
        String township = "210422101";
        Jurisdiction county = Jurisdiction.of("210422");
        funds.topUp(township, new BigDecimal("10000.00"), "县级拨付", "test", county);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Callable<Boolean> payout = () -> {
                try {
                    funds.pay(township, new ReserveFunds.Payout(UUID.randomUUID(), registered(township + "201"), null,
                            new BigDecimal("900.00"), "并发测试", true), "test", county);
                    return true;
                } catch (RuleViolationException refused) {
                    return false;
                }
            };
            results.add(pool.submit(payout));
        }
        long paid = 0;
        for (Future<Boolean> result : results) {
            if (result.get()) {
                paid++;
            }
        }
        pool.shutdown();

        assertThat(paid).isEqualTo(11);
        assertThat(funds.fund(township, county).balance()).isEqualByComparingTo("100.00");
        assertThat(jdbc.sql("select count(*) from fund_movement where township_code = :t and kind = 'PAYOUT'")
                .param("t", township).query(Long.class).single()).isEqualTo(11);
    }

    @Test
    void shouldRefuseOverLimitAndOverBalanceAndOtherCountiesWithoutChangingTheFund() throws Exception {
        String township = "210422102";
        mvc.perform(post("/api/social-assistance/reserve-funds/" + township + "/top-ups").header("Authorization", XINBIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":3000.00,\"reason\":\"县级拨付\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.balance").value(3000.00));

        payout(township, XINBIN, "6000.00").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("超过救助上限"));
        payout(township, XINBIN, "3500.00").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("备用金余额不足"));
        payout(township, "Bearer " + TestTokens.user("qingyuan-operator", "210423", "civil-affairs-operator"), "100.00")
                .andExpect(status().isNotFound());
        payout(township, XINBIN, "-5").andExpect(status().isBadRequest());
        mvc.perform(get("/api/social-assistance/reserve-funds/" + township).header("Authorization", XINBIN))
                .andExpect(jsonPath("$.balance").value(3000.00));

        payout(township, XINBIN, "100.00", registered("210423100201"), UUID.randomUUID())
                .andExpect(status().isNotFound());
        payout(township, XINBIN, "100.00", registered("210422199201"), UUID.randomUUID())
                .andExpect(status().isNotFound());
        payout(township, XINBIN, "100.00", UUID.randomUUID(), UUID.randomUUID()).andExpect(status().isNotFound());
        mvc.perform(post("/api/social-assistance/reserve-funds/" + township + "/payouts").header("Authorization", XINBIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"householdId\":\"" + registered(township + "201")
                                + "\",\"amount\":100,\"reason\":\"没有请求编号\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'requestId')]").exists());
        mvc.perform(get("/api/social-assistance/reserve-funds/" + township).header("Authorization", XINBIN))
                .andExpect(jsonPath("$.balance").value(3000.00));

        // A retried request (same request id) pays once.
        UUID household = registered(township + "201");
        UUID requestId = UUID.randomUUID();
        payout(township, XINBIN, "2000.00", household, requestId).andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(1000.00));
        payout(township, XINBIN, "2000.00", household, requestId).andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(1000.00));
        assertThat(jdbc.sql("select count(*) from outbox_event where aggregateid = :h and type = 'AssistanceStatusChanged'")
                .param("h", household.toString()).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/social-assistance/reserve-funds/" + township + "/movements").header("Authorization", XINBIN))
                .andExpect(jsonPath("$.items[0].kind").value("PAYOUT"))
                .andExpect(jsonPath("$.items[0].greenChannel").value(true))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void shouldReportAPayoutForACaseToMonitoringAsAMeasure() throws Exception {
        String township = "210422100";
        UUID household = registered(township + "201");
        UUID alert = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        jdbc.sql("""
                insert into assistance_case (id, household_id, alert_id, assignment_id, division_code, risk_types, explanation,
                                             status, due_date)
                values (:id, :h, :a, :s, '210422100201', 'ACCIDENT', '测试', 'OPEN', current_date + 7)""")
                .param("id", caseId).param("h", household).param("a", alert).param("s", assignment).update();
        funds.topUp(township, new BigDecimal("5000.00"), "县级拨付", "test", Jurisdiction.of("210422"));

        mvc.perform(post("/api/social-assistance/reserve-funds/" + township + "/payouts").header("Authorization", XINBIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"requestId\":\"" + UUID.randomUUID()
                                + "\",\"householdId\":\"" + household + "\",\"caseId\":\""
                                + caseId + "\",\"amount\":1500.00,\"reason\":\"意外事故\",\"greenChannel\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.balance").value(3500.00));

        MeasureApplied measure = bus.awaitEvent(Topics.SOCIAL_ASSISTANCE_MEASURE, household.toString(), MeasureApplied.class).data();
        assertThat(measure.assignmentId()).isEqualTo(assignment);
        assertThat(measure.measure()).isEqualTo("TEMPORARY_AID");
        assertThat(measure.amount()).isEqualByComparingTo("1500.00");
        // fixed words on the bus: the operator's reason stays in civil affairs
        assertThat(measure.description()).doesNotContain("意外事故").contains("绿色通道");
        AssistanceStatusChanged paid = bus.awaitEvent(Topics.SOCIAL_ASSISTANCE_STATUS, household.toString(),
                AssistanceStatusChanged.class).data();
        assertThat(paid.programme()).isEqualTo(AssistanceStatusChanged.Programme.TEMPORARY_AID);
        assertThat(paid.status()).isEqualTo(AssistanceStatusChanged.Status.PAID);
        assertThat(paid.amount()).isEqualByComparingTo("1500.00");
        assertThat(paid.persons()).hasSize(1).allSatisfy(p -> assertThat(p.personRef()).isEqualTo("f".repeat(64)));

        // Paid first through the green channel, reviewed afterwards by the township's reviewer, once.
        String awaiting = mvc.perform(get("/api/social-assistance/reserve-funds/" + township + "/payouts/awaiting-review")
                        .header("Authorization", XINBIN_REVIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> ids = JsonPath.read(awaiting, "$.items[?(@.householdId == '" + household + "')].id");
        assertThat(ids).hasSize(1);
        mvc.perform(post("/api/social-assistance/reserve-funds/" + township + "/payouts/" + ids.get(0) + "/review")
                        .header("Authorization", XINBIN_REVIEWER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"事后核查属实\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'approve')]").exists());
        mvc.perform(post("/api/social-assistance/reserve-funds/" + township + "/payouts/" + ids.get(0) + "/review")
                        .header("Authorization", XINBIN_REVIEWER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approve\":true,\"note\":\"事后核查属实\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reviewNote").value("事后核查属实"))
                .andExpect(jsonPath("$.reviewApproved").value(true))
                .andExpect(jsonPath("$.recordedBy").value("xinbin-operator"))
                .andExpect(jsonPath("$.reviewedBy").value("xinbin-ca-reviewer"));
        mvc.perform(post("/api/social-assistance/reserve-funds/" + township + "/payouts/" + ids.get(0) + "/review")
                        .header("Authorization", XINBIN_REVIEWER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approve\":true,\"note\":\"再审一次\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/social-assistance/reserve-funds/" + township + "/payouts/awaiting-review")
                        .header("Authorization", XINBIN_REVIEWER))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + household + "')]").isEmpty());

        mvc.perform(post("/api/social-assistance/reserve-funds/" + township + "/payouts").header("Authorization", XINBIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"requestId\":\"" + UUID.randomUUID()
                                + "\",\"householdId\":\"" + registered(township + "201") + "\",\"caseId\":\""
                                + caseId + "\",\"amount\":100.00,\"reason\":\"错配\"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/social-assistance/reserve-funds/" + township).header("Authorization", XINBIN))
                .andExpect(jsonPath("$.balance").value(3500.00));
    }

    @Test
    void shouldScopeARequestIdToItsFundAndRefuseItForADifferentPayout() throws Exception {
        String first = "210422103";
        String second = "210422104";
        Jurisdiction county = Jurisdiction.of("210422");
        funds.topUp(first, new BigDecimal("5000.00"), "县级拨付", "test", county);
        funds.topUp(second, new BigDecimal("5000.00"), "县级拨付", "test", county);
        UUID requestId = UUID.randomUUID();
        UUID household = registered(first + "201");

        payout(first, XINBIN, "500.00", household, requestId).andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(4500.00));
        // the same id in another township's fund is another payout: paid, not silently dropped
        payout(second, XINBIN, "500.00", registered(second + "201"), requestId).andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(4500.00));
        // the same id with another amount in the first fund: 409, nothing paid
        payout(first, XINBIN, "600.00", household, requestId).andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("请求编号已使用"));
        // the very same request again: the first answer, nothing more paid
        payout(first, XINBIN, "500.00", household, requestId).andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(4500.00));
        assertThat(jdbc.sql("select count(*) from fund_movement where request_id = :r").param("r", requestId)
                .query(Long.class).single()).isEqualTo(2);
    }

    /** In 东洲区 (210403), which no other test uses. */
    @Test
    void shouldPageMovementsAndPayoutsAwaitingReviewWithTheirTotals() throws Exception {
        String township = "210403101";
        Jurisdiction county = Jurisdiction.of("210403");
        String operator = "Bearer " + TestTokens.user("dongzhou-operator", "210403", "civil-affairs-operator");
        String reviewer = "Bearer " + TestTokens.user("dongzhou-reviewer", township, "civil-affairs-reviewer");
        for (int i = 0; i < 2; i++) {
            funds.topUp(township, new BigDecimal("5000.00"), "县级拨付", "test", county);
        }
        UUID first = registered(township + "201");
        UUID second = registered(township + "202");
        List<String> waiting = new ArrayList<>();
        for (UUID household : List.of(first, first, second)) {
            waiting.add(funds.pay(township, new ReserveFunds.Payout(UUID.randomUUID(), household, null,
                    new BigDecimal("300.00"), "分页测试", false), "test", county).payout().id().toString());
        }

        String newest = mvc.perform(get("/api/social-assistance/reserve-funds/" + township + "/movements?size=3")
                        .header("Authorization", operator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(5))
                .andExpect(jsonPath("$.items.length()").value(3))
                .andReturn().getResponse().getContentAsString();
        String oldest = mvc.perform(get("/api/social-assistance/reserve-funds/" + township + "/movements?size=3&page=1")
                        .header("Authorization", operator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(5))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andReturn().getResponse().getContentAsString();
        List<String> kinds = new ArrayList<>(JsonPath.<List<String>>read(newest, "$.items[*].kind"));
        kinds.addAll(JsonPath.<List<String>>read(oldest, "$.items[*].kind"));
        assertThat(kinds).containsExactly("PAYOUT", "PAYOUT", "PAYOUT", "TOP_UP", "TOP_UP");

        String path = "/api/social-assistance/reserve-funds/" + township + "/payouts/awaiting-review";
        String firstPage = mvc.perform(get(path + "?size=2").header("Authorization", reviewer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andReturn().getResponse().getContentAsString();
        String secondPage = mvc.perform(get(path + "?size=2&page=1").header("Authorization", reviewer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andReturn().getResponse().getContentAsString();
        List<String> listed = new ArrayList<>(JsonPath.<List<String>>read(firstPage, "$.items[*].id"));
        listed.addAll(JsonPath.<List<String>>read(secondPage, "$.items[*].id"));
        assertThat(listed).containsExactlyElementsOf(waiting);
        mvc.perform(get(path + "?householdId=" + second).header("Authorization", reviewer))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(waiting.get(2)));

        mvc.perform(get("/api/social-assistance/reserve-funds/" + township + "/movements?size=0")
                        .header("Authorization", operator))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求无效"))
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页至少1条"));
        mvc.perform(get(path + "?size=100000").header("Authorization", reviewer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页最多500条"));
    }

    private org.springframework.test.web.servlet.ResultActions payout(String township, String token, String amount) throws Exception {
        return payout(township, token, amount, registered(township + "201"), UUID.randomUUID());
    }

    private org.springframework.test.web.servlet.ResultActions payout(String township, String token, String amount,
                                                                       UUID household, UUID requestId) throws Exception {
        return mvc.perform(post("/api/social-assistance/reserve-funds/" + township + "/payouts").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"requestId\":\"" + requestId + "\",\"householdId\":\""
                        + household + "\",\"amount\":" + amount + ",\"reason\":\"火灾应急\",\"greenChannel\":true}"));
    }

    /** A household of the village as its registration would have left it in this service's roster. */
    private UUID registered(String village) {
        return RosterFixtures.registered(jdbc, village, UUID.randomUUID(), "FULL");
    }
}
