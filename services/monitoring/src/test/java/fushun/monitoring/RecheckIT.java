package fushun.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.Topics;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.household.NewHousehold;
import fushun.platform.PlatformTime;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.security.Jurisdiction;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.MovableClock;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The year's re-check: opened by the county with one task per monitored household, each task
 * visited by the village, reviewed by the township and confirmed by the county, with progress and
 * the overdue list. Each test opens its own county and year (one re-check per county and year).
 */
@ServiceIntegrationTest
class RecheckIT {

    private static final String XINBIN_CADRE = bearer("xinbin-cadre", "210422100201", "village-cadre");
    private static final String XINBIN_OTHER_CADRE = bearer("xinbin-cadre-2", "210422100202", "village-cadre");
    private static final String XINBIN_TOWNSHIP = bearer("xinbin-township", "210422100", "township-reviewer");
    private static final String XINBIN_COUNTY = bearer("xinbin-approver", "210422", "county-approver");
    private static final String QINGYUAN_COUNTY = bearer("qingyuan-approver", "210423", "county-approver");
    private static final String CITY_APPROVER = bearer("city-approver", "210400", "county-approver");
    private static final String FUSHUN_COUNTY = bearer("fushun-approver", "210421", "county-approver");
    private static final String FUSHUN_TOWNSHIP = bearer("fushun-township", "210421100", "township-reviewer");
    private static final String FUSHUN_CADRE = bearer("fushun-cadre", "210421100201", "village-cadre");
    private static final String FUSHUN_OTHER_CADRE = bearer("fushun-cadre-2", "210421100202", "village-cadre");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired HouseholdRegistry registry;
    @Autowired MovableClock clock;

    private final Random random = new Random();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldOpenOneTaskPerMonitoredHouseholdOfTheCountyAndCountProgressAndOverdue() throws Exception {
        // 抚顺县 (210421) is this test's alone: no other test registers households there
        UUID marginal = household("210421100201", HouseholdCategory.MARGINAL);
        UUID unstable = household("210421100201", HouseholdCategory.UNSTABLE_OUT_OF_POVERTY);
        UUID sudden = household("210421100202", HouseholdCategory.SUDDEN_SEVERE_DIFFICULTY);
        List<UUID> notMonitored = new ArrayList<>(List.of(
                household("210421100201", HouseholdCategory.ORDINARY),
                household("210421100201", HouseholdCategory.OUT_OF_POVERTY),
                registry.register(new NewHousehold("210421100202", HouseholdCategory.MARGINAL, true, List.of(member("210421"))),
                        Jurisdiction.of("210400")),
                household("210423100201", HouseholdCategory.MARGINAL),
                household("210421100202", HouseholdCategory.MARGINAL)));
        jdbc.sql("update household set risk_eliminated_at = now() where id = :h").param("h", notMonitored.get(4)).update();
        LocalDate today = PlatformTime.today(clock);
        int year = today.getYear();
        LocalDate due = today.plusDays(3);

        expect(post("/api/monitoring/rechecks"), XINBIN_TOWNSHIP, open(year, due), 403);
        expect(post("/api/monitoring/rechecks"), CITY_APPROVER, open(year, due), 422);
        expect(post("/api/monitoring/rechecks"), FUSHUN_COUNTY, open(year + 1, due), 422);
        expect(post("/api/monitoring/rechecks"), FUSHUN_COUNTY, open(2020, due), 400);
        expect(post("/api/monitoring/rechecks"), FUSHUN_COUNTY, open(year, today.minusDays(1)), 422);
        assertThat(jdbc.sql("select count(*) from recheck where county_code = '210421'").query(Long.class).single()).isZero();

        JsonNode recheck = expect(post("/api/monitoring/rechecks"), FUSHUN_COUNTY, open(year, due), 201);
        String id = recheck.get("id").asString();
        assertThat(recheck.get("taskCount").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("select household_id from recheck_task where recheck_id = :r").param("r", UUID.fromString(id))
                .query(UUID.class).list()).containsExactlyInAnyOrder(marginal, unstable, sudden);

        JsonNode again = expect(post("/api/monitoring/rechecks"), FUSHUN_COUNTY, open(year, due.plusDays(5)), 422);
        assertThat(again.get("existing").get("id").asString()).isEqualTo(id);
        assertThat(again.get("existing").get("dueDate").asString()).isEqualTo(due.toString());
        assertThat(jdbc.sql("select count(*) from recheck_task where recheck_id = :r").param("r", UUID.fromString(id))
                .query(Long.class).single()).isEqualTo(3);

        // another county sees neither the re-check nor its tasks
        expect(get("/api/monitoring/rechecks/" + id), QINGYUAN_COUNTY, null, 404);
        expect(get("/api/monitoring/rechecks/" + id + "/tasks"), QINGYUAN_COUNTY, null, 404);
        assertThat(expect(get("/api/monitoring/rechecks?year=" + year), QINGYUAN_COUNTY, null, 200).get("items").toString())
                .doesNotContain(id);
        JsonNode listed = expect(get("/api/monitoring/rechecks?year=" + year), FUSHUN_TOWNSHIP, null, 200);
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("id").asString()).isEqualTo(id);

