package fushun.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.Bureau;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.household.NewHousehold;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.security.Jurisdiction;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.Pages;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** An ordinary household through village, township and county to a monitoring object; real broker and PostgreSQL. */
@ServiceIntegrationTest
class IdentificationIT {

    private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");
    private static final String CADRE = "Bearer " + TestTokens.user("xinbin-cadre", "210422100201", "village-cadre");
    private static final String TOWNSHIP = "Bearer " + TestTokens.user("xinbin-township", "210422100", "township-reviewer");
    private static final String COUNTY = "Bearer " + TestTokens.user("xinbin-approver", "210422", "county-approver");
    private static final String QINGYUAN = "Bearer " + TestTokens.user("qingyuan-approver", "210423", "county-approver");

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired HouseholdRegistry registry;
    @Autowired fushun.platform.testsupport.MovableClock clock;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    private String idNumberOf(UUID household) {
        return jdbc.sql("select id_number from household_member where household_id = :h limit 1").param("h", household)
                .query(String.class).single();
    }

    @Test
    void shouldConfirmThroughThreeStepsAndThenWarn() throws Exception {
        UUID household = ordinaryHousehold();

        mvc.perform(post("/api/monitoring/households/" + household + "/visits").header("Authorization", CADRE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"visitedOn\":\"" + LocalDate.now() + "\",\"findings\":\"户主住院，花费较大\",\"riskTypes\":[\"ILLNESS\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("IDENTIFY"));
        String id = jdbc.sql("select id from identification where household_id = :h").param("h", household)
                .query(String.class).single();
        mvc.perform(get("/api/monitoring/identifications/" + id).header("Authorization", CADRE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("VILLAGE_SCREENING"))
                .andExpect(jsonPath("$.channel").value("CADRE_VISIT"))
                .andExpect(jsonPath("$.dueDate").value(LocalDate.now(CHINA).plusDays(15).toString()))
                .andExpect(jsonPath("$.clockParameter").value("monitoring.clue-to-decision-days[*]@2021-01-01"));
        assertThat(alerts(household)).isZero();

        decide(id, TOWNSHIP, "APPROVE", null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("不能办理此环节"));
        decide(id, QINGYUAN, "APPROVE", "MARGINAL").andExpect(status().isNotFound());
        decide(id, CADRE, "APPROVE", null).andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("TOWNSHIP_REVIEW"));

        // the village posts the notice: the township waits for it to end; an objection is recorded meanwhile
        decide(id, TOWNSHIP, "APPROVE", null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("公示期未满"));
        String notices = mvc.perform(get("/api/monitoring/public-notices?division=210422100201&running=true")
                        .header("Authorization", CADRE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String noticeId = com.jayway.jsonpath.JsonPath.<List<String>>read(notices,
                "$.items[?(@.identificationId == '" + id + "')].id").get(0);
        mvc.perform(get("/api/monitoring/public-notices/" + noticeId).header("Authorization", CADRE))
                .andExpect(jsonPath("$.maskedName").value(org.hamcrest.Matchers.containsString("*")))
                .andExpect(jsonPath("$.proposal").value("拟纳入防止返贫监测对象"))
                .andExpect(jsonPath("$.householdSize").value(1))
                .andExpect(jsonPath("$.endsOn").value(LocalDate.now(CHINA).plusDays(4).toString()));
        assertThat(notices).doesNotContain(idNumberOf(household)).doesNotContain("因病").doesNotContain("ILLNESS");
        mvc.perform(get("/api/monitoring/public-notices/" + noticeId).header("Authorization", QINGYUAN))
                .andExpect(status().isNotFound());
        for (String summary : List.of("邻居反映该户有经营收入", "村民反映该户有货车", "村民反映该户子女在外务工")) {
            mvc.perform(post("/api/monitoring/public-notices/" + noticeId + "/objections").header("Authorization", CADRE)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"receivedOn\":\"" + LocalDate.now(CHINA) + "\",\"summary\":\"" + summary + "\"}"))
                    .andExpect(status().isCreated());
        }
        // in the order received, paged with the total: the second page holds the rest
        String firstObjections = mvc.perform(get("/api/monitoring/public-notices/" + noticeId + "/objections?size=2")
                        .header("Authorization", CADRE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andReturn().getResponse().getContentAsString();
        String restOfObjections = mvc.perform(get("/api/monitoring/public-notices/" + noticeId + "/objections?size=2&page=1")
                        .header("Authorization", CADRE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andReturn().getResponse().getContentAsString();
        List<String> summaries = new java.util.ArrayList<>(com.jayway.jsonpath.JsonPath.<List<String>>read(firstObjections,
                "$.items[*].summary"));
        summaries.addAll(com.jayway.jsonpath.JsonPath.<List<String>>read(restOfObjections, "$.items[*].summary"));
        assertThat(summaries).containsExactlyInAnyOrder("邻居反映该户有经营收入", "村民反映该户有货车", "村民反映该户子女在外务工");
        mvc.perform(get("/api/monitoring/public-notices/" + noticeId + "/objections?size=501").header("Authorization", CADRE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页最多500条"));
        mvc.perform(get("/api/monitoring/public-notices?size=0").header("Authorization", CADRE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页至少1条"));
        byte[] board = mvc.perform(get("/api/monitoring/public-notices/board.xlsx?village=210422100201")
                        .header("Authorization", CADRE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(board))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("户主");
            boolean listed = false;
            for (var row : sheet) {
                for (var cell : row) {
                    assertThat(cell.toString()).doesNotContain(idNumberOf(household));
                }
                listed |= row.getCell(0) != null && row.getCell(0).toString().contains("*");
            }
            assertThat(listed).isTrue();
        }

        clock.set(java.time.Instant.now().plus(java.time.Duration.ofDays(5)));
        decide(id, TOWNSHIP, "APPROVE", null).andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("COUNTY_CONFIRMATION"));
        decide(id, COUNTY, "APPROVE", null).andExpect(status().isUnprocessableContent());
        assertThat(alerts(household)).isZero();
        decide(id, COUNTY, "APPROVE", "MARGINAL").andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("CONFIRMED"))
                .andExpect(jsonPath("$.decisions.length()").value(3))
                .andExpect(jsonPath("$.decisions[2].decidedBy").value("xinbin-approver"))
                .andExpect(jsonPath("$.decisions[2].reason").value("同意（测试）"))
                .andExpect(jsonPath("$.decisions[2].parameterVersions").value("monitoring.clue-to-decision-days[*]@2021-01-01"));

        HouseholdMonitored monitored = bus.awaitEvent(Topics.MONITORING_HOUSEHOLD, household.toString(), HouseholdMonitored.class).data();
        assertThat(monitored.category()).isEqualTo(HouseholdCategory.MARGINAL);
        assertThat(monitored.riskTypes()).containsExactly(RiskType.ILLNESS);
        RiskAlertRaised alert = bus.awaitEvent(Topics.MONITORING_RISK_ALERT, household.toString(), RiskAlertRaised.class).data();
        assertThat(alert.assignments()).extracting(RiskAlertRaised.Assignment::bureau).contains(Bureau.MEDICAL_INSURANCE);
        assertThat(jdbc.sql("select category from household where id = :h").param("h", household).query(String.class).single())
                .isEqualTo("MARGINAL");
        decide(id, COUNTY, "APPROVE", "MARGINAL").andExpect(status().isUnprocessableContent());
    }

    @Test
    void shouldHelpFirstForADisasterAndListTheProcedureWhenOverdue() throws Exception {
        UUID household = ordinaryHousehold();

        mvc.perform(post("/api/monitoring/households/" + household + "/applications").header("Authorization", CADRE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"riskTypes\":[\"DISASTER\"],\"description\":\"房屋被洪水冲毁\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("IDENTIFY"))
                .andExpect(jsonPath("$.greenChannel").value(true));

        assertThat(alerts(household)).isEqualTo(1);
        String id = jdbc.sql("select id from identification where household_id = :h").param("h", household)
                .query(String.class).single();
        mvc.perform(get("/api/monitoring/identifications?overdue=true&size=200").header("Authorization", COUNTY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '" + id + "')]").isEmpty());

        jdbc.sql("update identification set due_date = current_date - 1 where id = :id").param("id", UUID.fromString(id)).update();

        mvc.perform(get("/api/monitoring/identifications?overdue=true&size=200").header("Authorization", COUNTY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '" + id + "')].overdue").value(true))
                .andExpect(jsonPath("$.items[?(@.id == '" + id + "')].greenChannel").value(true));
        mvc.perform(get("/api/monitoring/identifications?overdue=true&size=200").header("Authorization", QINGYUAN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '" + id + "')]").isEmpty());

        // the village finds no lasting difficulty: the early alert closes as not confirmed, the help stays on record
        decide(id, CADRE, "REJECT", null).andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("REJECTED"));
        assertThat(jdbc.sql("select status from risk_alert where household_id = :h").param("h", household)
                .query(String.class).single()).isEqualTo("NOT_CONFIRMED");
        assertThat(jdbc.sql("select count(*) from monitored_risk where household_id = :h").param("h", household)
                .query(Long.class).single()).isZero();
    }

    @Test
    void shouldPageOpenProceduresWithTheirTotalAndDecisions() throws Exception {
        String village = "210422188801";
        String cadre = "Bearer " + TestTokens.user("paging-cadre", village, "village-cadre");
        java.time.Instant clue = java.time.Instant.parse("2026-01-05T02:00:00Z");
        List<String> opened = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID household = registry.register(new NewHousehold(village, HouseholdCategory.ORDINARY, false, List.of(
                    new NewHousehold.NewMember("分页测试", SyntheticIdNumbers.next(new Random(), "210422"), "户主", "FULL"))),
                    Jurisdiction.of("210400"));
            UUID id = UUID.randomUUID();
            // the same first clue for all: the order rests on the id, so pages neither repeat nor skip a procedure
            jdbc.sql("""
                    insert into identification (id, household_id, division_code, channel, risk_types, description, stage,
                                                green_channel, first_clue_at, due_date, clock_parameter)
                    values (:id, :h, :v, 'CADRE_VISIT', 'ILLNESS', '分页测试', :stage, false, :at, current_date + 10,
                            'monitoring.clue-to-decision-days[*]@2021-01-01')""")
                    .param("id", id).param("h", household).param("v", village)
                    .param("stage", i == 0 ? "TOWNSHIP_REVIEW" : "VILLAGE_SCREENING")
                    .param("at", java.sql.Timestamp.from(clue)).update();
            opened.add(id.toString());
        }
        jdbc.sql("""
                insert into identification_decision (identification_id, step, decision, reason, decided_by, decided_division)
                values (:id, 'VILLAGE_SCREENING', 'APPROVE', '村级评议通过', 'paging-cadre', :v)""")
                .param("id", UUID.fromString(opened.get(0))).param("v", village).update();

        List<java.util.Map<String, Object>> items = Pages.readAll(mvc, "/api/monitoring/identifications", cadre, 3, 5);
        assertThat(items).extracting(i -> (String) i.get("id")).containsExactlyInAnyOrderElementsOf(opened);
        // each procedure carries its own decisions, read for the whole page at once
        assertThat(items).allSatisfy(i -> assertThat((List<?>) i.get("decisions"))
                .hasSize(i.get("id").equals(opened.get(0)) ? 1 : 0));
        mvc.perform(get("/api/monitoring/identifications?size=201").header("Authorization", cadre))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求无效"))
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页最多200条"));
        mvc.perform(get("/api/monitoring/identifications?page=-1").header("Authorization", cadre))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'page')].message").value("页码不能为负"));
    }

    private ResultActions decide(String id, String token, String decision, String category) throws Exception {
        String body = "{\"decision\":\"" + decision + "\",\"reason\":\"同意（测试）\""
                + (category == null ? "" : ",\"category\":\"" + category + "\"") + "}";
        return mvc.perform(post("/api/monitoring/identifications/" + id + "/decisions").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private UUID ordinaryHousehold() {
        return registry.register(new NewHousehold("210422100201", HouseholdCategory.ORDINARY, false, List.of(
                new NewHousehold.NewMember("认定测试", SyntheticIdNumbers.next(new Random(), "210422"), "户主", "FULL"))),
                Jurisdiction.of("210400"));
    }

    private long alerts(UUID household) {
        return jdbc.sql("select count(*) from risk_alert where household_id = :h").param("h", household).query(Long.class).single();
    }
}
