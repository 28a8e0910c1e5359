package fushun.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.Bureau;
import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.CaseClosed;
import fushun.contracts.bureau.MeasureApplied;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.contracts.feed.FeedDeadlineMissed;
import fushun.contracts.monitoring.AssignmentEscalated;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.monitoring.assignment.Assignments;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.household.NewHousehold;
import fushun.platform.feed.FeedCompleteness;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.security.Jurisdiction;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.MovableClock;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** From the alert through every bureau's answer, escalation and the league table to the timeline. */
@ServiceIntegrationTest
class ClosedLoopIT {

    private static final String HEALTH = "Bearer " + TestTokens.user("xinbin-health", "210422", "health-officer");
    private static final String ANALYST = "Bearer " + TestTokens.user("city-analyst", "210400", "analyst");

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired HouseholdRegistry registry;
    @Autowired Assignments assignments;
    @Autowired FeedCompleteness feeds;
    @Autowired MovableClock clock;

    @Test
    void shouldCloseTheLoopEscalateTheLateAndRankTheBureaus() throws Exception {
        UUID household = registry.register(new NewHousehold("210422101201", HouseholdCategory.OUT_OF_POVERTY, false, List.of(
                new NewHousehold.NewMember("闭环测试", SyntheticIdNumbers.next(new Random(), "210422"), "户主", "FULL"))),
                Jurisdiction.of("210400"));
        bus.publish(Topics.MEDICAL_INSURANCE_SIGNAL, EventEnvelope.of("medical-insurance", household.toString(), "210422101201",
                new RiskSignalObserved(UUID.randomUUID(), household, Bureau.MEDICAL_INSURANCE, RiskType.ILLNESS, "自付超线",
                        Map.of("selfPayYearToDate", new BigDecimal("8000")), null, Instant.now())));
        RiskAlertRaised alert = bus.awaitEvent(Topics.MONITORING_RISK_ALERT, household.toString(), RiskAlertRaised.class).data();
        UUID civil = alert.assignmentFor(Bureau.CIVIL_AFFAIRS).assignmentId();
        UUID health = alert.assignmentFor(Bureau.HEALTH).assignmentId();
        UUID medical = alert.assignmentFor(Bureau.MEDICAL_INSURANCE).assignmentId();

        // civil affairs answers over Kafka; a message naming the wrong bureau changes nothing
        bus.publish(Topics.SOCIAL_ASSISTANCE_MEASURE, EventEnvelope.of("social-assistance", household.toString(), "210422101201",
                new CaseClosed(civil, alert.alertId(), household, Bureau.HOUSING, "冒名办结", Instant.now())));
        bus.publish(Topics.SOCIAL_ASSISTANCE_MEASURE, EventEnvelope.of("social-assistance", household.toString(), "210422101201",
                new MeasureApplied(UUID.randomUUID(), civil, alert.alertId(), household, Bureau.CIVIL_AFFAIRS, "TEMPORARY_AID",
                        "临时救助", new BigDecimal("2000.00"), LocalDate.now(), Instant.now())));
        bus.publish(Topics.SOCIAL_ASSISTANCE_MEASURE, EventEnvelope.of("social-assistance", household.toString(), "210422101201",
                new CaseClosed(civil, alert.alertId(), household, Bureau.CIVIL_AFFAIRS, "已救助", Instant.now())));
        // a service answering for a bureau that has none (卫健委) is not heard
        EventEnvelope<CaseClosed> forHealth = EventEnvelope.of("social-assistance", household.toString(), "210422101201",
                new CaseClosed(health, alert.alertId(), household, Bureau.HEALTH, "代办结", Instant.now()));
        bus.publish(Topics.SOCIAL_ASSISTANCE_MEASURE, forHealth);
        await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(civil).equals("CLOSED"));
        // read (its inbox entry is there) and not heard
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from inbox_event where event_id = :e")
                .param("e", forHealth.eventId()).query(Long.class).single() == 1);
        assertThat(statusOf(health)).isEqualTo("ASSIGNED");
        assertThat(jdbc.sql("select outcome from assignment where id = :id").param("id", civil).query(String.class).single())
                .isEqualTo("已救助");

        // health has no service: its officer answers through the API
        mvc.perform(post("/api/monitoring/assignments/" + health + "/measures").header("Authorization", HEALTH)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"measureType\":\"FAMILY_DOCTOR\",\"description\":\"签约家庭医生团队，每月随访\",\"appliedOn\":\"" + LocalDate.now() + "\"}"))
                .andExpect(status().isNoContent());
        assertThat(statusOf(health)).isEqualTo("MEASURE_APPLIED");
        mvc.perform(post("/api/monitoring/assignments/" + medical + "/close").header("Authorization", HEALTH)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"代办\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("请在本部门系统办理"));
        mvc.perform(post("/api/monitoring/assignments/" + health + "/close")
                        .header("Authorization", "Bearer " + TestTokens.user("qingyuan-health", "210423", "health-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"越权\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/monitoring/assignments/" + health + "/close").header("Authorization", HEALTH)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"已签约并随访\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/monitoring/assignments/" + health + "/close").header("Authorization", HEALTH)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"再次办结\"}"))
                .andExpect(status().isUnprocessableContent());

        // medical insurance lets its deadline pass: escalated once
        jdbc.sql("update assignment set due_date = current_date - 3 where id = :id").param("id", medical).update();
        assertThat(assignments.escalateOverdue()).isEqualTo(1);
        assertThat(assignments.escalateOverdue()).isZero();
        AssignmentEscalated escalated = bus.awaitEvent(Topics.MONITORING_RISK_ALERT, household.toString(), AssignmentEscalated.class).data();
        assertThat(escalated.bureau()).isEqualTo(Bureau.MEDICAL_INSURANCE);
        assertThat(escalated.daysOverdue()).isBetween(3, 4);

        mvc.perform(get("/api/monitoring/assignments?bureau=MEDICAL_INSURANCE&overdue=true").header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '" + medical + "')].overdue").value(true));
        mvc.perform(get("/api/monitoring/league-table").header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.bureau == 'HEALTH' && @.county == '210422')].closedOnTime").value(1))
                .andExpect(jsonPath("$[?(@.bureau == 'CIVIL_AFFAIRS' && @.county == '210422')].onTimeRate").value(1.0))
                .andExpect(jsonPath("$[?(@.bureau == 'MEDICAL_INSURANCE' && @.county == '210422')].escalated").value(1))
                .andExpect(jsonPath("$[?(@.bureau == 'MEDICAL_INSURANCE' && @.county == '210422')].onTimeRate").value(0.0));

        mvc.perform(get("/api/monitoring/households/" + household + "/timeline").header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("REGISTERED"))
                .andExpect(jsonPath("$[?(@.kind == 'SIGNAL')]").exists())
                .andExpect(jsonPath("$[?(@.kind == 'ALERT')]").exists())
                .andExpect(jsonPath("$[?(@.kind == 'MEASURE')].summary").value(org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.containsString("家庭医生签约，签约家庭医生团队，每月随访"))))
                .andExpect(jsonPath("$[?(@.kind == 'CLOSED')]", org.hamcrest.Matchers.hasSize(2)))
                .andExpect(jsonPath("$[?(@.kind == 'ESCALATED')]").exists());
    }

    /**
     * The bureaus without a service owe the tasks due in a month, answered by the 5th of the next, in
     * the counties where they had tasks due (报送完整性). May 2025, which no other test uses: 卫健委
     * answers in 清原 on time and in 新宾 late, 水务局 never answers in 抚顺县, 教育局 had nothing due.
     */
    @Test
    void shouldPublishOnceForEachBureauWithoutAServiceThatLeftTheMonthsTasksUnanswered() throws Exception {
        UUID healthOnTime = task("210423100201", Bureau.HEALTH, LocalDate.of(2025, 5, 20));
        UUID healthLate = task("210422100201", Bureau.HEALTH, LocalDate.of(2025, 5, 15));
        UUID water = task("210421100201", Bureau.WATER, LocalDate.of(2025, 5, 10));
        try {
            clock.set(Instant.parse("2025-05-25T02:00:00Z"));
            mvc.perform(post("/api/monitoring/assignments/" + healthOnTime + "/close")
                            .header("Authorization", "Bearer " + TestTokens.user("qingyuan-health", "210423", "health-officer"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"已随访\"}"))
                    .andExpect(status().isNoContent());
            clock.set(Instant.parse("2025-06-10T02:00:00Z"));
            mvc.perform(post("/api/monitoring/assignments/" + healthLate + "/measures").header("Authorization", HEALTH)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"measureType\":\"FAMILY_DOCTOR\",\"description\":\"签约家庭医生团队，每月随访\",\"appliedOn\":\"2025-06-10\"}"))
                    .andExpect(status().isNoContent());

            mvc.perform(get("/api/monitoring/feeds?bureau=HEALTH&month=2025-05").header("Authorization", ANALYST))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(2))
                    .andExpect(jsonPath("$.items[0].county").value("210422"))
                    .andExpect(jsonPath("$.items[0].state").value("LATE"))
                    .andExpect(jsonPath("$.items[1].state").value("ON_TIME"));
            List<FeedDeadlineMissed> first = feeds.check(java.time.YearMonth.of(2025, 5));
            List<FeedDeadlineMissed> again = feeds.check(java.time.YearMonth.of(2025, 5));

            assertThat(first).extracting(FeedDeadlineMissed::bureau).containsExactly(Bureau.HEALTH, Bureau.WATER);
            assertThat(first.get(0).expectedCounties()).containsExactly("210422", "210423");
            assertThat(first.get(0).lateCounties()).containsExactly("210422");
            assertThat(first.get(0).missingCounties()).isEmpty();
            assertThat(first.get(1).missingCounties()).containsExactly("210421");
            assertThat(again).isEmpty();
            assertThat(bus.awaitEvent(Topics.MONITORING_FEED, "2025-05/WATER", FeedDeadlineMissed.class).data()
                    .expectedCounties()).containsExactly("210421");
            assertThat(jdbc.sql("select count(*) from outbox_event where topic = :t").param("t", Topics.MONITORING_FEED)
                    .query(Long.class).single()).isEqualTo(2);
        } finally {
            clock.reset();
            // long overdue: out of the way of the other tests' escalation
            jdbc.sql("update assignment set status = 'CLOSED' where id in (:ids)")
                    .param("ids", List.of(healthOnTime, healthLate, water)).update();
        }
    }

    /** An alert with one assignment, due on the given day. */
    private UUID task(String village, Bureau bureau, LocalDate due) {
        UUID household = registry.register(new NewHousehold(village, HouseholdCategory.OUT_OF_POVERTY, false, List.of(
                new NewHousehold.NewMember("报送测试", SyntheticIdNumbers.next(new Random(), village.substring(0, 6)), "户主",
                        "FULL"))), Jurisdiction.of("210400"));
        UUID alert = UUID.randomUUID();
        jdbc.sql("""
                insert into risk_alert (id, household_id, division_code, risk_types, explanation, status, raised_at)
                values (:id, :h, :v, 'ILLNESS', '报送测试', 'OPEN', now())""")
                .param("id", alert).param("h", household).param("v", village).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into assignment (id, alert_id, household_id, division_code, bureau, due_date, status)
                values (:id, :alert, :h, :v, :bureau, :due, 'ASSIGNED')""")
                .param("id", id).param("alert", alert).param("h", household).param("v", village)
                .param("bureau", bureau.name()).param("due", due).update();
        return id;
    }

    @Test
    void shouldPageABureausAssignmentsWithTheirTotal() throws Exception {
        String village = "210422188802";
        String officer = "Bearer " + TestTokens.user("paging-health", village, "health-officer");
        UUID household = registry.register(new NewHousehold(village, HouseholdCategory.OUT_OF_POVERTY, false, List.of(
                new NewHousehold.NewMember("分页测试", SyntheticIdNumbers.next(new Random(), "210422"), "户主", "FULL"))),
                Jurisdiction.of("210400"));
        List<String> assigned = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            UUID alert = UUID.randomUUID();
            jdbc.sql("""
                    insert into risk_alert (id, household_id, division_code, risk_types, explanation, status, raised_at)
                    values (:id, :h, :v, 'ILLNESS', '分页测试', 'OPEN', now())""")
                    .param("id", alert).param("h", household).param("v", village).update();
            for (Bureau bureau : List.of(Bureau.HEALTH, Bureau.MEDICAL_INSURANCE)) {
                UUID id = UUID.randomUUID();
                // one due date for all: the order rests on the id, so pages neither repeat nor skip an assignment
                jdbc.sql("""
                        insert into assignment (id, alert_id, household_id, division_code, bureau, due_date, status)
                        values (:id, :alert, :h, :v, :bureau, current_date + 10, 'ASSIGNED')""")
                        .param("id", id).param("alert", alert).param("h", household).param("v", village)
                        .param("bureau", bureau.name()).update();
                if (bureau == Bureau.HEALTH) {
                    assigned.add(id.toString());
                }
            }
        }

        String first = mvc.perform(get("/api/monitoring/assignments?bureau=HEALTH&size=4").header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(7))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(4))
                .andExpect(jsonPath("$.items.length()").value(4))
                .andReturn().getResponse().getContentAsString();
        String rest = mvc.perform(get("/api/monitoring/assignments?bureau=HEALTH&size=4&page=1").header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(7))
                .andExpect(jsonPath("$.items.length()").value(3))
                .andReturn().getResponse().getContentAsString();
        List<String> listed = new java.util.ArrayList<>(com.jayway.jsonpath.JsonPath.<List<String>>read(first, "$.items[*].id"));
        listed.addAll(com.jayway.jsonpath.JsonPath.<List<String>>read(rest, "$.items[*].id"));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(assigned);
        mvc.perform(get("/api/monitoring/assignments").header("Authorization", officer))
                .andExpect(jsonPath("$.total").value(14))
                .andExpect(jsonPath("$.size").value(50));

        mvc.perform(get("/api/monitoring/assignments?size=0").header("Authorization", officer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求无效"))
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页至少1条"));
        mvc.perform(get("/api/monitoring/assignments?size=100000").header("Authorization", officer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页最多500条"));
    }

    private String statusOf(UUID assignment) {
        return jdbc.sql("select status from assignment where id = :id").param("id", assignment).query(String.class).single();
    }
}