        // a village cadre sees their village's tasks only
        JsonNode village = expect(get("/api/monitoring/rechecks/" + id + "/tasks"), FUSHUN_CADRE, null, 200);
        assertThat(village.get("total").asLong()).isEqualTo(2);
        assertThat(householdsOf(village)).containsExactlyInAnyOrder(marginal, unstable);
        JsonNode paged = expect(get("/api/monitoring/rechecks/" + id + "/tasks?size=1&page=1"), FUSHUN_COUNTY, null, 200);
        assertThat(paged.get("total").asLong()).isEqualTo(3);
        assertThat(paged.get("items")).hasSize(1);
        assertThat(expect(get("/api/monitoring/rechecks/" + id + "/tasks?division=210421100202"), FUSHUN_COUNTY, null, 200)
                .get("total").asLong()).isEqualTo(1);

        // the marginal household: confirmed as still at risk; the unstable one visited; the sudden one untouched
        String marginalTask = taskOf(id, marginal);
        visit(marginalTask, FUSHUN_CADRE, "STILL_AT_RISK", null, 200);
        decide(marginalTask, "review", FUSHUN_TOWNSHIP, true, 200);
        JsonNode confirmed = decide(marginalTask, "confirmation", FUSHUN_COUNTY, true, 200);
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(categoryOf(marginal)).isEqualTo("MARGINAL");
        visit(taskOf(id, unstable), FUSHUN_CADRE, "PROPOSE_ELIMINATION", null, 200);

        JsonNode villages = expect(get("/api/monitoring/rechecks/" + id + "/progress?level=village"), FUSHUN_COUNTY, null, 200);
        assertThat(villages.get("total").asLong()).isEqualTo(2);
        JsonNode first = villages.get("items").get(0);
        assertThat(first.get("divisionCode").asString()).isEqualTo("210421100201");
        assertThat(List.of(first.get("total").asLong(), first.get("visited").asLong(), first.get("reviewed").asLong(),
                first.get("confirmed").asLong(), first.get("overdue").asLong(), first.get("stillAtRisk").asLong(),
                first.get("proposeElimination").asLong(), first.get("proposeCategoryChange").asLong()))
                .containsExactly(2L, 2L, 1L, 1L, 0L, 1L, 1L, 0L);
        JsonNode second = villages.get("items").get(1);
        assertThat(second.get("divisionCode").asString()).isEqualTo("210421100202");
        assertThat(List.of(second.get("total").asLong(), second.get("visited").asLong())).containsExactly(1L, 0L);
        JsonNode townships = expect(get("/api/monitoring/rechecks/" + id + "/progress?level=township"), FUSHUN_CADRE, null, 200);
        assertThat(townships.get("items")).hasSize(1);
        assertThat(townships.get("items").get(0).get("divisionCode").asString()).isEqualTo("210421100");
        assertThat(townships.get("items").get(0).get("total").asLong()).isEqualTo(2);
        expect(get("/api/monitoring/rechecks/" + id + "/progress?level=county"), FUSHUN_COUNTY, null, 400);

