package fushun.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.Bureau;
import fushun.contracts.EventEnvelope;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.contracts.monitoring.RiskAlertRaised;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A bureau service's wiring of the platform's alert intake, checked the same way in each: an alert
 * naming the bureau, delivered twice and replayed under a new event id, is recorded once and
 * acknowledged once on the service's measure topic with its case reference; the service's readers
 * see it in their own county only, another role is refused. The mechanism itself (paging, moves,
 * rollback) is tested once, in the platform's {@code ReceivedAlertsIT}.
 */
public final class AlertIntakeCheck {

    private AlertIntakeCheck() {
    }

    /**
     * An alert for a household of 210423100201 naming {@code bureau}, delivered twice and replayed
     * under a new event id; returns once the service's inbox has taken both events in, and the
     * alert was recorded once.
     */
    public static RiskAlertRaised deliverTwiceAndReplay(Bureau bureau, RiskType riskType, EventBus bus, JdbcClient jdbc)
            throws Exception {
        UUID householdId = UUID.randomUUID();
        RiskAlertRaised alert = new RiskAlertRaised(UUID.randomUUID(), householdId, "210423100201",
                List.of(riskType), "测试预警", Instant.now(),
                List.of(new RiskAlertRaised.Assignment(UUID.randomUUID(), bureau, LocalDate.now().plusDays(15))));
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
        return alert;
    }

    /** The service as its own settings name it. */
    public record Service(String name, Bureau bureau, RiskType riskType, String casePrefix, String readerRole) {
    }

    public static void assertRecordedOnceAndAcknowledged(Service service, MockMvc mvc, EventBus bus, JdbcClient jdbc)
            throws Exception {
        RiskAlertRaised alert = deliverTwiceAndReplay(service.bureau(), service.riskType(), bus, jdbc);
        UUID householdId = alert.householdId();
        AssignmentAcknowledged ack = bus.awaitEvent(service.name() + ".measure.v1", householdId.toString(),
                AssignmentAcknowledged.class).data();
        assertThat(ack.bureau()).isEqualTo(service.bureau());
        assertThat(ack.assignmentId()).isEqualTo(alert.assignments().get(0).assignmentId());
        assertThat(ack.caseReference()).isEqualTo(service.casePrefix() + "-" + alert.alertId().toString().substring(0, 8));
        assertThat(jdbc.sql("select count(*) from outbox_event where type = 'AssignmentAcknowledged' and aggregateid = :h")
                .param("h", householdId.toString()).query(Long.class).single()).isEqualTo(1);

        String path = "/api/" + service.name() + "/alerts";
        mvc.perform(get(path).header("Authorization", "Bearer " + TestTokens.user("officer", "210423", service.readerRole())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.alertId == '" + alert.alertId() + "')].status").value("ACKNOWLEDGED"));
        mvc.perform(get(path).header("Authorization", "Bearer " + TestTokens.user("other", "210422", service.readerRole())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.alertId == '" + alert.alertId() + "')]").isEmpty());
        mvc.perform(get(path).header("Authorization", "Bearer " + TestTokens.user("op", "210423", "civil-affairs-operator")))
                .andExpect(status().isForbidden());
    }
}
