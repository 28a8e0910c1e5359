package fushun.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.Bureau;
import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.monitoring.assignment.AssignmentMetrics;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.household.NewHousehold;
import fushun.monitoring.risk.RiskAlerts;
import fushun.platform.metrics.ImportMetrics;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.security.Jurisdiction;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Monitoring's business metrics (issue 15) move as the real paths run: alerts, assignments, roster imports. */
@ServiceIntegrationTest
class MonitoringMetricsIT {

    private static final String CADRE = "Bearer " + TestTokens.user("xinbin-cadre", "210422100201", "village-cadre");
    private static final String HEADER = "户编号,行政区划代码,农户类别,脱贫不享受政策户,姓名,身份证号,与户主关系,劳动能力\n";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired HouseholdRegistry registry;
    @Autowired MeterRegistry meters;

    private final Random random = new Random();

    @Test
    void shouldCountAnAlertOncePerRiskTypeItRaises() throws Exception {
        double illness = alertsRaised(RiskType.ILLNESS);
        double housing = alertsRaised(RiskType.UNSAFE_HOUSING);
        UUID household = monitoredHousehold();

        RiskSignalObserved signal = signal(household);
        raise(household, signal);
        await().atMost(Duration.ofSeconds(20)).until(() -> alertsRaised(RiskType.ILLNESS), n -> n == illness + 1);

        // the same risk again: already monitored, no new alert, nothing counted
        EventEnvelope<RiskSignalObserved> again = EventEnvelope.of("medical-insurance", household.toString(), "210422101201",
                signal(household));
        bus.publish(Topics.MEDICAL_INSURANCE_SIGNAL, again);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from inbox_event where event_id = :e")
                .param("e", again.eventId()).query(Long.class).single() == 1);
        assertThat(alertsRaised(RiskType.ILLNESS)).isEqualTo(illness + 1);
        assertThat(alertsRaised(RiskType.UNSAFE_HOUSING)).isEqualTo(housing);
    }

    /** The gauges read one grouped count, cached for 30 s: they are awaited until they show the table. */
    @Test
    void shouldGaugeOpenAndOverdueAssignmentsPerBureau() throws Exception {
        UUID household = monitoredHousehold();
        RiskAlertRaised alert = raise(household, signal(household));
        UUID health = alert.assignmentFor(Bureau.HEALTH).assignmentId();
        jdbc.sql("update assignment set due_date = current_date - 2 where id = :id").param("id", health).update();
        long overdue = jdbc.sql("select count(*) from assignment where bureau = 'HEALTH' and status <> 'CLOSED' "
                + "and due_date < current_date").query(Long.class).single();
        long open = jdbc.sql("select count(*) from assignment where bureau = 'HEALTH' and status <> 'CLOSED'")
                .query(Long.class).single();
        assertThat(overdue).isPositive();

        await().atMost(Duration.ofSeconds(60)).until(() -> gauge(AssignmentMetrics.OVERDUE, Bureau.HEALTH) == overdue
                && gauge(AssignmentMetrics.OPEN, Bureau.HEALTH) == open);
        assertThat(gauge(AssignmentMetrics.OPEN, Bureau.CIVIL_AFFAIRS)).isPositive();
        assertThat(gauge(AssignmentMetrics.OVERDUE, Bureau.WATER)).as("a series for every bureau").isZero();
        assertThat(meters.find(AssignmentMetrics.OVERDUE).gauges()).hasSize(Bureau.values().length);
    }

    @Test
    void shouldCountAnAppliedRostersRowsByOutcomeAndNotAPreviews() throws Exception {
        double accepted = importRows("accepted");
        double rejected = importRows("rejected");
        long timed = importsTimed();
        String good = SyntheticIdNumbers.next(random, "210422");
        String bad = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        String csv = HEADER
                + "M1,210422100201,脱贫户,否,指标甲," + SyntheticIdNumbers.next(random, "210422") + ",户主,有\n"
                + "M1,210422100201,,,指标乙," + SyntheticIdNumbers.next(random, "210422") + ",配偶,部分\n"
                + "M2,210422100201,一般农户,否,指标丙," + bad + ",户主,无\n";

        awaitStatus(upload("metrics-roster.csv", csv, false), "DONE");
        assertThat(importRows("accepted")).isEqualTo(accepted + 2);
        assertThat(importRows("rejected")).isEqualTo(rejected + 1);
        assertThat(importsTimed()).isEqualTo(timed + 1);

        String preview = HEADER + "P1,210422100201,一般农户,否,预览甲," + SyntheticIdNumbers.next(random, "210422") + ",户主,无\n";
        awaitStatus(upload("metrics-preview.csv", preview, true), "PREVIEWED");
        assertThat(importRows("accepted")).as("a preview imports nothing").isEqualTo(accepted + 2);
        assertThat(importsTimed()).isEqualTo(timed + 1);
    }

    /** The dashboard's 95th percentile reads http_server_requests_seconds_bucket: the platform's SLO setting makes them. */
    @Test
    void shouldTimeHttpRequestsInTheDashboardsBuckets() throws Exception {
        mvc.perform(get("/api/monitoring/imports/" + UUID.randomUUID()).header("Authorization", CADRE))
                .andExpect(status().isNotFound());

        assertThat(meters.find("http.server.requests").timers()).isNotEmpty().allSatisfy(timer ->
                assertThat(timer.takeSnapshot().histogramCounts())
                        .extracting(bucket -> bucket.bucket(java.util.concurrent.TimeUnit.MILLISECONDS))
                        .containsExactly(50.0, 100.0, 250.0, 500.0, 1000.0, 2500.0, 5000.0));
    }

    private UUID monitoredHousehold() {
        return registry.register(new NewHousehold("210422101201", HouseholdCategory.OUT_OF_POVERTY, false, List.of(
                new NewHousehold.NewMember("指标测试", SyntheticIdNumbers.next(random, "210422"), "户主", "FULL"))),
                Jurisdiction.of("210400"));
    }

    private static RiskSignalObserved signal(UUID household) {
        return new RiskSignalObserved(UUID.randomUUID(), household, Bureau.MEDICAL_INSURANCE, RiskType.ILLNESS, "自付超线",
                Map.of("selfPayYearToDate", new BigDecimal("8000")), null, Instant.now());
    }

    private RiskAlertRaised raise(UUID household, RiskSignalObserved signal) throws Exception {
        bus.publish(Topics.MEDICAL_INSURANCE_SIGNAL, EventEnvelope.of("medical-insurance", household.toString(), "210422101201",
                signal));
        return bus.awaitEvent(Topics.MONITORING_RISK_ALERT, household.toString(), RiskAlertRaised.class).data();
    }

    private double alertsRaised(RiskType type) {
        return meters.get(RiskAlerts.RAISED).tag("risk_type", type.name()).counter().count();
    }

    private double gauge(String name, Bureau bureau) {
        return meters.get(name).tag("bureau", bureau.name()).gauge().value();
    }

    private double importRows(String outcome) {
        return meters.get(ImportMetrics.ROWS).tags("kind", "roster", "outcome", outcome).counter().count();
    }

    private long importsTimed() {
        return meters.get(ImportMetrics.DURATION).tag("kind", "roster").timer().count();
    }

    private String upload(String name, String csv, boolean dryRun) throws Exception {
        String body = mvc.perform(multipart("/api/monitoring/imports")
                        .file(new MockMultipartFile("file", name, null, csv.getBytes(StandardCharsets.UTF_8)))
                        .param("dryRun", String.valueOf(dryRun)).header("Authorization", CADRE))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("id").asString();
    }

    private void awaitStatus(String id, String expected) {
        await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(mvc.perform(get("/api/monitoring/imports/" + id)
                .header("Authorization", CADRE)).andReturn().getResponse().getContentAsString()).get("status").asString(),
                expected::equals);
    }
}
