package fushun.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fushun.contracts.Bureau;
import fushun.contracts.EventEnvelope;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Alerts recorded once and acknowledged when they name this bureau; real broker and PostgreSQL. */
@ServiceIntegrationTest
class EmploymentIT {

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;

    @Test
    void shouldRecordAlertOnceAndAcknowledgeWhenNamed() throws Exception {
        UUID householdId = UUID.randomUUID();
        RiskAlertRaised alert = new RiskAlertRaised(UUID.randomUUID(), householdId, "210423100201",
                List.of(RiskType.UNSTABLE_EMPLOYMENT), "测试预警", Instant.now(),
                List.of(new RiskAlertRaised.Assignment(UUID.randomUUID(), Bureau.HUMAN_RESOURCES, LocalDate.now().plusDays(15))));
        EventEnvelope<RiskAlertRaised> envelope = EventEnvelope.of("monitoring", householdId.toString(), "210423100201", alert);

        bus.publish(Topics.MONITORING_RISK_ALERT, envelope);
        bus.publish(Topics.MONITORING_RISK_ALERT, envelope);
        EventEnvelope<RiskAlertRaised> replay = EventEnvelope.of("monitoring", householdId.toString(), "210423100201", alert);
        bus.publish(Topics.MONITORING_RISK_ALERT, replay);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from inbox_event where event_id in (:ids)")
                .param("ids", List.of(envelope.eventId(), replay.eventId())).query(Long.class).single() == 2);
        assertThat(jdbc.sql("select count(*) from platform.received_alert where alert_id = :a")
                .param("a", alert.alertId()).query(Long.class).single()).isEqualTo(1);
        AssignmentAcknowledged ack = bus.awaitEvent(Topics.EMPLOYMENT_MEASURE, householdId.toString(),
                AssignmentAcknowledged.class).data();
        assertThat(ack.bureau()).isEqualTo(Bureau.HUMAN_RESOURCES);
        assertThat(ack.assignmentId()).isEqualTo(alert.assignments().get(0).assignmentId());
        assertThat(ack.caseReference()).isEqualTo("EMP-" + alert.alertId().toString().substring(0, 8));
        assertThat(jdbc.sql("select count(*) from outbox_event where type = 'AssignmentAcknowledged' and aggregateid = :h")
                .param("h", householdId.toString()).query(Long.class).single()).isEqualTo(1);

        String own = "Bearer " + TestTokens.user("officer", "210423", "hr-officer");
        mvc.perform(get("/api/employment/alerts").header("Authorization", own))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.alertId == '" + alert.alertId() + "')].status").value("ACKNOWLEDGED"));
        mvc.perform(get("/api/employment/alerts").header("Authorization", "Bearer " + TestTokens.user("other", "210422", "hr-officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.alertId == '" + alert.alertId() + "')]").isEmpty());
        mvc.perform(get("/api/employment/alerts")
                        .header("Authorization", "Bearer " + TestTokens.user("op", "210423", "civil-affairs-operator")))
                .andExpect(status().isForbidden());
    }

    /**
     * Alerts received before the platform kept them move into its table as they were (housing-safety
     * and asset-management move theirs with the same statement), so one that comes again is known.
     */
    @Test
    void shouldMoveTheAlertsReceivedBeforeIntoThePlatformsTable() {
        javax.sql.DataSource database = fushun.platform.testsupport.MigrationSteps.migratedUpTo("employment", "6");
        JdbcClient before = JdbcClient.create(database);
        UUID named = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        before.sql("""
                        insert into received_alert (alert_id, household_id, division_code, risk_types, explanation, named,
                                                    assignment_id, due_date, status, received_at)
                        values (:a, :h, '210422100201', 'UNSTABLE_EMPLOYMENT', '务工就业不稳', true, :s, date '2026-05-01',
                                'ACKNOWLEDGED', timestamptz '2026-04-16 09:00+08')""")
                .param("a", named).param("h", UUID.randomUUID()).param("s", assignment).update();

        fushun.platform.testsupport.MigrationSteps.migrateTheRest(database);

        assertThat(before.sql("""
                        select alert_id || ' ' || named || ' ' || assignment_id || ' ' || due_date || ' ' || status || ' '
                               || explanation || ' ' || (received_at = timestamptz '2026-04-16 09:00+08')
                        from platform.received_alert""").query(String.class).list())
                .containsExactly(named + " true " + assignment + " 2026-05-01 ACKNOWLEDGED 务工就业不稳 true");
        assertThat(before.sql("select to_regclass('public.received_alert') is null").query(Boolean.class).single()).isTrue();
    }

    @Test
    void shouldPageAlertsWithTheirTotalWhenTheyArrivedInTheSameInstant() throws Exception {
        String village = "210421100299";
        Timestamp at = Timestamp.from(Instant.now());
        List<String> alerts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            insert into platform.received_alert (alert_id, household_id, division_code, risk_types, explanation,
                                                        named, status, received_at)
                            values (:a, :h, :d, 'UNSTABLE_EMPLOYMENT', '测试预警', true, 'ACKNOWLEDGED', :at)""")
                    .param("a", id).param("h", UUID.randomUUID()).param("d", village).param("at", at).update();
            alerts.add(id.toString());
        }
        String token = "Bearer " + TestTokens.user("village-officer", village, "hr-officer");

        // one instant for all three: the alert id orders them, so the pages neither repeat nor skip one
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            String body = mvc.perform(get("/api/employment/alerts?size=2&page=" + page).header("Authorization", token))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(3))
                    .andExpect(jsonPath("$.items.length()").value(page == 0 ? 2 : 1))
                    .andReturn().getResponse().getContentAsString();
            seen.addAll(JsonPath.read(body, "$.items[*].alertId"));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(alerts);

        mvc.perform(get("/api/employment/alerts?size=0").header("Authorization", token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页至少1条"));
        mvc.perform(get("/api/employment/alerts?size=100000").header("Authorization", token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页最多500条"));
    }
}
