package fushun.assetmanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.Topics;
import fushun.contracts.assetmanagement.AssetIncomeDistributed;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.HouseholdChanges;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The ledger's guarded changes with their audit, and a village's income plan that serves monitored households first. */
@ServiceIntegrationTest
class AssetIT {

    private static final String VILLAGE_MANAGER = manager("village-manager", "210422100201");
    private static final String OTHER_VILLAGE_MANAGER = manager("village-manager-2", "210422100201");
    private static final String COUNTY_MANAGER = manager("county-manager", "210422");

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactionTemplate;

    @Test
    void shouldRefuseAndAuditAnyChangeWithoutAHigherLevelsApproval() throws Exception {
        String assetId = JsonPath.read(mvc.perform(post("/api/asset-management/assets").header("Authorization", VILLAGE_MANAGER)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"village":"210422100201","name":"光伏电站","assetType":"OPERATING","project":"2019年光伏扶贫项目",
                                 "value":500000,"maintainer":"村集体经济合作社"}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.owner").value("村集体"))
                .andReturn().getResponse().getContentAsString(), "$.id");
        String changeId = JsonPath.read(mvc.perform(post("/api/asset-management/assets/" + assetId + "/changes")
                        .header("Authorization", VILLAGE_MANAGER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"DISPOSAL\",\"reason\":\"设备报废\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

        execute(VILLAGE_MANAGER, changeId).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("未经批准"));
        mvc.perform(post("/api/asset-management/assets/" + assetId + "/changes").header("Authorization", VILLAGE_MANAGER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"TRANSFER\",\"newOwner\":\"某公司\",\"reason\":\"转让\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("已有变更在办"));
        decide(VILLAGE_MANAGER, changeId, true).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("职责分离（四眼原则）"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("该资产变更申请由您本人提交")));
        decide(OTHER_VILLAGE_MANAGER, changeId, true).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("无权审批"));
        decide(manager("qingyuan", "210423"), changeId, true).andExpect(status().isNotFound());
        mvc.perform(get("/api/asset-management/assets").header("Authorization", VILLAGE_MANAGER))
                .andExpect(jsonPath("$.items[?(@.id == '" + assetId + "')].status").value("IN_USE"));

        decide(COUNTY_MANAGER, changeId, true).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decidedBy").value("county-manager"));
        execute(VILLAGE_MANAGER, changeId).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DISPOSED"));
        execute(VILLAGE_MANAGER, changeId).andExpect(status().isUnprocessableContent());

        mvc.perform(get("/api/asset-management/assets/" + assetId + "/audit").header("Authorization", COUNTY_MANAGER))
                .andExpect(jsonPath("$.items[?(@.outcome == 'REFUSED')].action").value(
                        org.hamcrest.Matchers.contains("EXECUTE_DISPOSAL", "DECIDE", "DECIDE", "EXECUTE_DISPOSAL")))
                .andExpect(jsonPath("$.items[?(@.action == 'APPROVE')].actor").value("county-manager"))
                .andExpect(jsonPath("$.items[?(@.action == 'EXECUTE_DISPOSAL' && @.outcome == 'DONE')].actor").value("village-manager"));
    }

    @Test
    void shouldConfirmAPlanOnlyWhenItServesEveryMonitoredHouseholdAndAddsUpToTheIncome() throws Exception {
        String village = "210423100201";
        String manager = manager("qingyuan-village", village);
        UUID monitoredA = register(village, HouseholdCategory.MARGINAL);
        UUID monitoredB = register(village, HouseholdCategory.UNSTABLE_OUT_OF_POVERTY);
        UUID outOfPoverty = register(village, HouseholdCategory.OUT_OF_POVERTY);
        UUID notEntitled = register(village, HouseholdCategory.OUT_OF_POVERTY, true);
        String operating = asset(manager, village, "OPERATING");
        String publicWelfare = asset(manager, village, "PUBLIC_WELFARE");
        int year = LocalDate.now().getYear() - 1;
        income(manager, operating, year, "10000.00").andExpect(status().isOk());
        income(manager, operating, year, "10000.00").andExpect(status().isUnprocessableContent());
        income(manager, publicWelfare, year, "500.00").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("非经营性资产"));

        String withoutB = lines(line("MONITORED_HOUSEHOLD", monitoredA, "6000"), line("OUT_OF_POVERTY_HOUSEHOLD", outOfPoverty, "2000"),
                line("MAINTENANCE", null, "2000"));
        plan(manager, village, year, withoutB).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("未优先保障监测对象"));
        String wrongTotal = lines(line("MONITORED_HOUSEHOLD", monitoredA, "3000"), line("MONITORED_HOUSEHOLD", monitoredB, "3000"),
                line("MAINTENANCE", null, "3000"));
        plan(manager, village, year, wrongTotal).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("合计不符"));
        String wrongPurpose = lines(line("MONITORED_HOUSEHOLD", outOfPoverty, "3000"), line("MONITORED_HOUSEHOLD", monitoredA, "3000"),
                line("MONITORED_HOUSEHOLD", monitoredB, "4000"));
        plan(manager, village, year, wrongPurpose).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("分配对象有误"));
        assertThat(jdbc.sql("select count(*) from distribution_plan where village = :v").param("v", village)
                .query(Long.class).single()).isZero();

        // 脱贫不享受政策户: no share, refused with the reason; and it need not be served
        String toNotEntitled = lines(line("MONITORED_HOUSEHOLD", monitoredA, "3000"), line("MONITORED_HOUSEHOLD", monitoredB, "3000"),
                line("OUT_OF_POVERTY_HOUSEHOLD", notEntitled, "2000"), line("MAINTENANCE", null, "2000"));
        plan(manager, village, year, toNotEntitled).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("脱贫不享受政策户"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不再享受帮扶政策")));
        mvc.perform(get("/api/asset-management/villages/" + village + "/households").header("Authorization", manager))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.householdId == '" + notEntitled + "')]").isEmpty())
                .andExpect(jsonPath("$.items[?(@.householdId == '" + outOfPoverty + "')]").isNotEmpty());

        String good = lines(line("MONITORED_HOUSEHOLD", monitoredA, "3000"), line("MONITORED_HOUSEHOLD", monitoredB, "3000"),
                line("OUT_OF_POVERTY_HOUSEHOLD", outOfPoverty, "2000"), line("MAINTENANCE", null, "1000"),
                line("VILLAGE_PUBLIC_WELFARE", null, "1000"));
        plan(manager, village, year, good).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalIncome").value(10000.00))
                .andExpect(jsonPath("$.lines.length()").value(5));
        plan(manager, village, year, good).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("方案已确认"));
        String another = asset(manager, village, "OPERATING");
        income(manager, another, year, "500.00").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("方案已确认"));

        AssetIncomeDistributed share = bus.awaitEvent(Topics.ASSET_MANAGEMENT_MEASURE, monitoredA.toString(),
                AssetIncomeDistributed.class).data();
        assertThat(share.amount()).isEqualByComparingTo("3000");
        assertThat(share.purpose()).isEqualTo("MONITORED_HOUSEHOLD");
        assertThat(jdbc.sql("select count(*) from outbox_event where type = 'AssetIncomeDistributed' and aggregateid in (:h)")
                .param("h", List.of(monitoredA.toString(), monitoredB.toString(), outOfPoverty.toString()))
                .query(Long.class).single()).isEqualTo(3);
        plan(manager("other", "210422"), village, year, good).andExpect(status().isNotFound());
    }

    @Test
    void shouldApplyHouseholdChangesOnceEachInRevisionOrderAndMoveAHouseholdToItsNewVillagesList() throws Exception {
        String oldVillage = "210422100204";
        String newVillage = "210423100204";
        String oldManager = manager("xinbin-village-4", oldVillage);
        String newManager = manager("qingyuan-village-4", newVillage);
        UUID householdId = UUID.randomUUID();
        UUID spouse = UUID.randomUUID();
        HouseholdRegistered registered = new HouseholdRegistered(householdId, oldVillage, HouseholdCategory.MARGINAL,
                false, "迁移户主", List.of(
                new HouseholdRegistered.Member(UUID.randomUUID(), "e".repeat(64), "迁移户主", "2104**********0001", "户主",
                        "FULL"),
                new HouseholdRegistered.Member(spouse, "f".repeat(64), "迁移配偶", "2104**********0002", "配偶", "NONE")));
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", householdId.toString(), oldVillage,
                registered));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> households(oldManager, oldVillage)
                .andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')].monitored").value(true)));

        HouseholdChanges changes = HouseholdChanges.of(registered);
        HouseholdChanged death = changes.memberLeft(spouse, HouseholdChanged.Reason.DEATH, LocalDate.now().minusDays(2));
        bus.publish(Topics.MONITORING_HOUSEHOLD, HouseholdChanges.envelope(death));
        EventEnvelope<HouseholdChanged> moveEvent = HouseholdChanges.envelope(changes.movedTo(newVillage, LocalDate.now()));
        bus.publish(Topics.MONITORING_HOUSEHOLD, moveEvent);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> households(newManager, newVillage)
                .andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')]", hasSize(1))));
        households(oldManager, oldVillage).andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')]", hasSize(0)));
        // the old village's plan no longer has to serve it
        int year = LocalDate.now().getYear() - 1;
        String operating = asset(oldManager, oldVillage, "OPERATING");
        income(oldManager, operating, year, "1000.00").andExpect(status().isOk());
        plan(oldManager, oldVillage, year, lines(line("MAINTENANCE", null, "1000"))).andExpect(status().isOk());

        // 脱贫不享受政策户: no plan serves it
        HouseholdChanged flagged = changes.policyFlag(true, LocalDate.now());
        bus.publish(Topics.MONITORING_HOUSEHOLD, HouseholdChanges.envelope(flagged));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> households(newManager, newVillage)
                .andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')]", hasSize(0))));

        // the move delivered again, the death replayed under a new event id (an older revision), and the
        // flag's revision again with other content: none of them changes anything
        bus.publish(Topics.MONITORING_HOUSEHOLD, moveEvent);
        bus.publish(Topics.MONITORING_HOUSEHOLD, HouseholdChanges.envelope(death));
        EventEnvelope<HouseholdChanged> last = HouseholdChanges.envelope(new HouseholdChanged(householdId,
                flagged.revision(), flagged.kind(), flagged.reason(), flagged.effectiveOn(), null, oldVillage, oldVillage,
                HouseholdCategory.OUT_OF_POVERTY, false, "迁移户主", flagged.members(), Instant.now()));
        bus.publish(Topics.MONITORING_HOUSEHOLD, last);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from inbox_event where event_id = :e")
                .param("e", last.eventId()).query(Long.class).single() == 1);
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = :e").param("e", moveEvent.eventId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select revision || ' ' || division_code || ' ' || category || ' ' || not_entitled_to_policy
                        from village_household where household_id = :h""")
                .param("h", householdId).query(String.class).single()).isEqualTo("3 210423100204 MARGINAL true");
        households(oldManager, oldVillage).andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')]", hasSize(0)));
    }

    @Test
    void shouldPageAssetsTheirAuditAndAVillagesHouseholdsWithTheirTotals() throws Exception {
        // this village is the test's alone: every row counted below is its own
        String village = "210421100205";
        String manager = manager("shuncheng-village-5", village);
        List<String> assets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assets.add(asset(manager, village, "OPERATING"));
        }
        assertThat(pagedIds("/api/asset-management/assets", manager, "id", 2, 3)).containsExactlyInAnyOrderElementsOf(assets);

        // three lines in the trail: the registration, the request, and the refused execution
        String changeId = JsonPath.read(mvc.perform(post("/api/asset-management/assets/" + assets.get(0) + "/changes")
                        .header("Authorization", manager).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"DISPOSAL\",\"reason\":\"设备报废\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        execute(manager, changeId).andExpect(status().isUnprocessableContent());
        assertThat(pagedIds("/api/asset-management/assets/" + assets.get(0) + "/audit", manager, "action", 2, 3))
                .containsExactly("REGISTER", "REQUEST_DISPOSAL", "EXECUTE_DISPOSAL");

        List<String> households = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            households.add(register(village, HouseholdCategory.MARGINAL).toString());
        }
        assertThat(pagedIds("/api/asset-management/villages/" + village + "/households", manager, "householdId", 2, 3))
                .containsExactlyInAnyOrderElementsOf(households);

        mvc.perform(get("/api/asset-management/assets?size=0").header("Authorization", manager))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页至少1条"));
        mvc.perform(get("/api/asset-management/assets/" + assets.get(0) + "/audit?size=100000").header("Authorization", manager))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页最多500条"));
        mvc.perform(get("/api/asset-management/villages/" + village + "/households?page=-1").header("Authorization", manager))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'page')].message").value("页码不能为负"));
    }

    /**
     * Reads a list two pages of {@code size} long, checking the total on each and that the second
     * holds the rest; {@code field} of both pages' items, in order, each listed once.
     */
    private List<String> pagedIds(String path, String token, String field, int size, int total) throws Exception {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            String body = mvc.perform(get(path + "?page=" + page + "&size=" + size).header("Authorization", token))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(total))
                    .andExpect(jsonPath("$.page").value(page))
                    .andReturn().getResponse().getContentAsString();
            List<String> values = JsonPath.read(body, "$.items[*]." + field);
            assertThat(values).hasSize(page == 0 ? size : total - size);
            seen.addAll(values);
        }
        return seen;
    }

    private static String manager(String name, String division) {
        return "Bearer " + TestTokens.user(name, division, "asset-manager");
    }

    private UUID register(String village, HouseholdCategory category) throws Exception {
        return register(village, category, false);
    }

    private UUID register(String village, HouseholdCategory category, boolean notEntitledToPolicy) throws Exception {
        UUID id = UUID.randomUUID();
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", id.toString(), village,
                new HouseholdRegistered(id, village, category, notEntitledToPolicy, "测试户主", List.of(new HouseholdRegistered.Member(
                        UUID.randomUUID(), "c".repeat(64), "测试户主", "2104**********0000", "户主", "FULL")))));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from village_household where household_id = :h")
                .param("h", id).query(Long.class).single() == 1);
        return id;
    }

    private ResultActions households(String token, String village) throws Exception {
        return mvc.perform(get("/api/asset-management/villages/" + village + "/households").header("Authorization", token));
    }

    private String asset(String token, String village, String type) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/asset-management/assets").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"village":"%s","name":"资产","assetType":"%s","project":"扶贫项目","value":100000,"maintainer":"村委会"}"""
                                .formatted(village, type)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private ResultActions income(String token, String assetId, int year, String amount) throws Exception {
        return mvc.perform(put("/api/asset-management/assets/" + assetId + "/income/" + year).header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":" + amount + "}"));
    }

    private static String line(String purpose, UUID household, String amount) {
        return "{\"purpose\":\"" + purpose + "\",\"householdId\":" + (household == null ? "null" : "\"" + household + "\"")
                + ",\"amount\":" + amount + "}";
    }

    private static String lines(String... lines) {
        return "{\"lines\":[" + String.join(",", lines) + "]}";
    }

    private ResultActions plan(String token, String village, int year, String body) throws Exception {
        return mvc.perform(put("/api/asset-management/villages/" + village + "/plans/" + year).header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions decide(String token, String changeId, boolean approve) throws Exception {
        return mvc.perform(post("/api/asset-management/changes/" + changeId + "/decision").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":" + approve + ",\"reason\":\"经村民代表会议讨论\"}"));
    }

    private ResultActions execute(String token, String changeId) throws Exception {
        return mvc.perform(post("/api/asset-management/changes/" + changeId + "/execution").header("Authorization", token));
    }

    /** Every jurisdiction query can use an index under this (non-C) collation, as in production. */
    @Test
    void shouldServeJurisdictionPrefixesFromIndexes() {
        fushun.platform.testsupport.DivisionIndexes.assertPrefixServedByIndex(jdbc, transactionTemplate,
                java.util.List.of("asset", "platform.received_alert", "village_household"));
    }
}
