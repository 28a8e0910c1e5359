package fushun.socialassistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fushun.platform.security.Jurisdiction;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import fushun.socialassistance.temporaryaid.ReserveFunds;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Separation of duties (职责分离) on civil affairs' decisions about money and status, found missing
 * by a penetration test: one operator submitted and approved the same dibao application, and recorded
 * and reviewed the same green-channel payout. The operator submits and records, a reviewer reviews,
 * an approver approves, and one person never takes two steps on the same matter, even holding every
 * role. All in 望花区 (210404), which no other test uses.
 */
@ServiceIntegrationTest
class SeparationOfDutiesIT {

    private static final String COUNTY = "210404";
    private static final String TOWNSHIP = "210404100";
    private static final String OPERATOR = token("ca-operator", "civil-affairs-operator");
    // one clerk holding several roles, as in a small township: the roles let them act, the rule does not
    private static final String OPERATOR_WHO_ALSO_REVIEWS = token("ca-operator", "civil-affairs-operator",
            "civil-affairs-reviewer");
    private static final String OPERATOR_WHO_ALSO_APPROVES = token("ca-operator", "civil-affairs-operator",
            "civil-affairs-approver");
    private static final String REVIEWER = token("ca-reviewer", "civil-affairs-reviewer");
    private static final String REVIEWER_WHO_ALSO_APPROVES = token("ca-reviewer", "civil-affairs-reviewer",
            "civil-affairs-approver");
    private static final String APPROVER = token("ca-approver", "civil-affairs-approver");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ReserveFunds funds;

    @Test
    void shouldGrantOnlyWhenThreeDifferentPeopleSubmitReviewAndApprove() throws Exception {
        UUID person = UUID.randomUUID();
        UUID household = registered(TOWNSHIP + "201", person);
        // 500.04 a year for one person: (520 - 41.67) = 478.33 a month, the amount in the finding
        String applicationId = JsonPath.read(submit(OPERATOR, household, person, "500.04")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.submittedBy").value("ca-operator"))
                .andReturn().getResponse().getContentAsString(), "$.id");

        // an operator without the roles
        review(OPERATOR, applicationId).andExpect(status().isForbidden()).andExpect(jsonPath("$.title").value("无权访问"));
        decide(OPERATOR, applicationId).andExpect(status().isForbidden()).andExpect(jsonPath("$.title").value("无权访问"));
        // the submitter cannot review, whatever roles they hold
        review(OPERATOR_WHO_ALSO_REVIEWS, applicationId).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.title").value("职责分离（四眼原则）"))
                .andExpect(jsonPath("$.detail").value(allOf(containsString("该申请由您本人提交，您不能再审核"),
                        containsString("You submitted this application yourself, so you cannot review it"))));
        // nobody approves before the township's review
        decide(APPROVER, applicationId).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("尚未审核"));

        review(REVIEWER, applicationId).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVIEWED"))
                .andExpect(jsonPath("$.reviewedBy").value("ca-reviewer"))
                .andExpect(jsonPath("$.reviewRecommends").value(true));

