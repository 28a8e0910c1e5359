package fushun.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.monitoring.risk.RiskAlerts;
import fushun.platform.PlatformTime;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A household's changes through the API: revisions, the household as of a day, the event, a move between counties. */
@ServiceIntegrationTest
class HouseholdChangesIT {

    private static final String CADRE = "Bearer " + TestTokens.user("xinbin-cadre", "210422100201", "village-cadre");
    private static final String XINBIN = "Bearer " + TestTokens.user("xinbin-approver", "210422", "county-approver");
    private static final String QINGYUAN = "Bearer " + TestTokens.user("qingyuan-approver", "210423", "county-approver");
    private static final String QINGYUAN_CADRE = "Bearer " + TestTokens.user("qingyuan-cadre", "210423100201", "village-cadre");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired RiskAlerts alerts;
    @Autowired TransactionTemplate transactions;

    private final Random random = new Random();

    @Test
    void shouldRecordADeathAsARevisionAndReadTheHouseholdAsOfTheDayBefore() throws Exception {
        LocalDate today = PlatformTime.today(clock);
        UUID household = register();
        // registered ten days ago, so the day before the death is in the registry
        jdbc.sql("update household set registered_at = registered_at - interval '10 days' where id = :h")
                .param("h", household).update();
        String spouse = memberId(household, "配偶");

        JsonNode revision = change(household, CADRE, """
                {"kind":"MEMBER_LEFT","reason":"DEATH","effectiveOn":"%s","memberId":"%s","note":"村医确认"}""".formatted(today, spouse), 201);

        assertThat(revision.get("revision").asInt()).isEqualTo(2);
        assertThat(revision.get("summary").asString()).contains("死亡");
        HouseholdChanged event = bus.awaitEvent(Topics.MONITORING_HOUSEHOLD, household.toString(), HouseholdChanged.class).data();
        assertThat(event.kind()).isEqualTo(HouseholdChanged.Kind.MEMBER_LEFT);
        assertThat(event.reason()).isEqualTo(HouseholdChanged.Reason.DEATH);
        assertThat(event.revision()).isEqualTo(2);
        assertThat(event.activeMembers()).hasSize(1);
        assertThat(event.member()).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(HouseholdChanged.MemberStatus.LEFT);
            assertThat(m.leftOn()).isEqualTo(today);
        });
        assertThat(event.toString()).doesNotContain("村医确认");

        mvc.perform(get("/api/monitoring/households/" + household).header("Authorization", CADRE))
                .andExpect(jsonPath("$.members[?(@.id == '" + spouse + "')].status").value("LEFT"))
                .andExpect(jsonPath("$.revision").value(2));
        mvc.perform(get("/api/monitoring/households/" + household + "?asOf=" + today.minusDays(1)).header("Authorization", CADRE))
                .andExpect(jsonPath("$.members[?(@.id == '" + spouse + "')].status").value("ACTIVE"));
        mvc.perform(get("/api/monitoring/households/" + household + "?asOf=" + today.minusDays(11)).header("Authorization", CADRE))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.title").value("该日尚未登记"));
        mvc.perform(get("/api/monitoring/households/" + household + "/changes").header("Authorization", CADRE))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].kind").value("MEMBER_LEFT"));
        mvc.perform(get("/api/monitoring/households/" + household + "/timeline").header("Authorization", CADRE))
                .andExpect(jsonPath("$[?(@.kind == 'HOUSEHOLD_CHANGED')]").exists());

        // the same death again, and a change dated before it on the same member: refused, nothing changes
        change(household, CADRE, """
                {"kind":"MEMBER_LEFT","reason":"DEATH","effectiveOn":"%s","memberId":"%s"}""".formatted(today, spouse), 422);
        change(household, CADRE, """
                {"kind":"LABOUR_CAPACITY","reason":"REASSESSED","effectiveOn":"%s","memberId":"%s","labourCapacity":"NONE"}"""
                .formatted(today.plusDays(1), memberId(household, "户主")), 422);
        assertThat(revisionOf(household)).isEqualTo(2);
    }

    @Test
    void shouldHandAHouseholdMovedToAnotherCountyToTheNewCounty() throws Exception {
        UUID household = register();
        mvc.perform(get("/api/monitoring/households/" + household).header("Authorization", QINGYUAN))
                .andExpect(status().isNotFound());
        // a clue about this 脱贫户 opens its procedure; the village approves and posts the notice
        mvc.perform(post("/api/monitoring/households/" + household + "/applications").header("Authorization", CADRE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"riskTypes\":[\"ILLNESS\"],\"description\":\"住院\"}"))
                .andExpect(status().isOk());
        String procedure = jdbc.sql("select cast(id as varchar) from identification where household_id = :h")
                .param("h", household).query(String.class).single();
        mvc.perform(post("/api/monitoring/identifications/" + procedure + "/decisions").header("Authorization", CADRE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\",\"reason\":\"属实\"}"))
                .andExpect(status().isOk());
        String notice = jdbc.sql("select cast(id as varchar) from public_notice where household_id = :h")
                .param("h", household).query(String.class).single();
        // a bureau's alert with its assignments
        UUID alert = transactions.execute(tx -> alerts.raise(household, "210422100201", List.of(RiskType.UNSAFE_HOUSING),
                "危房", null)).orElseThrow().alertId();

        change(household, CADRE, """
                {"kind":"DIVISION","reason":"RELOCATION","effectiveOn":"%s","divisionCode":"210423100201"}"""
                .formatted(PlatformTime.today(clock)), 201);

        mvc.perform(get("/api/monitoring/households/" + household).header("Authorization", XINBIN))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/monitoring/households/" + household).header("Authorization", QINGYUAN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.divisionCode").value("210423100201"));
        // its procedure and its notice are the new area's
        mvc.perform(get("/api/monitoring/public-notices/" + notice).header("Authorization", XINBIN))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/monitoring/public-notices/" + notice).header("Authorization", QINGYUAN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.divisionCode").value("210423100201"));
        mvc.perform(get("/api/monitoring/identifications/" + procedure).header("Authorization", XINBIN))
                .andExpect(status().isNotFound());
        // so are its alert and the bureaus' assignments, on the new county's lists
        assertThat(jdbc.sql("select division_code from risk_alert where id = :a").param("a", alert).query(String.class).single())
                .isEqualTo("210423100201");
        assertThat(jdbc.sql("select division_code from assignment where alert_id = :a").param("a", alert).query(String.class).list())
                .isNotEmpty().containsOnly("210423100201");
        HouseholdChanged event = bus.awaitEvent(Topics.MONITORING_HOUSEHOLD, household.toString(), HouseholdChanged.class,
                e -> e.kind() == HouseholdChanged.Kind.DIVISION).data();
        assertThat(event.previousDivisionCode()).isEqualTo("210422100201");
        assertThat(event.divisionCode()).isEqualTo("210423100201");
        // the old village's cadre can no longer change it; the new one can
        change(household, CADRE, """
                {"kind":"POLICY_FLAG","reason":"POLICY_DECISION","effectiveOn":"%s","notEntitledToPolicy":true}"""
                .formatted(PlatformTime.today(clock)), 404);
        change(household, QINGYUAN_CADRE, """
                {"kind":"LABOUR_CAPACITY","reason":"REASSESSED","effectiveOn":"%s","memberId":"%s","labourCapacity":"NONE"}"""
                .formatted(PlatformTime.today(clock), memberId(household, "配偶")), 201);
    }

    @Test
    void shouldRefuseAMonitoringCategoryOutsideTheProcedure() throws Exception {
        UUID household = register();

        JsonNode refused = change(household, CADRE, """
                {"kind":"CATEGORY","reason":"CORRECTION","effectiveOn":"%s","category":"UNSTABLE_OUT_OF_POVERTY"}"""
                .formatted(PlatformTime.today(clock)), 422);

        assertThat(refused.get("title").asString()).isEqualTo("类别须经认定");
        assertThat(revisionOf(household)).isEqualTo(1);
    }

    @Test
    void shouldAddANewbornAndRefuseAnIdNumberStillInAnotherHousehold() throws Exception {
        UUID household = register();
        String newborn = SyntheticIdNumbers.next(random, "210422");

        change(household, CADRE, """
                {"kind":"MEMBER_ADDED","reason":"BIRTH","effectiveOn":"%s",
                 "newMember":{"name":"测试新生","idNumber":"%s","relationship":"子女","labourCapacity":"NONE"}}"""
                .formatted(PlatformTime.today(clock), newborn), 201);
        UUID other = register();
        change(other, CADRE, """
                {"kind":"MEMBER_ADDED","reason":"MARRIAGE_IN","effectiveOn":"%s",
                 "newMember":{"name":"测试重复","idNumber":"%s","relationship":"配偶","labourCapacity":"FULL"}}"""
                .formatted(PlatformTime.today(clock), newborn), 422);

        assertThat(jdbc.sql("select count(*) from household_member where household_id = :h and status = 'ACTIVE'")
                .param("h", household).query(Long.class).single()).isEqualTo(3);
        assertThat(revisionOf(other)).isEqualTo(1);
    }

    private UUID register() throws Exception {
        String body = """
                {"divisionCode":"210422100201","category":"OUT_OF_POVERTY","notEntitledToPolicy":false,
                 "members":[{"name":"变动户主","idNumber":"%s","relationship":"户主","labourCapacity":"FULL"},
                            {"name":"变动配偶","idNumber":"%s","relationship":"配偶","labourCapacity":"PARTIAL"}]}"""
                .formatted(SyntheticIdNumbers.next(random, "210422"), SyntheticIdNumbers.next(random, "210422"));
        String response = mvc.perform(post("/api/monitoring/households").header("Authorization", CADRE)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JSON.readTree(response).get("householdId").asString());
    }

    private JsonNode change(UUID household, String token, String body, int expected) throws Exception {
        String response = mvc.perform(post("/api/monitoring/households/" + household + "/changes").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return JSON.readTree(response);
    }

    private String memberId(UUID household, String relationship) {
        return jdbc.sql("select cast(id as varchar) from household_member where household_id = :h and relationship = :r")
                .param("h", household).param("r", relationship).query(String.class).single();
    }

    private int revisionOf(UUID household) {
        return jdbc.sql("select revision from household where id = :h").param("h", household).query(Integer.class).single();
    }
}
