package fushun.housingsafety;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import fushun.platform.testsupport.AlertIntakeCheck;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Alerts recorded once and acknowledged when they name this bureau; real broker and PostgreSQL. */
@ServiceIntegrationTest
class HousingSafetyIT {

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;

    @Test
    void shouldRecordAlertOnceAndAcknowledgeWhenNamed() throws Exception {
        AlertIntakeCheck.assertRecordedOnceAndAcknowledged(new AlertIntakeCheck.Service("housing-safety", Bureau.HOUSING,
                RiskType.UNSAFE_HOUSING, "HS", "housing-inspector"), mvc, bus, jdbc);
    }
}
