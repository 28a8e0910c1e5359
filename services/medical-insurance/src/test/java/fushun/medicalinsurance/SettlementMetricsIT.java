package fushun.medicalinsurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.Topics;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.platform.metrics.ImportMetrics;
import fushun.platform.metrics.SignalMetrics;
import fushun.platform.pii.PersonRefs;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.ServiceIntegrationTest;
import static fushun.medicalinsurance.SettlementBatches.CLIENT;
import static fushun.medicalinsurance.SettlementBatches.batch;
import static fushun.medicalinsurance.SettlementBatches.postBatch;
import static fushun.medicalinsurance.SettlementBatches.row;
import fushun.platform.testsupport.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A settlement batch moves the settlement rows' counters by outcome, and a crossed threshold the signal counter (issue 15). */
@ServiceIntegrationTest
class SettlementMetricsIT {

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired PersonRefs personRefs;
    @Autowired MeterRegistry meters;

    private final Random random = new Random();

    @Test
    void shouldCountSettlementRowsByOutcomeAndTheBatchesDuration() throws Exception {
        String good = SyntheticIdNumbers.next(random, "210421");
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        double accepted = rows("accepted");
        double rejected = rows("rejected");
        double duplicate = rows("duplicate");
        long batches = batchesTimed();
        String kept = row("S-" + UUID.randomUUID(), good, "100.00", "0.00");

        postBatch(mvc, batch(kept, row("S-" + UUID.randomUUID(), badCheck, "100.00", "0.00")))
                .andExpect(jsonPath("$.accepted").value(1)).andExpect(jsonPath("$.rejected").value(1));
        assertThat(rows("accepted")).isEqualTo(accepted + 1);
        assertThat(rows("rejected")).isEqualTo(rejected + 1);
        assertThat(rows("duplicate")).isEqualTo(duplicate);

        postBatch(mvc, batch(kept)).andExpect(jsonPath("$.duplicates").value(1));
        assertThat(rows("duplicate")).as("a resent row").isEqualTo(duplicate + 1);
        assertThat(rows("accepted")).isEqualTo(accepted + 1);
        assertThat(batchesTimed()).isEqualTo(batches + 2);
    }

    @Test
    void shouldCountTheSelfPaySignalOnceByBureauAndRiskType() throws Exception {
        String idNumber = SyntheticIdNumbers.next(random, "210422");
        UUID householdId = registerHousehold(idNumber);
        double before = signals();

        postBatch(mvc, batch(row("S-" + UUID.randomUUID(), idNumber, "7000.00", "0.00")));
        bus.awaitEvent(Topics.MEDICAL_INSURANCE_SIGNAL, householdId.toString(),
                fushun.contracts.bureau.RiskSignalObserved.class);
        assertThat(signals()).isEqualTo(before + 1);

        postBatch(mvc, batch(row("S-" + UUID.randomUUID(), idNumber, "500.00", "0.00")));
        assertThat(signals()).as("once per household and year").isEqualTo(before + 1);
    }

    private double rows(String outcome) {
        Counter counter = meters.find(ImportMetrics.ROWS).tags("kind", "settlement", "outcome", outcome).counter();
        assertThat(counter).as("registered at start: " + outcome).isNotNull();
        return counter.count();
    }

    private long batchesTimed() {
        Timer timer = meters.find(ImportMetrics.DURATION).tags("kind", "settlement").timer();
        assertThat(timer).isNotNull();
        return timer.count();
    }

    private double signals() {
        Counter counter = meters.find(SignalMetrics.PUBLISHED).tags("bureau", "MEDICAL_INSURANCE", "risk_type", "ILLNESS")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private UUID registerHousehold(String idNumber) throws Exception {
        UUID householdId = UUID.randomUUID();
        HouseholdRegistered registered = new HouseholdRegistered(householdId, "210422100201", HouseholdCategory.OUT_OF_POVERTY,
                false, "测试户主", List.of(new HouseholdRegistered.Member(UUID.randomUUID(), personRefs.of(idNumber), "测试户主",
                "2104**********0000", "户主", "FULL")));
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", householdId.toString(), "210422100201", registered));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from insured_household where household_id = :h").param("h", householdId)
                .query(Long.class).single() == 1);
        return householdId;
    }
}