        // nothing is overdue until the due date has passed; then every open task is
        assertThat(expect(get("/api/monitoring/rechecks/" + id + "/tasks?overdue=true"), FUSHUN_COUNTY, null, 200)
                .get("total").asLong()).isZero();
        clock.set(due.plusDays(1).atTime(LocalTime.of(9, 0)).atZone(PlatformTime.CHINA).toInstant());
        JsonNode overdue = expect(get("/api/monitoring/rechecks/" + id + "/tasks?overdue=true"), FUSHUN_COUNTY, null, 200);
        assertThat(overdue.get("total").asLong()).isEqualTo(2);
        assertThat(householdsOf(overdue)).containsExactlyInAnyOrder(unstable, sudden);
        assertThat(overdue.get("items").get(0).get("overdue").asBoolean()).isTrue();
        JsonNode overdueVillage = expect(get("/api/monitoring/rechecks/" + id + "/tasks?overdue=true"), FUSHUN_OTHER_CADRE, null, 200);
        assertThat(householdsOf(overdueVillage)).containsExactly(sudden);
        JsonNode late = expect(get("/api/monitoring/rechecks/" + id + "/progress?level=village"), FUSHUN_COUNTY, null, 200);
        assertThat(late.get("items").get(0).get("overdue").asLong()).isEqualTo(1);
        assertThat(late.get("items").get(1).get("overdue").asLong()).isEqualTo(1);
    }

    @Test
    void shouldTakeATaskFromVillageToTownshipToCountyAndChangeTheCategory() throws Exception {
        UUID household = household("210422100201", HouseholdCategory.MARGINAL);
        String id = openXinbin(PlatformTime.today(clock).getYear() - 1);
        String task = taskOf(id, household);

        // wrong step, wrong role or level: 422; another village or county: 404
        decide(task, "review", XINBIN_TOWNSHIP, true, 422);
        visit(task, XINBIN_TOWNSHIP, "STILL_AT_RISK", null, 422);
        visit(task, XINBIN_COUNTY, "STILL_AT_RISK", null, 422);
        visit(task, XINBIN_OTHER_CADRE, "STILL_AT_RISK", null, 404);
        visit(task, QINGYUAN_COUNTY, "STILL_AT_RISK", null, 404);
        expect(get("/api/monitoring/recheck-tasks/" + task), QINGYUAN_COUNTY, null, 404);
        // a category the county may not name for this household, or its own
        visit(task, XINBIN_CADRE, "PROPOSE_CATEGORY_CHANGE", "MARGINAL", 422);
        visit(task, XINBIN_CADRE, "PROPOSE_CATEGORY_CHANGE", "UNSTABLE_OUT_OF_POVERTY", 422);
        visit(task, XINBIN_CADRE, "STILL_AT_RISK", "SUDDEN_SEVERE_DIFFICULTY", 422);
        assertThat(statusOf(task)).isEqualTo("TO_VISIT");

        // recorded, then recorded again before the township's review
        assertThat(visit(task, XINBIN_CADRE, "STILL_AT_RISK", null, 200).get("status").asString()).isEqualTo("VISITED");
        JsonNode visited = visit(task, XINBIN_CADRE, "PROPOSE_CATEGORY_CHANGE", "SUDDEN_SEVERE_DIFFICULTY", 200);
        assertThat(visited.get("outcome").asString()).isEqualTo("PROPOSE_CATEGORY_CHANGE");
        assertThat(visited.get("proposedCategory").asString()).isEqualTo("SUDDEN_SEVERE_DIFFICULTY");

        // the township sends it back; the village visits again
        decide(task, "confirmation", XINBIN_COUNTY, true, 422);
        decide(task, "review", XINBIN_CADRE, true, 422);
        assertThat(decide(task, "review", XINBIN_TOWNSHIP, false, 200).get("status").asString()).isEqualTo("TO_VISIT");
        decide(task, "review", XINBIN_TOWNSHIP, true, 422);
        visit(task, XINBIN_CADRE, "PROPOSE_CATEGORY_CHANGE", "SUDDEN_SEVERE_DIFFICULTY", 200);
        assertThat(decide(task, "review", XINBIN_TOWNSHIP, true, 200).get("status").asString()).isEqualTo("REVIEWED");
        visit(task, XINBIN_CADRE, "STILL_AT_RISK", null, 422);

        // the county sends it back to the township, which passes it on again
        decide(task, "confirmation", XINBIN_TOWNSHIP, true, 422);
        decide(task, "confirmation", QINGYUAN_COUNTY, true, 404);
        assertThat(decide(task, "confirmation", XINBIN_COUNTY, false, 200).get("status").asString()).isEqualTo("VISITED");
        assertThat(categoryOf(household)).isEqualTo("MARGINAL");
        decide(task, "review", XINBIN_TOWNSHIP, true, 200);
        JsonNode confirmed = decide(task, "confirmation", XINBIN_COUNTY, true, 200);
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("category").asString()).isEqualTo("SUDDEN_SEVERE_DIFFICULTY");
        assertThat(confirmed.get("categoryAtOpen").asString()).isEqualTo("MARGINAL");
        decide(task, "confirmation", XINBIN_COUNTY, true, 422);

        assertThat(categoryOf(household)).isEqualTo("SUDDEN_SEVERE_DIFFICULTY");
        HouseholdChanged changed = bus.awaitEvent(Topics.MONITORING_HOUSEHOLD, household.toString(), HouseholdChanged.class,
                e -> e.kind() == HouseholdChanged.Kind.CATEGORY).data();
        assertThat(changed.category()).isEqualTo(HouseholdCategory.SUDDEN_SEVERE_DIFFICULTY);
        assertThat(changed.reason()).isEqualTo(HouseholdChanged.Reason.POLICY_DECISION);

        // every decision with who and why, on the household's timeline too
        List<String> steps = new ArrayList<>();
        confirmed.get("decisions").forEach(d -> steps.add(d.get("step").asString() + " " + d.get("decision").asString()
                + " " + d.get("decidedBy").asString()));
        assertThat(steps).containsExactly("VISIT RECORDED xinbin-cadre", "VISIT RECORDED xinbin-cadre",
                "REVIEW REJECT xinbin-township", "VISIT RECORDED xinbin-cadre", "REVIEW APPROVE xinbin-township",
                "CONFIRMATION REJECT xinbin-approver", "REVIEW APPROVE xinbin-township", "CONFIRMATION APPROVE xinbin-approver");
        JsonNode timeline = expect(get("/api/monitoring/households/" + household + "/timeline"), XINBIN_COUNTY, null, 200);
        List<String> entries = new ArrayList<>();
        timeline.forEach(e -> {
            if ("RECHECK".equals(e.get("kind").asString())) {
                entries.add(e.get("summary").asString());
            }
        });
        assertThat(entries).hasSize(8);
        assertThat(entries.get(entries.size() - 1)).contains("CONFIRMATION APPROVE", "xinbin-approver", "同意");
        assertThat(timeline.toString()).contains("HOUSEHOLD_CHANGED");
    }

    @Test
    void shouldOpenTheEliminationProcedureOnlyWhenThePreconditionsHold() throws Exception {
        UUID notReady = household("210422100201", HouseholdCategory.MARGINAL);
        UUID ready = household("210422100201", HouseholdCategory.UNSTABLE_OUT_OF_POVERTY);
        monitoredWithMeasureDeliveredSevenMonthsAgo(ready);
        int year = PlatformTime.today(clock).getYear();
        expect(put("/api/monitoring/households/" + ready + "/incomes/" + year), XINBIN_CADRE,
                "{\"components\":{\"WAGES\":30000.00}}", 200);
        String id = openXinbin(year - 2);

        String refused = taskOf(id, notReady);
        visit(refused, XINBIN_CADRE, "PROPOSE_ELIMINATION", null, 200);
        decide(refused, "review", XINBIN_TOWNSHIP, true, 200);
        JsonNode problem = decide(refused, "confirmation", XINBIN_COUNTY, true, 422);
        List<String> unmet = new ArrayList<>();
        problem.get("failures").forEach(f -> unmet.add(f.get("precondition").asString()));
        assertThat(unmet).contains("MONITORED", "MEASURE", "INCOME");
        assertThat(problem.get("detail").asString()).contains("尚未落实任何帮扶措施");
        assertThat(statusOf(refused)).isEqualTo("REVIEWED");
        assertThat(jdbc.sql("select count(*) from identification where household_id = :h").param("h", notReady)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from recheck_decision where task_id = :t").param("t", UUID.fromString(refused))
                .query(Long.class).single()).isEqualTo(2);

        String accepted = taskOf(id, ready);
        visit(accepted, XINBIN_CADRE, "PROPOSE_ELIMINATION", null, 200);
        decide(accepted, "review", XINBIN_TOWNSHIP, true, 200);
        JsonNode confirmed = decide(accepted, "confirmation", XINBIN_COUNTY, true, 200);
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
        UUID elimination = UUID.fromString(confirmed.get("eliminationId").asString());
        assertThat(jdbc.sql("select purpose || ' ' || stage from identification where id = :id and household_id = :h")
                .param("id", elimination).param("h", ready).query(String.class).single())
                .isEqualTo("ELIMINATION VILLAGE_SCREENING");
    }

    private void monitoredWithMeasureDeliveredSevenMonthsAgo(UUID household) {
        UUID alert = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        jdbc.sql("""
                        insert into risk_alert (id, household_id, division_code, risk_types, explanation, status, raised_at)
                        values (:a, :h, '210422100201', 'ILLNESS', '复核测试', 'OPEN', now() - interval '7 months')""")
                .param("a", alert).param("h", household).update();
        jdbc.sql("insert into monitored_risk (household_id, risk_type, alert_id) values (:h, 'ILLNESS', :a)")
                .param("h", household).param("a", alert).update();
        jdbc.sql("""
                        insert into assignment (id, alert_id, household_id, division_code, bureau, due_date, status, closed_at)
                        values (:id, :a, :h, '210422100201', 'CIVIL_AFFAIRS', current_date, 'CLOSED', now())""")
                .param("id", assignment).param("a", alert).param("h", household).update();
        jdbc.sql("""
                        insert into measure (id, assignment_id, household_id, bureau, measure, applied_on, recorded_by)
                        values (:id, :as, :h, 'CIVIL_AFFAIRS', 'DIBAO', current_date - 60, 'social-assistance')""")
                .param("id", UUID.randomUUID()).param("as", assignment).param("h", household).update();
    }

    private String openXinbin(int year) throws Exception {
        return expect(post("/api/monitoring/rechecks"), XINBIN_COUNTY, open(year, PlatformTime.today(clock).plusDays(30)), 201)
                .get("id").asString();
    }

    private String taskOf(String recheck, UUID household) {
        return jdbc.sql("select id from recheck_task where recheck_id = :r and household_id = :h")
                .param("r", UUID.fromString(recheck)).param("h", household).query(UUID.class).single().toString();
    }

    private String statusOf(String task) {
        return jdbc.sql("select status from recheck_task where id = :t").param("t", UUID.fromString(task))
                .query(String.class).single();
    }

    private String categoryOf(UUID household) {
        return jdbc.sql("select category from household where id = :h").param("h", household).query(String.class).single();
    }

    private JsonNode visit(String task, String token, String outcome, String proposed, int expected) throws Exception {
        String body = """
                {"visitedOn":"%s","perCapitaIncome":8123.45,"outcome":"%s",%s"note":"入户核实"}"""
                .formatted(PlatformTime.today(clock), outcome, proposed == null ? "" : "\"proposedCategory\":\"" + proposed + "\",");
        return expect(post("/api/monitoring/recheck-tasks/" + task + "/visit"), token, body, expected);
    }

    private JsonNode decide(String task, String step, String token, boolean approve, int expected) throws Exception {
        return expect(post("/api/monitoring/recheck-tasks/" + task + "/" + step), token,
                "{\"approve\":" + approve + ",\"reason\":\"" + (approve ? "同意" : "请重新核实收入") + "\"}", expected);
    }

    private JsonNode expect(MockHttpServletRequestBuilder request, String token, String body, int expected) throws Exception {
        request.header("Authorization", token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        String response = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return response.isEmpty() ? JSON.createObjectNode() : JSON.readTree(response);
    }

    private static String open(int year, LocalDate due) {
        return "{\"year\":" + year + ",\"dueDate\":\"" + due + "\"}";
    }

    private static List<UUID> householdsOf(JsonNode page) {
        List<UUID> households = new ArrayList<>();
        page.get("items").forEach(t -> households.add(UUID.fromString(t.get("householdId").asString())));
        return households;
    }

    private UUID household(String village, HouseholdCategory category) {
        return registry.register(new NewHousehold(village, category, false, List.of(member(village.substring(0, 6)))),
                Jurisdiction.of("210400"));
    }

    private NewHousehold.NewMember member(String county) {
        return new NewHousehold.NewMember("复核测试", SyntheticIdNumbers.next(random, county), "户主", "FULL");
    }

    private static String bearer(String user, String division, String role) {
        return "Bearer " + TestTokens.user(user, division, role);
    }
}
