package fushun.assetmanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.Bureau;
import fushun.contracts.EventEnvelope;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.platform.testsupport.EventBus;
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

/** Alerts recorded once, nothing acknowledged (no assignment names the asset office); real broker and PostgreSQL. */
@ServiceIntegrationTest
class AssetManagementIT {

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;

    @Test
    void shouldRecordAlertOnceAndPublishNothing() throws Exception {
        UUID householdId = UUID.randomUUID();
        RiskAlertRaised alert = new RiskAlertRaised(UUID.randomUUID(), householdId, "210423100201",
                List.of(RiskType.OTHER), "测试预警", Instant.now(),
                List.of(new RiskAlertRaised.Assignment(UUID.randomUUID(), Bureau.RURAL_REVITALIZATION, LocalDate.now().plusDays(15))));
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
        assertThat(jdbc.sql("select count(*) from outbox_event where aggregateid = :h").param("h", householdId.toString())
                .query(Long.class).single()).isZero();

        String own = "Bearer " + TestTokens.user("officer", "210423", "asset-manager");
        mvc.perform(get("/api/asset-management/alerts").header("Authorization", own))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].alertId").value(alert.alertId().toString()))
                .andExpect(jsonPath("$.items[0].status").value("NOTED"));
        mvc.perform(get("/api/asset-management/alerts").header("Authorization", "Bearer " + TestTokens.user("other", "210422", "asset-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(get("/api/asset-management/alerts")
                        .header("Authorization", "Bearer " + TestTokens.user("op", "210423", "civil-affairs-operator")))
                .andExpect(status().isForbidden());
        // no alert names the asset office: asking for those that do is refused, not answered empty
        mvc.perform(get("/api/asset-management/alerts?namedOnly=true").header("Authorization", own))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("本服务没有责任分工"));
    }
}
