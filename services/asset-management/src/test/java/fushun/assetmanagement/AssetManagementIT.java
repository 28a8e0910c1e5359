package fushun.assetmanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.platform.testsupport.AlertIntakeCheck;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
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
        RiskAlertRaised alert = AlertIntakeCheck.deliverTwiceAndReplay(Bureau.RURAL_REVITALIZATION, RiskType.OTHER, bus, jdbc);
        UUID householdId = alert.householdId();
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
