package fushun.monitoring;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.HouseholdCategory;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.household.NewHousehold;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.security.Jurisdiction;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The month's screening over a village: who is at risk by which rule, on a real PostgreSQL. */
@ServiceIntegrationTest
class ScreeningIT {

    private static final String VILLAGE = "210422102201";
    private static final String CADRE = "Bearer " + TestTokens.user("wangqingmen-cadre", VILLAGE, "village-cadre");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired HouseholdRegistry registry;

    @Test
    void shouldFindTheHouseholdsAtRiskInTheVillage() throws Exception {
        YearMonth month = YearMonth.now();
        UUID below = household("10000.00");      // 5,000 a person: below the line
        UUID margin = household("24000.00");     // 12,000 a person: within the margin...
        signal(margin, "ILLNESS", month);        // ...with an illness this month
        UUID above = household("40000.00");      // 20,000 a person: above the margin
        household(null);                         // no income recorded

        String run = mvc.perform(post("/api/monitoring/screenings").header("Authorization", CADRE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"month\":\"" + month + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.households").value(4))
                .andExpect(jsonPath("$.atRisk").value(2))
                .andExpect(jsonPath("$.noIncomeData").value(1))
                .andReturn().getResponse().getContentAsString();
        String id = JsonMapper.builder().build().readTree(run).get("id").asString();

        mvc.perform(get("/api/monitoring/screenings/" + id + "/results").header("Authorization", CADRE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + below + "')].rule").value("BELOW_LINE"))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + margin + "')].rule").value("MARGIN_WITH_SIGNAL"))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + margin + "')].riskTypes[0]").value("ILLNESS"))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + above + "')]").isEmpty());
        // one at a time: the second page holds the other household, with the same total
        String first = mvc.perform(get("/api/monitoring/screenings/" + id + "/results?size=1").header("Authorization", CADRE))
                .andExpect(jsonPath("$.total").value(2)).andExpect(jsonPath("$.items.length()").value(1))
                .andReturn().getResponse().getContentAsString();
        String second = mvc.perform(get("/api/monitoring/screenings/" + id + "/results?size=1&page=1").header("Authorization", CADRE))
                .andExpect(jsonPath("$.total").value(2)).andExpect(jsonPath("$.items.length()").value(1))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(List.of(
                        com.jayway.jsonpath.JsonPath.<String>read(first, "$.items[0].householdId"),
                        com.jayway.jsonpath.JsonPath.<String>read(second, "$.items[0].householdId")))
                .containsExactlyInAnyOrder(below.toString(), margin.toString());
        mvc.perform(get("/api/monitoring/screenings/" + id + "/results?size=501").header("Authorization", CADRE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页最多500条"));
        mvc.perform(get("/api/monitoring/screenings/" + id + "/results")
                        .header("Authorization", "Bearer " + TestTokens.user("other", "210422100201", "village-cadre")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(post("/api/monitoring/screenings").header("Authorization", CADRE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"month\":\"" + month.plusMonths(1) + "\"}"))
                .andExpect(status().isBadRequest());
        // before the first monitoring line (2021): refused with the reason, and no run is recorded
        long runs = jdbc.sql("select count(*) from screening_run").query(Long.class).single();
        mvc.perform(post("/api/monitoring/screenings").header("Authorization", CADRE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"month\":\"2020-12\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("2021-01")));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from screening_run").query(Long.class).single())
                .isEqualTo(runs);
        mvc.perform(post("/api/monitoring/screenings").header("Authorization", CADRE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"month\":\"2021-01\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parameterVersions[0]").value("monitoring.line[*]@2021-01-01"));
    }

    private UUID household(String income) {
        Random random = new Random();
        UUID id = registry.register(new NewHousehold(VILLAGE, HouseholdCategory.OUT_OF_POVERTY, false, List.of(
                new NewHousehold.NewMember("筛查甲", SyntheticIdNumbers.next(random, "210422"), "户主", "FULL"),
                new NewHousehold.NewMember("筛查乙", SyntheticIdNumbers.next(random, "210422"), "配偶", "FULL"))),
                Jurisdiction.of("210400"));
        if (income != null) {
            jdbc.sql("insert into income_record (household_id, year, component, amount, recorded_by) values (:h, :y, 'WAGES', :a, 'test')")
                    .param("h", id).param("y", YearMonth.now().getYear()).param("a", new java.math.BigDecimal(income)).update();
        }
        return id;
    }

    private void signal(UUID household, String riskType, YearMonth month) {
        jdbc.sql("""
                        insert into risk_signal (id, household_id, source_bureau, risk_type, observed_at)
                        values (:id, :h, 'MEDICAL_INSURANCE', :type, :at)""")
                .param("id", UUID.randomUUID()).param("h", household).param("type", riskType)
                .param("at", java.sql.Timestamp.from(Instant.now())).update();
    }
}
