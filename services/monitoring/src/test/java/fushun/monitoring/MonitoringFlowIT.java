package fushun.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.Bureau;
import fushun.contracts.EventEnvelope;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** From registration through a bureau's signal to the alert and the bureau's answer, on a real broker and PostgreSQL. */
@ServiceIntegrationTest
class MonitoringFlowIT {

    private static final String CADRE = "Bearer " + TestTokens.user("xinbin-cadre", "210422100201", "village-cadre");
    private static final String ANALYST = "Bearer " + TestTokens.user("city-analyst", "210400", "analyst");
    private static final String QINGYUAN = "Bearer " + TestTokens.user("qingyuan-approver", "210423", "county-approver");

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactionTemplate;

    private final Random random = new Random();

    @Test
    void shouldRaiseOneAlertWithAssignmentsAndRecordTheAnswer() throws Exception {
        String idNumber = SyntheticIdNumbers.next(random, "210422");
        UUID householdId = register(idNumber);
        HouseholdRegistered published = bus.awaitEvent(Topics.MONITORING_HOUSEHOLD, householdId.toString(),
                HouseholdRegistered.class).data();
        assertThat(published.members()).singleElement().satisfies(m -> {
            assertThat(m.maskedIdNumber()).matches("2104\\*{10}\\d{3}[\\dX]");
            assertThat(m.personRef()).hasSize(64);
            // the year of birth only, never the whole date (it would give the ID number back with the masked form)
            assertThat(m.birthYear()).isEqualTo(Integer.valueOf(idNumber.substring(6, 10)));
        });

        EventEnvelope<RiskSignalObserved> signal = signal(householdId);
        bus.publish(Topics.MEDICAL_INSURANCE_SIGNAL, signal);
        bus.publish(Topics.MEDICAL_INSURANCE_SIGNAL, signal);
        bus.publish(Topics.MEDICAL_INSURANCE_SIGNAL, signal(householdId));

        RiskAlertRaised alert = bus.awaitEvent(Topics.MONITORING_RISK_ALERT, householdId.toString(), RiskAlertRaised.class).data();
        assertThat(alert.riskTypes()).containsExactly(RiskType.ILLNESS);
        assertThat(alert.assignments()).extracting(RiskAlertRaised.Assignment::bureau)
                .containsExactlyInAnyOrder(Bureau.MEDICAL_INSURANCE, Bureau.HEALTH, Bureau.CIVIL_AFFAIRS);
        assertThat(alert.explanation()).contains("因病").contains("selfPayYearToDate=12345.60");

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from risk_signal where household_id = :h").param("h", householdId).query(Long.class).single() == 2);
        assertThat(jdbc.sql("select count(*) from risk_alert where household_id = :h")
                .param("h", householdId).query(Long.class).single()).isEqualTo(1);

        RiskAlertRaised.Assignment civil = alert.assignmentFor(Bureau.CIVIL_AFFAIRS);
        bus.publish(Topics.SOCIAL_ASSISTANCE_MEASURE, EventEnvelope.of("social-assistance", householdId.toString(), "210422100201",
                new AssignmentAcknowledged(civil.assignmentId(), alert.alertId(), householdId, Bureau.CIVIL_AFFAIRS,
                        "SA-1", Instant.now())));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                mvc.perform(get("/api/monitoring/households/" + householdId + "/alerts").header("Authorization", ANALYST))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$[0].assignments[?(@.bureau == 'CIVIL_AFFAIRS')].status").value("ACKNOWLEDGED"))
                        .andExpect(jsonPath("$[0].assignments[?(@.bureau == 'HEALTH')].status").value("ASSIGNED")));
    }

    @Test
    void shouldRefuseBadCheckDigitAndDuplicateNumberAndStoreNothing() throws Exception {
        String valid = SyntheticIdNumbers.next(random, "210422");
        String badCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        long before = households();

        mvc.perform(post("/api/monitoring/households").header("Authorization", CADRE)
                        .contentType(MediaType.APPLICATION_JSON).content(body(badCheck)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("身份证号无效"));
        assertThat(households()).isEqualTo(before);

        register(valid);
        mvc.perform(post("/api/monitoring/households").header("Authorization", CADRE)
                        .contentType(MediaType.APPLICATION_JSON).content(body(valid)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("身份证号已登记"));
        assertThat(households()).isEqualTo(before + 1);

        mvc.perform(post("/api/monitoring/households").header("Authorization", CADRE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"divisionCode\":\"21\",\"members\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'divisionCode')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'members')]").exists());
        assertThat(households()).isEqualTo(before + 1);
    }

    @Test
    void shouldAnswer400AndStoreNothingWhenInputIsHostile() throws Exception {
        String idNumber = SyntheticIdNumbers.next(random, "210422");
        long before = households();

        mvc.perform(post("/api/monitoring/households").header("Authorization", CADRE).contentType(MediaType.APPLICATION_JSON)
                        .content(body(idNumber).replace("测试户主", "测试\\u0000户主")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求无效"))
                .andExpect(jsonPath("$.errors[0].field").value("members[0].name"));
        mvc.perform(post("/api/monitoring/households").header("Authorization", CADRE).contentType(MediaType.APPLICATION_JSON)
                        .content(body(idNumber).replace("\"notEntitledToPolicy\":false", "\"notEntitledToPolicy\":\"false\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("notEntitledToPolicy"));
        mvc.perform(post("/api/monitoring/households").header("Authorization", CADRE).contentType(MediaType.APPLICATION_JSON)
                        .content(body(idNumber).replace("\"members\":[", "\"members\":[null,")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("members[0]"));
        String month13 = idNumber.substring(0, 10) + "13" + idNumber.substring(12, 17);
        mvc.perform(post("/api/monitoring/households").header("Authorization", CADRE).contentType(MediaType.APPLICATION_JSON)
                        .content(body(month13 + fushun.platform.pii.ResidentIdNumbers.checkCharacter(month13))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("身份证号无效"));
        assertThat(households()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from household_member where id_number = :n").param("n", idNumber)
                .query(Long.class).single()).isZero();

        UUID householdId = register(idNumber);
        int afterNextYear = java.time.LocalDate.now(fushun.platform.PlatformTime.CHINA).getYear() + 2;
        for (int year : new int[] {2020, afterNextYear}) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .put("/api/monitoring/households/" + householdId + "/incomes/" + year)
                            .header("Authorization", CADRE).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"components\":{\"WAGES\":1000.00}}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("year"));
        }
        mvc.perform(get("/api/monitoring/households/" + householdId + "/incomes/0").header("Authorization", ANALYST))
                .andExpect(status().isBadRequest());
    }

    @Test
    void shouldHideHouseholdFromAnotherCountyAndRefuseWrongRole() throws Exception {
        UUID householdId = register(SyntheticIdNumbers.next(random, "210422"));

        mvc.perform(get("/api/monitoring/households/" + householdId).header("Authorization", QINGYUAN))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/monitoring/households/" + householdId).header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members[0].maskedIdNumber").value(org.hamcrest.Matchers.matchesPattern("2104\\*{10}.{4}")));
        mvc.perform(get("/api/monitoring/households/" + householdId).header("Authorization",
                        "Bearer " + TestTokens.user("op", "210422", "civil-affairs-operator")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/monitoring/households/" + householdId)).andExpect(status().isUnauthorized());
    }

    @Test
    void shouldRevealAFullIdNumberOnlyToAnAllowedRoleWithAReasonAndAuditIt() throws Exception {
        String idNumber = SyntheticIdNumbers.next(random, "210422");
        UUID householdId = register(idNumber);
        String memberId = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/monitoring/households/" + householdId)
                .header("Authorization", ANALYST)).andReturn().getResponse().getContentAsString(), "$.members[0].id");
        String revealer = "Bearer " + TestTokens.user("xinbin-approver", "210422", "county-approver", "pii-reveal");
        String path = "/api/monitoring/households/" + householdId + "/members/" + memberId + "/reveal";

        mvc.perform(post(path).header("Authorization", ANALYST).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"核对\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path).header("Authorization", revealer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\" \"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(path).header("Authorization", "Bearer " + TestTokens.user("qy", "210423", "pii-reveal"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"核对\"}"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from pii_reveal_audit where subject_id = :m").param("m", memberId)
                .query(Long.class).single()).isZero();

        mvc.perform(post(path).header("Authorization", revealer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"医保结算身份核对\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.idNumber").value(idNumber));
        assertThat(jdbc.sql("select actor || '|' || reason from pii_reveal_audit where subject_id = :m").param("m", memberId)
                .query(String.class).single()).isEqualTo("xinbin-approver|医保结算身份核对");
    }

    @Test
    void shouldPutAssetIncomeSharesFromAssetManagementOnTheTimelineOnce() throws Exception {
        UUID householdId = register(SyntheticIdNumbers.next(random, "210422"));
        fushun.contracts.assetmanagement.AssetIncomeDistributed share = new fushun.contracts.assetmanagement.AssetIncomeDistributed(
                UUID.randomUUID(), UUID.randomUUID(), householdId, "210422100201", 2025, "MONITORED_HOUSEHOLD",
                new java.math.BigDecimal("3000.00"), java.time.LocalDate.now(), java.time.Instant.now());
        EventEnvelope<?> fromAssets = EventEnvelope.of("asset-management", householdId.toString(), "210422100201", share);
        bus.publish(Topics.ASSET_MANAGEMENT_MEASURE, fromAssets);
        bus.publish(Topics.ASSET_MANAGEMENT_MEASURE, fromAssets);
        fushun.contracts.assetmanagement.AssetIncomeDistributed forged = new fushun.contracts.assetmanagement.AssetIncomeDistributed(
                UUID.randomUUID(), UUID.randomUUID(), householdId, "210422100201", 2025, "MONITORED_HOUSEHOLD",
                new java.math.BigDecimal("99999.00"), java.time.LocalDate.now(), java.time.Instant.now());
        EventEnvelope<?> fromElsewhere = EventEnvelope.of("employment", householdId.toString(), "210422100201", forged);
        bus.publish(Topics.ASSET_MANAGEMENT_MEASURE, fromElsewhere);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                mvc.perform(get("/api/monitoring/households/" + householdId + "/timeline").header("Authorization", ANALYST))
                        .andExpect(jsonPath("$[?(@.kind == 'ASSET_INCOME')].summary").value(
                                org.hamcrest.Matchers.contains("2025 年扶贫资产收益分配 3000.00 元"))));
        // the share claiming another source was refused as forged: only asset management distributes asset income
        bus.awaitDeadLetter(Topics.ASSET_MANAGEMENT_MEASURE, fromElsewhere.eventId());
        assertThat(jdbc.sql("select count(*) from asset_income_share where household_id = :h").param("h", householdId)
                .query(Long.class).single()).isEqualTo(1);
    }

    private UUID register(String idNumber) throws Exception {
        String response = mvc.perform(post("/api/monitoring/households").header("Authorization", CADRE)
                        .contentType(MediaType.APPLICATION_JSON).content(body(idNumber)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(response.replaceAll(".*\"householdId\":\"([^\"]+)\".*", "$1"));
    }

    private static String body(String idNumber) {
        return """
                {"divisionCode":"210422100201","category":"OUT_OF_POVERTY","notEntitledToPolicy":false,
                 "members":[{"name":"测试户主","idNumber":"%s","relationship":"户主","labourCapacity":"FULL"}]}
                """.formatted(idNumber);
    }

    private static EventEnvelope<RiskSignalObserved> signal(UUID householdId) {
        return EventEnvelope.of("medical-insurance", householdId.toString(), "210422100201",
                new RiskSignalObserved(UUID.randomUUID(), householdId, Bureau.MEDICAL_INSURANCE, RiskType.ILLNESS,
                        "家庭年度自付医疗费用超过阈值",
                        Map.of("selfPayYearToDate", new BigDecimal("12345.60"), "threshold", new BigDecimal("6000")),
                        "medical.self-pay-threshold.monitored[*]@2021-01-01", Instant.now()));
    }


    private long households() {
        return jdbc.sql("select count(*) from household").query(Long.class).single();
    }

    /** Every jurisdiction query can use an index under this (non-C) collation, as in production. */
    @Test
    void shouldServeJurisdictionPrefixesFromIndexes() {
        fushun.platform.testsupport.DivisionIndexes.assertPrefixServedByIndex(jdbc, transactionTemplate,
                java.util.List.of("household", "identification", "public_notice", "recheck_task", "risk_alert", "screening_result"));
    }
}