        // the submitter cannot approve, the reviewer cannot approve
        decide(OPERATOR_WHO_ALSO_APPROVES, applicationId).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("该申请由您本人提交，您不能再审批"),
                        containsString("You submitted this application yourself, so you cannot approve it"))));
        decide(REVIEWER_WHO_ALSO_APPROVES, applicationId).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("该申请由您本人审核，您不能再审批"),
                        containsString("You reviewed this application yourself, so you cannot approve it"))));
        mvc.perform(get("/api/social-assistance/applications/" + applicationId).header("Authorization", APPROVER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVIEWED"))
                .andExpect(jsonPath("$.decidedBy").isEmpty());
        assertThat(count("select count(*) from assistance_grant where household_id = :h", household)).isZero();
        assertThat(count("select count(*) from outbox_event where aggregateid = :h", household.toString())).isZero();

        // three different people: granted, each step on record
        String decided = decide(APPROVER, applicationId).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("GRANTED"))
                .andExpect(jsonPath("$.determination.monthlyAmount").value(478.33))
                .andExpect(jsonPath("$.submittedBy").value("ca-operator"))
                .andExpect(jsonPath("$.reviewedBy").value("ca-reviewer"))
                .andExpect(jsonPath("$.decidedBy").value("ca-approver"))
                .andReturn().getResponse().getContentAsString();
        String grantId = JsonPath.read(decided, "$.grantId");
        // the reviewers and approvers read the queues they act on
        mvc.perform(get("/api/social-assistance/applications?status=GRANTED&size=100").header("Authorization", REVIEWER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '" + applicationId + "')]").exists());

        // the benefit's review (复核): not by whoever submitted the application, not by an operator or an approver
        reviewGrant(OPERATOR_WHO_ALSO_REVIEWS, grantId).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("该待遇的申请由您本人提交，您不能再审核"),
                        containsString("You submitted the application for this benefit yourself"))));
        reviewGrant(OPERATOR, grantId).andExpect(status().isForbidden());
        reviewGrant(APPROVER, grantId).andExpect(status().isForbidden());
        assertThat(count("select count(*) from grant_review where grant_id = :h", UUID.fromString(grantId))).isZero();
        reviewGrant(REVIEWER, grantId).andExpect(status().isOk())
                .andExpect(jsonPath("$.grant.status").value("ACTIVE"))
                .andExpect(jsonPath("$.reviews[0].decidedBy").value("ca-reviewer"));

        // the payroll is an operator's: it pays only what was approved
        mvc.perform(post("/api/social-assistance/payrolls").header("Authorization", REVIEWER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"county\":\"" + COUNTY + "\",\"month\":\"2026-01\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void shouldPayAnOrdinaryPayoutOnlyWhenSomeoneElseApprovesItsReview() throws Exception {
        String township = "210404101";
        funds.topUp(township, new BigDecimal("1000.00"), "县级拨付", "test", Jurisdiction.of(COUNTY));
        UUID household = registered(township + "201", UUID.randomUUID());
        UUID requestId = UUID.randomUUID();

        String recorded = payout(township, OPERATOR, household, requestId, "600.00", false).andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(1000.00))
                .andExpect(jsonPath("$.payout.status").value("PENDING"))
                .andExpect(jsonPath("$.payout.recordedBy").value("ca-operator"))
                .andReturn().getResponse().getContentAsString();
        String payoutId = JsonPath.read(recorded, "$.payout.id");
        assertThat(count("select count(*) from outbox_event where aggregateid = :h", household.toString())).isZero();
        mvc.perform(get("/api/social-assistance/reserve-funds/" + township + "/payouts/awaiting-review")
                        .header("Authorization", REVIEWER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '" + payoutId + "')].status").value("PENDING"));

        // an operator without the role; the recorder, whatever roles they hold
        reviewPayout(township, OPERATOR, payoutId, true).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("无权访问"));
        reviewPayout(township, OPERATOR_WHO_ALSO_REVIEWS, payoutId, true).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("职责分离（四眼原则）"))
                .andExpect(jsonPath("$.detail").value(allOf(containsString("该笔临时救助支付由您本人经办，您不能再审核"),
                        containsString("You recorded this temporary-aid payout yourself, so you cannot review it"))));
        balance(township, "1000.00");

        reviewPayout(township, REVIEWER, payoutId, true).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.reviewedBy").value("ca-reviewer"))
                .andExpect(jsonPath("$.reviewApproved").value(true));
        balance(township, "400.00");
        assertThat(count("select count(*) from outbox_event where aggregateid = :h and type = 'AssistanceStatusChanged'",
                household.toString())).isEqualTo(1);
        // the same request again: the payout as it stands, nothing paid twice
        payout(township, OPERATOR, household, requestId, "600.00", false).andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(400.00))
                .andExpect(jsonPath("$.payout.status").value("DONE"));

        // one that no longer fits stays waiting; refused, nothing is paid
        UUID another = registered(township + "202", UUID.randomUUID());
        String waiting = JsonPath.read(payout(township, OPERATOR, another, UUID.randomUUID(), "600.00", false)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.payout.id");
        reviewPayout(township, REVIEWER, waiting, true).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("备用金余额不足"));
        reviewPayout(township, REVIEWER, waiting, false).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REFUSED"))
                .andExpect(jsonPath("$.reviewApproved").value(false));
        reviewPayout(township, REVIEWER, waiting, true).andExpect(status().isNotFound());
        balance(township, "400.00");
        assertThat(count("select count(*) from outbox_event where aggregateid = :h", another.toString())).isZero();
    }

    @Test
    void shouldKeepTheRecorderOfAGreenChannelPayoutFromReviewingIt() throws Exception {
        String township = "210404102";
        funds.topUp(township, new BigDecimal("1000.00"), "县级拨付", "test", Jurisdiction.of(COUNTY));
        String paid = payout(township, OPERATOR, registered(township + "201", UUID.randomUUID()), UUID.randomUUID(),
                "300.00", true).andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(700.00))
                .andExpect(jsonPath("$.payout.status").value("DONE"))
                .andReturn().getResponse().getContentAsString();
        String payoutId = JsonPath.read(paid, "$.payout.id");

        reviewPayout(township, OPERATOR_WHO_ALSO_REVIEWS, payoutId, true).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("该笔临时救助支付由您本人经办")));
        // found not due: recorded; recovering the money is a case of its own
        reviewPayout(township, REVIEWER, payoutId, false).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.reviewApproved").value(false))
                .andExpect(jsonPath("$.reviewedBy").value("ca-reviewer"));
        balance(township, "700.00");
    }

    // ---- helpers ----

    private static String token(String username, String... roles) {
        return "Bearer " + TestTokens.user(username, COUNTY, roles);
    }

    private ResultActions submit(String token, UUID household, UUID person, String income) throws Exception {
        return mvc.perform(post("/api/social-assistance/applications").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("householdId", household, "programme", "DIBAO",
                        "coveredPersons", List.of(),
                        "declaration", Map.of("totalIncome", new BigDecimal(income), "basicPension", 0,
                                "illnessSpending", 0, "schoolingSpending", 0, "employmentCosts", 0),
                        "members", List.of(Map.of("personId", person, "capacity", "NONE",
                                "ownYearlyIncome", new BigDecimal(income), "underSixteen", false))))));
    }

    private ResultActions review(String token, String applicationId) throws Exception {
        return mvc.perform(post("/api/social-assistance/applications/" + applicationId + "/review")
                .header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"recommend\":true,\"opinion\":\"乡镇审核：入户核查属实\"}"));
    }

    private ResultActions decide(String token, String applicationId) throws Exception {
        return mvc.perform(post("/api/social-assistance/applications/" + applicationId + "/decision")
                .header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"approve\":true,\"reason\":\"无劳动能力，收入低于低保标准\"}"));
    }

    private ResultActions reviewGrant(String token, String grantId) throws Exception {
        return mvc.perform(post("/api/social-assistance/grants/" + grantId + "/reviews")
                .header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"eligible\":true,\"reason\":\"复核：情况未变\"}"));
    }

    private ResultActions payout(String township, String token, UUID household, UUID requestId, String amount,
                                 boolean greenChannel) throws Exception {
        return mvc.perform(post("/api/social-assistance/reserve-funds/" + township + "/payouts")
                .header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("requestId", requestId, "householdId", household, "amount", new BigDecimal(amount),
                        "reason", "房屋失火，生活困难", "greenChannel", greenChannel))));
    }

    private ResultActions reviewPayout(String township, String token, String payoutId, boolean approve) throws Exception {
        return mvc.perform(post("/api/social-assistance/reserve-funds/" + township + "/payouts/" + payoutId + "/review")
                .header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("approve", approve, "note", approve ? "核查属实" : "核查不属实"))));
    }

    private void balance(String township, String expected) throws Exception {
        mvc.perform(get("/api/social-assistance/reserve-funds/" + township).header("Authorization", APPROVER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(new BigDecimal(expected).doubleValue()));
    }

    /** A one-person household of the village as its registration would have left it in this service's roster. */
    private UUID registered(String village, UUID person) {
        return RosterFixtures.registered(jdbc, village, person, "NONE");
    }

    private long count(String sql, Object household) {
        return jdbc.sql(sql).param("h", household).query(Long.class).single();
    }

    private static String json(Object body) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
    }
}
