package fushun.socialassistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.Bureau;
import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.MigrationSteps;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Alerts become cases in the county queue, once; operators see only their county. Real broker and PostgreSQL. */
@ServiceIntegrationTest
class SocialAssistanceIT {

    private static final String XINBIN = "Bearer " + TestTokens.user("xinbin-operator", "210422", "civil-affairs-operator");
    private static final String QINGYUAN = "Bearer " + TestTokens.user("qingyuan-operator", "210423", "civil-affairs-operator");

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactionTemplate;

    @Test
    void shouldOpenOneCaseAndAcknowledgeOnceWhenAlertArrivesTwice() throws Exception {
        UUID householdId = UUID.randomUUID();
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", householdId.toString(), "210422100201",
                new HouseholdRegistered(householdId, "210422100201", HouseholdCategory.OUT_OF_POVERTY, false, "王示明",
                        List.of(new HouseholdRegistered.Member(UUID.randomUUID(), "a".repeat(64), "王示明",
                                "2104**********9013", "户主", "PARTIAL")))));
        RiskAlertRaised alert = alert(householdId, Bureau.CIVIL_AFFAIRS, Bureau.MEDICAL_INSURANCE);
        EventEnvelope<RiskAlertRaised> envelope = EventEnvelope.of("monitoring", householdId.toString(), "210422100201", alert);

        bus.publish(Topics.MONITORING_RISK_ALERT, envelope);
        bus.publish(Topics.MONITORING_RISK_ALERT, envelope);
        bus.publish(Topics.MONITORING_RISK_ALERT, EventEnvelope.of("monitoring", householdId.toString(), "210422100201", alert));

        AssignmentAcknowledged ack = bus.awaitEvent(Topics.SOCIAL_ASSISTANCE_MEASURE, householdId.toString(),
                AssignmentAcknowledged.class).data();
        assertThat(ack.assignmentId()).isEqualTo(alert.assignmentFor(Bureau.CIVIL_AFFAIRS).assignmentId());
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from inbox_event where consumer = 'social-assistance.alerts'").query(Long.class).single() >= 2);
        assertThat(cases(householdId)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbox_event where aggregateid = :h and type = 'AssignmentAcknowledged'")
                .param("h", householdId.toString()).query(Long.class).single()).isEqualTo(1);

        String caseId = ack.caseReference();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                mvc.perform(get("/api/social-assistance/cases/" + caseId).header("Authorization", XINBIN))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.riskTypes[0]").value("ILLNESS"))
                        .andExpect(jsonPath("$.household.headName").value("王示明"))
                        .andExpect(jsonPath("$.household.members[0].maskedIdNumber").value("2104**********9013")));
        mvc.perform(get("/api/social-assistance/cases?status=OPEN").header("Authorization", XINBIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.caseId == '" + caseId + "')].headName").value("王示明"));
        mvc.perform(get("/api/social-assistance/cases/" + caseId).header("Authorization", QINGYUAN))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/social-assistance/cases").header("Authorization", QINGYUAN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.caseId == '" + caseId + "')]").isEmpty());
        mvc.perform(get("/api/social-assistance/cases/" + caseId)
                        .header("Authorization", "Bearer " + TestTokens.user("city-analyst", "210400", "analyst")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/social-assistance/cases/" + caseId)).andExpect(status().isUnauthorized());

        // the platform's intake recorded the alert as acknowledged: the bureau's list has it, the county's only
        mvc.perform(get("/api/social-assistance/alerts").header("Authorization", XINBIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.alertId == '" + alert.alertId() + "')].status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.items[?(@.alertId == '" + alert.alertId() + "')].assignmentId")
                        .value(ack.assignmentId().toString()));
        mvc.perform(get("/api/social-assistance/alerts").header("Authorization", QINGYUAN))
                .andExpect(jsonPath("$.items[?(@.alertId == '" + alert.alertId() + "')]").isEmpty());
        mvc.perform(get("/api/social-assistance/alerts")
                        .header("Authorization", "Bearer " + TestTokens.user("hr", "210422", "hr-officer")))
                .andExpect(status().isForbidden());
    }

    /**
     * Alerts received before the platform kept them move into its table with what their cases knew,
     * so one that comes again is known and opens nothing.
     */
    @Test
    void shouldMoveTheAlertsReceivedBeforeIntoThePlatformsTableWithTheirCases() {
        javax.sql.DataSource database = MigrationSteps.migratedUpTo("social-assistance", "8");
        JdbcClient before = JdbcClient.create(database);
        UUID named = UUID.randomUUID();
        UUID noted = UUID.randomUUID();
        UUID household = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        before.sql("""
                        insert into received_alert (alert_id, household_id, division_code, risk_types, named)
                        values (:named, :h, '210422100201', 'ILLNESS', true), (:noted, :h, '210422100201', 'UNSAFE_HOUSING', false)""")
                .param("named", named).param("noted", noted).param("h", household).update();
        before.sql("""
                        insert into assistance_case (id, household_id, alert_id, assignment_id, division_code, risk_types,
                                                     explanation, status, due_date)
                        values (:id, :h, :a, :s, '210422100201', 'ILLNESS', '因病支出大', 'OPEN', date '2026-05-01')""")
                .param("id", UUID.randomUUID()).param("h", household).param("a", named).param("s", assignment).update();

        MigrationSteps.migrateTheRest(database);

        assertThat(before.sql("""
                        select alert_id || ' ' || named || ' ' || coalesce(assignment_id::text, '-') || ' '
                               || coalesce(due_date::text, '-') || ' ' || status || ' ' || explanation
                        from platform.received_alert order by named""").query(String.class).list())
                .containsExactly(noted + " false - - NOTED ", named + " true " + assignment + " 2026-05-01 ACKNOWLEDGED 因病支出大");
        assertThat(before.sql("select to_regclass('public.received_alert') is null").query(Boolean.class).single()).isTrue();
    }

    @Test
    void shouldRecordButOpenNoCaseWhenAlertDoesNotNameCivilAffairs() throws Exception {
        UUID householdId = UUID.randomUUID();
        RiskAlertRaised alert = alert(householdId, Bureau.HOUSING);

        bus.publish(Topics.MONITORING_RISK_ALERT, EventEnvelope.of("monitoring", householdId.toString(), "210422100201", alert));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from platform.received_alert where alert_id = :a").param("a", alert.alertId()).query(Long.class).single() == 1);
        assertThat(cases(householdId)).isZero();
    }

    @Test
    void shouldRefuseBadPagingWithFieldErrors() throws Exception {
        mvc.perform(get("/api/social-assistance/cases?size=0&status=WHATEVER").header("Authorization", XINBIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页至少1条"))
                .andExpect(jsonPath("$.errors[?(@.field == 'status')]").exists());
    }

    /** In 东洲区 (210403): the queue's page is read in the same few queries whether it holds one case or thirty. */
    @Test
    void shouldReadTheQueueInTheSameNumberOfQueriesWhateverThePageHolds() throws Exception {
        String village = "210403102201";
        String operator = "Bearer " + TestTokens.user("dongzhou-queue", "210403102", "civil-affairs-operator");
        openCase(village);
        int forOne = StatementCounting.count(() -> mvc.perform(get("/api/social-assistance/cases?size=30")
                        .header("Authorization", operator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].headName").value("测试户主")));
        for (int i = 0; i < 29; i++) {
            openCase(village);
        }
        int forThirty = StatementCounting.count(() -> mvc.perform(get("/api/social-assistance/cases?size=30")
                        .header("Authorization", operator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(30))
                .andExpect(jsonPath("$.items.length()").value(30))
                .andExpect(jsonPath("$.items[?(@.headName == '测试户主')]", org.hamcrest.Matchers.hasSize(30))));

        // the total, the page, and the page's heads' names from the roster in one look-up, never one more per case
        assertThat(forOne).isEqualTo(3);
        assertThat(forThirty).isEqualTo(forOne);
        // and paged: the second page of 20 holds the other 10
        mvc.perform(get("/api/social-assistance/cases?size=20&page=1").header("Authorization", operator))
                .andExpect(jsonPath("$.total").value(30))
                .andExpect(jsonPath("$.items.length()").value(10));
    }

    /** An open case of a registered household, as an alert naming civil affairs would have opened it. */
    private void openCase(String village) {
        UUID household = RosterFixtures.registered(jdbc, village, UUID.randomUUID(), "FULL");
        jdbc.sql("""
                insert into assistance_case (id, household_id, alert_id, assignment_id, division_code, risk_types, explanation,
                                             status, due_date)
                values (:id, :h, :a, :s, :v, 'ILLNESS', '测试', 'OPEN', current_date + 15)""")
                .param("id", UUID.randomUUID()).param("h", household).param("a", UUID.randomUUID())
                .param("s", UUID.randomUUID()).param("v", village).update();
    }

    private static RiskAlertRaised alert(UUID householdId, Bureau... bureaus) {
        return new RiskAlertRaised(UUID.randomUUID(), householdId, "210422100201", List.of(RiskType.ILLNESS),
                "医保局报告：家庭年度自付医疗费用超过预警线", Instant.now(),
                java.util.Arrays.stream(bureaus).map(b -> new RiskAlertRaised.Assignment(UUID.randomUUID(), b,
                        LocalDate.now().plusDays(15))).toList());
    }

    private long cases(UUID householdId) {
        return jdbc.sql("select count(*) from assistance_case where household_id = :h")
                .param("h", householdId).query(Long.class).single();
    }

    /** Every jurisdiction query can use an index under this (non-C) collation, as in production. */
    @Test
    void shouldServeJurisdictionPrefixesFromIndexes() {
        fushun.platform.testsupport.DivisionIndexes.assertPrefixServedByIndex(jdbc, transactionTemplate,
                java.util.List.of("assistance_application", "assistance_case", "assistance_grant", "household_roster", "platform.received_alert"));
    }
}
