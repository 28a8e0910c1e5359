package fushun.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.contracts.monitoring.RiskEliminated;
import fushun.contracts.monitoring.RiskEliminationRolledBack;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.household.NewHousehold;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.security.Jurisdiction;
import fushun.platform.testsupport.EventBus;
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
import org.springframework.test.web.servlet.ResultActions;

/** Risk elimination checked, confirmed by the same three steps, taken back, and the household re-entering. */
@ServiceIntegrationTest
class EliminationIT {

    private static final String CADRE = "Bearer " + TestTokens.user("xinbin-cadre", "210422100201", "village-cadre");
    private static final String TOWNSHIP = "Bearer " + TestTokens.user("xinbin-township", "210422100", "township-reviewer");
    private static final String HEALTH = "Bearer " + TestTokens.user("xinbin-health", "210422", "health-officer");
    private static final String COUNTY = "Bearer " + TestTokens.user("xinbin-approver", "210422", "county-approver");

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired HouseholdRegistry registry;

    @Test
    void shouldEliminateThroughTheProcedureAndRollBackKeepingHistory() throws Exception {
        UUID household = household("FULL");
        RiskAlertRaised alert = illness(household);
        for (RiskAlertRaised.Assignment a : alert.assignments()) {
            if (a.bureau() == Bureau.HEALTH) {
                // no service of its own: its officer answers through the API
                mvc.perform(post("/api/monitoring/assignments/" + a.assignmentId() + "/measures").header("Authorization", HEALTH)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"measureType\":\"FAMILY_DOCTOR\",\"appliedOn\":\"" + LocalDate.now() + "\"}"))
                        .andExpect(status().isNoContent());
                mvc.perform(post("/api/monitoring/assignments/" + a.assignmentId() + "/close").header("Authorization", HEALTH)
                                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"办结\"}"))
                        .andExpect(status().isNoContent());
                continue;
            }
            String service = a.bureau() == Bureau.CIVIL_AFFAIRS ? "social-assistance" : "medical-insurance";
            String topic = a.bureau() == Bureau.CIVIL_AFFAIRS ? Topics.SOCIAL_ASSISTANCE_MEASURE : Topics.MEDICAL_INSURANCE_MEASURE;
            bus.publish(topic, EventEnvelope.of(service, household.toString(), "210422100201",
                    new MeasureApplied(UUID.randomUUID(), a.assignmentId(), alert.alertId(), household, a.bureau(), "HELP",
                            "帮扶", BigDecimal.ONE, LocalDate.now(), Instant.now())));
            bus.publish(topic, EventEnvelope.of(service, household.toString(), "210422100201",
                    new CaseClosed(a.assignmentId(), alert.alertId(), household, a.bureau(), "办结", Instant.now())));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from assignment where household_id = :h and status <> 'CLOSED'").param("h", household)
                .query(Long.class).single() == 0);
        mvc.perform(put("/api/monitoring/households/" + household + "/incomes/" + LocalDate.now().getYear())
                        .header("Authorization", CADRE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"components\":{\"WAGES\":30000.00}}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/monitoring/households/" + household + "/elimination/check").header("Authorization", CADRE))
                .andExpect(jsonPath("$.eligible").value(false))
                .andExpect(jsonPath("$.failures[0].precondition").value("MONITORED"));
        jdbc.sql("update risk_alert set raised_at = now() - interval '7 months' where household_id = :h")
                .param("h", household).update();
        mvc.perform(get("/api/monitoring/households/" + household + "/elimination/check").header("Authorization", CADRE))
                .andExpect(jsonPath("$.eligible").value(true));

        String id = mvc.perform(post("/api/monitoring/households/" + household + "/elimination").header("Authorization", CADRE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"收入稳定，帮扶措施已落实\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()
                .replaceAll(".*\"identificationId\":\"([^\"]+)\".*", "$1");
        decide(id, CADRE).andExpect(jsonPath("$.purpose").value("ELIMINATION"));
        // the village posts the notice of the proposal; the township waits for it to end (here: moved to the past)
        decide(id, TOWNSHIP).andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.title").value("公示期未满"));
        assertThat(jdbc.sql("select proposal from public_notice where identification_id = :id")
                .param("id", UUID.fromString(id)).query(String.class).single()).isEqualTo("拟标注风险消除");
        jdbc.sql("update public_notice set posted_on = current_date - 10, ends_on = current_date - 6 where identification_id = :id")
                .param("id", UUID.fromString(id)).update();
        decide(id, TOWNSHIP).andExpect(status().isOk());
        decide(id, COUNTY).andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("CONFIRMED"))
                .andExpect(jsonPath("$.decisions[2].parameterVersions").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("monitoring.elimination.min-months-monitored[*]@2021-01-01"),
                        org.hamcrest.Matchers.containsString("monitoring.line[*]@"))));

        RiskEliminated eliminated = bus.awaitEvent(Topics.MONITORING_HOUSEHOLD, household.toString(), RiskEliminated.class).data();
        assertThat(eliminated.riskTypes()).containsExactly(RiskType.ILLNESS);
        assertThat(alertStatus(alert.alertId())).isEqualTo("ELIMINATED");

        // re-entry: a new illness signal after elimination is a new alert
        RiskAlertRaised again = illness(household);
        assertThat(again.alertId()).isNotEqualTo(alert.alertId());

        mvc.perform(post("/api/monitoring/households/" + household + "/elimination/rollback").header("Authorization", CADRE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"复核\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/monitoring/households/" + household + "/elimination/rollback").header("Authorization", COUNTY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"复核发现收入不稳定\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.riskTypes[0]").value("ILLNESS"));
        RiskEliminationRolledBack rolledBack = bus.awaitEvent(Topics.MONITORING_HOUSEHOLD, household.toString(),
                RiskEliminationRolledBack.class).data();
        assertThat(rolledBack.reason()).isEqualTo("复核发现收入不稳定");
        assertThat(alertStatus(alert.alertId())).isEqualTo("OPEN");
        mvc.perform(post("/api/monitoring/households/" + household + "/elimination/rollback").header("Authorization", COUNTY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"再次回退\"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/monitoring/households/" + household + "/timeline").header("Authorization", COUNTY))
                .andExpect(jsonPath("$[?(@.kind == 'ELIMINATION_ROLLED_BACK')].summary").value("xinbin-approver：复核发现收入不稳定"));
        assertThat(jdbc.sql("select count(*) from risk_alert where id = :a and eliminated_by is not null")
                .param("a", alert.alertId()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from identification_decision d join identification i on i.id = d.identification_id "
                + "where i.household_id = :h").param("h", household).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void shouldRefuseEliminationForAHouseholdWithNobodyAbleToWork() throws Exception {
        UUID household = household("NONE");
        illness(household);

        mvc.perform(post("/api/monitoring/households/" + household + "/elimination").header("Authorization", CADRE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"申请消除\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("无劳动能力")));
        // the illness clue on a 脱贫户 opens its MONITORING identification; no ELIMINATION one may open
        assertThat(jdbc.sql("select count(*) from identification where household_id = :h and purpose = 'ELIMINATION'")
                .param("h", household).query(Long.class).single()).isZero();
    }

    private UUID household(String labour) {
        return registry.register(new NewHousehold("210422100201", HouseholdCategory.OUT_OF_POVERTY, false, List.of(
                new NewHousehold.NewMember("消除测试", SyntheticIdNumbers.next(new Random(), "210422"), "户主", labour))),
                Jurisdiction.of("210400"));
    }

    private RiskAlertRaised illness(UUID household) throws Exception {
        long before = jdbc.sql("select count(*) from risk_alert where household_id = :h").param("h", household).query(Long.class).single();
        bus.publish(Topics.MEDICAL_INSURANCE_SIGNAL, EventEnvelope.of("medical-insurance", household.toString(), "210422100201",
                new RiskSignalObserved(UUID.randomUUID(), household, Bureau.MEDICAL_INSURANCE, RiskType.ILLNESS, "自付超线",
                        Map.of("selfPayYearToDate", new BigDecimal("8000")), null, Instant.now())));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from risk_alert where household_id = :h").param("h", household).query(Long.class).single() > before);
        UUID newest = jdbc.sql("select id from risk_alert where household_id = :h order by raised_at desc limit 1")
                .param("h", household).query(UUID.class).single();
        List<RiskAlertRaised.Assignment> assignments = jdbc.sql("select id, bureau, due_date from assignment where alert_id = :a")
                .param("a", newest).query((rs, n) -> new RiskAlertRaised.Assignment(rs.getObject(1, UUID.class),
                        Bureau.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate())).list();
        return new RiskAlertRaised(newest, household, "210422100201", List.of(RiskType.ILLNESS), "", Instant.now(), assignments);
    }

    private ResultActions decide(String id, String token) throws Exception {
        return mvc.perform(post("/api/monitoring/identifications/" + id + "/decisions").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\",\"reason\":\"同意消除\"}"));
    }

    private String alertStatus(UUID alertId) {
        return jdbc.sql("select status from risk_alert where id = :id").param("id", alertId).query(String.class).single();
    }
}
