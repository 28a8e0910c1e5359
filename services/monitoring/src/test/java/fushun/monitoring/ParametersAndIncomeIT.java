package fushun.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.household.NewHousehold;
import fushun.monitoring.income.MonitoringLine;
import fushun.contracts.HouseholdCategory;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.security.Jurisdiction;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The monitoring line as data, audited parameter changes, income and the evaluation on a real PostgreSQL. */
@ServiceIntegrationTest
class ParametersAndIncomeIT {

    private static final String ADMIN = "Bearer " + TestTokens.user("city-admin", "210400", "admin");
    private static final String ANALYST = "Bearer " + TestTokens.user("city-analyst", "210400", "analyst");
    private static final String CADRE = "Bearer " + TestTokens.user("xinbin-cadre", "210422100201", "village-cadre");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PolicyParameters parameters;
    @Autowired HouseholdRegistry registry;

    @Test
    void shouldHoldTheMonitoringLineOfEveryYearAsTheRuleGivesIt() {
        for (int year = 2021; year <= 2026; year++) {
            BigDecimal stored = parameters.required(MonitoringLine.PARAMETER, "210422", LocalDate.of(year, 6, 30)).value();
            assertThat(stored).as("line %d", year)
                    .isEqualByComparingTo(MonitoringLine.after(new BigDecimal("6600"), new BigDecimal("0.10"), year - 2021));
        }
    }

    @Test
    void shouldAuditAnAdminsChangeAndRefuseChangesToValuesInForce() throws Exception {
        String tomorrow = LocalDate.now().plusDays(1).toString();
        long rowsBefore = parameterRows();

        mvc.perform(post("/api/monitoring/parameters").header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content(change("monitoring.margin-ratio", tomorrow, "0.60")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(0.60));
        mvc.perform(get("/api/monitoring/parameters/monitoring.margin-ratio/changes").header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].changedBy").value("city-admin"))
                .andExpect(jsonPath("$[0].reason").value("测试调整"))
                .andExpect(jsonPath("$[0].newValue").value(0.60));

        mvc.perform(post("/api/monitoring/parameters").header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content(change("monitoring.line", "2025-01-01", "1.00")))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/monitoring/parameters").header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content(change("no.such.parameter", tomorrow, "1.00")))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/monitoring/parameters").header("Authorization", ANALYST).contentType(MediaType.APPLICATION_JSON)
                        .content(change("monitoring.margin-ratio", tomorrow, "0.70")))
                .andExpect(status().isForbidden());

        assertThat(parameterRows()).isEqualTo(rowsBefore + 1);
        assertThat(parameters.required(MonitoringLine.PARAMETER, "*", LocalDate.of(2025, 6, 1)).value())
                .isEqualByComparingTo("9663.06");
    }

    @Test
    void shouldRefuseAYearBeforeTheFirstLineAndMarkALineCarriedForwardAsEstimated() throws Exception {
        UUID household = registry.register(new NewHousehold("210422100202", HouseholdCategory.MARGINAL, false, List.of(
                new NewHousehold.NewMember("监测线测试", SyntheticIdNumbers.next(new Random(), "210422"), "户主", "FULL"))),
                Jurisdiction.of("210400"));
        String evaluation = "/api/monitoring/households/" + household + "/evaluation/";

        // 2020: before the first line (2021) — the client's mistake, said so
        mvc.perform(get(evaluation + 2020).header("Authorization", ANALYST))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("该年份没有监测线"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2021")));
        // 2021, the first line, and 2026, the last stored one: their own values
        mvc.perform(get(evaluation + 2021).header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parameterVersions[0]").value("monitoring.line[*]@2021-01-01"))
                .andExpect(jsonPath("$.explanation").value(org.hamcrest.Matchers.containsString("6600.00")));
        mvc.perform(get(evaluation + 2026).header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parameterVersions[0]").value("monitoring.line[*]@2026-01-01"))
                .andExpect(jsonPath("$.explanation").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("推算"))));
        // 2027, the first year without a stored line: 2026's grown 10 %, marked 推算, never 2026's value as is
        mvc.perform(get(evaluation + 2027).header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parameterVersions[0]").value(
                        "monitoring.line[*]@2026-01-01→2027推算(monitoring.line.annual-growth[*]@2021-01-01)"))
                .andExpect(jsonPath("$.explanation").value(org.hamcrest.Matchers.containsString("监测线（推算）（11692.31元）")))
                .andExpect(jsonPath("$.explanation").value(org.hamcrest.Matchers.containsString("2027年监测线尚未设定")));
    }

    @Test
    void shouldComparePerCapitaIncomeWithTheLineAndExplain() throws Exception {
        int year = LocalDate.now().getYear();
        UUID household = registry.register(new NewHousehold("210422100201", HouseholdCategory.MARGINAL, false, List.of(
                new NewHousehold.NewMember("收入测试甲", SyntheticIdNumbers.next(new Random(), "210422"), "户主", "FULL"),
                new NewHousehold.NewMember("收入测试乙", SyntheticIdNumbers.next(new Random(), "210422"), "配偶", "NONE"))),
                Jurisdiction.of("210400"));

        mvc.perform(get("/api/monitoring/households/" + household + "/evaluation/" + year).header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rule").value("NO_INCOME_DATA"));

        mvc.perform(put("/api/monitoring/households/" + household + "/incomes/" + year).header("Authorization", CADRE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"components\":{\"WAGES\":12000.00,\"BASIC_PENSION\":1500.00,\"BUSINESS\":-500.00}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(13000.00))
                .andExpect(jsonPath("$.perCapita").value(6500.00));

        mvc.perform(get("/api/monitoring/households/" + household + "/evaluation/" + year).header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.atRisk").value(true))
                .andExpect(jsonPath("$.rule").value("BELOW_LINE"))
                .andExpect(jsonPath("$.parameterVersions[0]").value(org.hamcrest.Matchers.startsWith("monitoring.line[*]@")));

        mvc.perform(put("/api/monitoring/households/" + household + "/incomes/" + year).header("Authorization", CADRE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"components\":{\"WAGES\":-1.00}}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/monitoring/households/" + household + "/incomes/" + year).header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(13000.00));
        mvc.perform(get("/api/monitoring/households/" + household + "/incomes/" + year).header("Authorization",
                        "Bearer " + TestTokens.user("qingyuan-approver", "210423", "county-approver")))
                .andExpect(status().isNotFound());
    }

    private long parameterRows() {
        return jdbc.sql("select count(*) from policy_parameter").query(Long.class).single();
    }

    private static String change(String name, String from, String value) {
        return """
                {"name":"%s","scope":"*","effectiveFrom":"%s","value":%s,"reason":"测试调整"}""".formatted(name, from, value);
    }
}
