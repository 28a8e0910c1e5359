package fushun.medicalinsurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.Bureau;
import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.platform.pii.PersonRefs;
import fushun.medicalinsurance.settlement.SelfPayThreshold;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.ServiceIntegrationTest;
import static fushun.medicalinsurance.SettlementBatches.CLIENT;
import static fushun.medicalinsurance.SettlementBatches.batch;
import static fushun.medicalinsurance.SettlementBatches.postBatch;
import static fushun.medicalinsurance.SettlementBatches.row;
import fushun.platform.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Settlements in, the high-spending signal out, alerts acknowledged: real broker, real PostgreSQL. */
@ServiceIntegrationTest
class MedicalInsuranceIT {

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactionTemplate;
    @Autowired PersonRefs personRefs;

    private final Random random = new Random();

    @Test
    void shouldSignalOnceWhenYearlySelfPayCrossesThresholdAndIgnoreResentBatch() throws Exception {
        String idNumber = SyntheticIdNumbers.next(random, "210422");
        UUID householdId = registerHousehold(idNumber, HouseholdCategory.OUT_OF_POVERTY);
        String batch = batch(row("S-" + UUID.randomUUID(), idNumber, "4000.00", "500.00"),
                row("S-" + UUID.randomUUID(), idNumber, "3000.00", "400.00"));

        postBatch(mvc, batch).andExpect(jsonPath("$.accepted").value(2));
        postBatch(mvc, batch).andExpect(jsonPath("$.accepted").value(0)).andExpect(jsonPath("$.duplicates").value(2));

        RiskSignalObserved signal = bus.awaitEvent(Topics.MEDICAL_INSURANCE_SIGNAL, householdId.toString(),
                RiskSignalObserved.class).data();
        assertThat(signal.riskType()).isEqualTo(RiskType.ILLNESS);
        assertThat(signal.figures().get("selfPayYearToDate")).isEqualByComparingTo("6100.00");
        assertThat(signal.figures().get("threshold")).isEqualByComparingTo("6000");
        assertThat(signal.parameterVersion()).isEqualTo("medical.self-pay-threshold.monitored[*]@2021-01-01");

        postBatch(mvc, batch(row("S-" + UUID.randomUUID(), idNumber, "900.00", "0.00")))
                .andExpect(jsonPath("$.accepted").value(1));
        assertThat(jdbc.sql("select count(*) from self_pay_signal where household_id = :h")
                .param("h", householdId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbox_event where aggregateid = :h and type = 'RiskSignalObserved'")
                .param("h", householdId.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldUseHigherThresholdForOrdinaryHousehold() throws Exception {
        String idNumber = SyntheticIdNumbers.next(random, "210423");
        UUID householdId = registerHousehold(idNumber, HouseholdCategory.ORDINARY);

        postBatch(mvc, batch(row("S-" + UUID.randomUUID(), idNumber, "9000.00", "0.00")));
        assertThat(jdbc.sql("select count(*) from self_pay_signal where household_id = :h")
                .param("h", householdId).query(Long.class).single()).isZero();

        postBatch(mvc, batch(row("S-" + UUID.randomUUID(), idNumber, "1000.01", "0.00")));
        RiskSignalObserved signal = bus.awaitEvent(Topics.MEDICAL_INSURANCE_SIGNAL, householdId.toString(),
                RiskSignalObserved.class).data();
        assertThat(signal.figures().get("threshold")).isEqualByComparingTo("10000");
        assertThat(signal.parameterVersion()).startsWith(SelfPayThreshold.OTHER);
    }

    @Test
    void shouldRejectRowsOutsideTheColumnsAndDatesBeforeAnyParameterWithoutFailingTheBatch() throws Exception {
        String idNumber = SyntheticIdNumbers.next(random, "210421");
        registerHousehold(idNumber, HouseholdCategory.OUT_OF_POVERTY);
        String old = row("S-" + UUID.randomUUID(), idNumber, "9000.00", "0.00").replaceAll("\\d{4}-01-15", "2019-01-15");
        String longHospital = row("S-" + UUID.randomUUID(), idNumber, "10.00", "0.00")
                .replace("抚顺市示例医院", "医".repeat(201));
        String huge = row("S-" + UUID.randomUUID(), idNumber, "1000000000000.00", "0.00");

        postBatch(mvc, "{\"settlements\":[" + old + "," + longHospital + "," + huge + ",null]}")
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.rejected").value(4))
                .andExpect(jsonPath("$.rows[0].problems[0].field").value("settledOn"))
                .andExpect(jsonPath("$.rows[0].problems[0].message").value("结算日期没有适用的医保待遇参数（早于政策生效日期）"))
                .andExpect(jsonPath("$.rows[1].problems[0].field").value("hospital"))
                .andExpect(jsonPath("$.rows[2].problems[0].field").value("amounts"))
                .andExpect(jsonPath("$.rows[3].problems[0].field").value("row"));
    }

    @Test
    void shouldSignalWhenHouseholdRegisteredAfterItsSettlements() throws Exception {
        String idNumber = SyntheticIdNumbers.next(random, "210422");
        postBatch(mvc, batch(row("S-" + UUID.randomUUID(), idNumber, "7000.00", "0.00")))
                .andExpect(jsonPath("$.accepted").value(1));

        UUID householdId = registerHousehold(idNumber, HouseholdCategory.MARGINAL);

        RiskSignalObserved signal = bus.awaitEvent(Topics.MEDICAL_INSURANCE_SIGNAL, householdId.toString(),
                RiskSignalObserved.class).data();
        assertThat(signal.figures().get("selfPayYearToDate")).isEqualByComparingTo("7000.00");
    }

    @Test
    void shouldKeepGoodRowsAndReportBadRowsField() throws Exception {
        String good = SyntheticIdNumbers.next(random, "210421");
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        long before = settlements();

        postBatch(mvc, batch(row("S-" + UUID.randomUUID(), good, "100.00", "0.00"),
                row("S-" + UUID.randomUUID(), badCheck, "100.00", "0.00"),
                row("S-" + UUID.randomUUID(), good, "100.00", "150.00")))
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.rows[1].problems[0].field").value("idNumber"))
                .andExpect(jsonPath("$.rows[2].problems[0].field").value("amounts"));

        assertThat(settlements()).isEqualTo(before + 1);

        // unreadable dates and amounts are that row's problem; the batch and its good row stand
        String badDate = row("S-" + UUID.randomUUID(), good, "100.00", "0.00").replaceAll("\\d{4}-01-15", "2026-13-45");
        String wordAmount = row("S-" + UUID.randomUUID(), good, "100.00", "0.00").replace("\"totalCost\":100.00",
                "\"totalCost\":\"一百元\"");
        postBatch(mvc, batch(badDate, wordAmount, row("S-" + UUID.randomUUID(), good, "50.00", "0.00")))
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rows[0].problems[0].field").value("settledOn"))
                .andExpect(jsonPath("$.rows[1].problems[0].field").value("amounts"));
        assertThat(settlements()).isEqualTo(before + 2);
        mvc.perform(post("/api/medical-insurance/settlements").header("Authorization", CLIENT)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"settlements\":[]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/medical-insurance/settlements")
                        .header("Authorization", "Bearer " + TestTokens.user("op", "210422", "civil-affairs-operator"))
                        .contentType(MediaType.APPLICATION_JSON).content(batch(row("S-x", good, "1.00", "0.00"))))
                .andExpect(status().isForbidden());
        assertThat(settlements()).isEqualTo(before + 2);
    }

    /** Alerts received before the platform kept them move into its table, so one that comes again is known. */
    @Test
    void shouldMoveTheAlertsReceivedBeforeIntoThePlatformsTable() {
        javax.sql.DataSource database = fushun.platform.testsupport.MigrationSteps.migratedUpTo("medical-insurance", "5");
        JdbcClient before = JdbcClient.create(database);
        UUID named = UUID.randomUUID();
        UUID noted = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        before.sql("""
                        insert into received_alert (alert_id, household_id, division_code, risk_types, named, assignment_id, due_date)
                        values (:named, :h, '210422100201', 'ILLNESS', true, :s, date '2026-05-01'),
                               (:noted, :h, '210422100201', 'UNSAFE_HOUSING', false, null, null)""")
                .param("named", named).param("noted", noted).param("h", UUID.randomUUID()).param("s", assignment).update();

        fushun.platform.testsupport.MigrationSteps.migrateTheRest(database);

        assertThat(before.sql("""
                        select alert_id || ' ' || named || ' ' || coalesce(assignment_id::text, '-') || ' '
                               || coalesce(due_date::text, '-') || ' ' || status || ' ' || risk_types
                        from platform.received_alert order by named""").query(String.class).list())
                .containsExactly(noted + " false - - NOTED UNSAFE_HOUSING",
                        named + " true " + assignment + " 2026-05-01 ACKNOWLEDGED ILLNESS");
        assertThat(before.sql("select to_regclass('public.received_alert') is null").query(Boolean.class).single()).isTrue();
    }

    @Test
    void shouldAcknowledgeAlertNamingMedicalInsuranceOnceWhenDeliveredTwice() throws Exception {
        UUID householdId = UUID.randomUUID();
        UUID assignmentId = UUID.randomUUID();
        RiskAlertRaised alert = new RiskAlertRaised(UUID.randomUUID(), householdId, "210422100201", List.of(RiskType.ILLNESS),
                "测试", Instant.now(), List.of(new RiskAlertRaised.Assignment(assignmentId, Bureau.MEDICAL_INSURANCE,
                LocalDate.now().plusDays(15))));
        EventEnvelope<RiskAlertRaised> envelope = EventEnvelope.of("monitoring", householdId.toString(), "210422100201", alert);

        bus.publish(Topics.MONITORING_RISK_ALERT, envelope);
        bus.publish(Topics.MONITORING_RISK_ALERT, envelope);
        RiskAlertRaised marker = new RiskAlertRaised(UUID.randomUUID(), householdId, "210422100201", List.of(RiskType.UNSAFE_HOUSING),
                "测试", Instant.now(), List.of(new RiskAlertRaised.Assignment(UUID.randomUUID(), Bureau.HOUSING,
                LocalDate.now().plusDays(15))));
        bus.publish(Topics.MONITORING_RISK_ALERT, EventEnvelope.of("monitoring", householdId.toString(), "210422100201", marker));

        AssignmentAcknowledged ack = bus.awaitEvent(Topics.MEDICAL_INSURANCE_MEASURE, householdId.toString(),
                AssignmentAcknowledged.class).data();
        assertThat(ack.assignmentId()).isEqualTo(assignmentId);
        assertThat(ack.bureau()).isEqualTo(Bureau.MEDICAL_INSURANCE);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from platform.received_alert where alert_id = :a").param("a", marker.alertId()).query(Long.class).single() == 1);
        assertThat(ack.caseReference()).isEqualTo("MI-" + alert.alertId().toString().substring(0, 8));
        // acknowledged, then the cover tilted (the measure), once, in that order
        assertThat(jdbc.sql("select type from outbox_event where aggregateid = :h order by id")
                .param("h", householdId.toString()).query(String.class).list())
                .containsExactly("AssignmentAcknowledged", "MeasureApplied");
    }

    private UUID registerHousehold(String idNumber, HouseholdCategory category) throws Exception {
        UUID householdId = UUID.randomUUID();
        HouseholdRegistered registered = new HouseholdRegistered(householdId, "210422100201", category, false, "测试户主",
                List.of(new HouseholdRegistered.Member(UUID.randomUUID(), personRefs.of(idNumber), "测试户主",
                        "2104**********0000", "户主", "FULL")));
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", householdId.toString(), "210422100201", registered));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from insured_household where household_id = :h").param("h", householdId)
                .query(Long.class).single() == 1);
        return householdId;
    }

    private long settlements() {
        return jdbc.sql("select count(*) from settlement").query(Long.class).single();
    }

    /** Every jurisdiction query can use an index under this (non-C) collation, as in production. */
    @Test
    void shouldServeJurisdictionPrefixesFromIndexes() {
        fushun.platform.testsupport.DivisionIndexes.assertPrefixServedByIndex(jdbc, transactionTemplate,
                java.util.List.of("insured_household", "platform.received_alert"));
    }
}
