package fushun.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import fushun.platform.testsupport.AlertIntakeCheck;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.ServiceIntegrationTest;
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
        AlertIntakeCheck.assertRecordedOnceAndAcknowledged(new AlertIntakeCheck.Service("employment", Bureau.HUMAN_RESOURCES,
                RiskType.UNSTABLE_EMPLOYMENT, "EMP", "hr-officer"), mvc, bus, jdbc);
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
}
