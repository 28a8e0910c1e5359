package fushun.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fushun.contracts.Bureau;
import fushun.contracts.EventCodec;
import fushun.contracts.EventEnvelope;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.contracts.bureau.MeasureApplied;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.platform.alert.AlertIntakeProperties;
import fushun.platform.alert.AlertReaction;
import fushun.platform.alert.ReceivedAlert;
import fushun.platform.alert.ReceivedAlerts;
import fushun.platform.inbox.InboundEvents;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.security.Jurisdiction;
import fushun.platform.testapp.PlatformTestApplication;
import fushun.platform.testsupport.DivisionIndexes;
import fushun.platform.testsupport.TestDatabases;
import fushun.platform.testsupport.TestTokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The alert intake as a bureau's service uses it (here the housing bureau's, in the platform's test
 * app): its listener, its reaction, its list. Real KRaft broker and PostgreSQL.
 */
@SpringBootTest(classes = {PlatformTestApplication.class, ReceivedAlertsIT.AlertListener.class,
        ReceivedAlertsIT.RecordingReaction.class}, properties = {
        "platform.alerts.enabled=true", "platform.alerts.bureau=HOUSING", "platform.alerts.case-reference-prefix=PT",
        "platform.alerts.readers=inspector, analyst"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReceivedAlertsIT {

    static final String MEASURES = "platform-test.measure.v1";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.newDatabase("platform_alerts"));
    }

    /** A service's listener: thin, the intake does the rest. */
    static class AlertListener {

        private final InboundEvents inbound;
        private final ReceivedAlerts alerts;

        AlertListener(InboundEvents inbound, ReceivedAlerts alerts) {
            this.inbound = inbound;
            this.alerts = alerts;
        }

        @KafkaListener(topics = Topics.MONITORING_RISK_ALERT)
        void on(String json) {
            inbound.applyOnce("platform-test.alerts", json, RiskAlertRaised.class, e -> alerts.receive(e.data()));
        }
    }

    /**
     * A bureau's reaction: opens a case of its own for an alert explained with 立案, refuses one
     * explained with 拒绝, and applies a measure at once.
     */
    static class RecordingReaction implements AlertReaction {

        final List<String> calls = new CopyOnWriteArrayList<>();
        private final OutboxWriter outbox;
        private final Clock clock;

        RecordingReaction(OutboxWriter outbox, Clock clock) {
            this.outbox = outbox;
            this.clock = clock;
        }

        @Override
        public Optional<String> openCase(RiskAlertRaised alert, RiskAlertRaised.Assignment assignment) {
            if (alert.explanation().contains("拒绝")) {
                throw new IllegalStateException("the bureau's own rule refuses the alert");
            }
            calls.add("openCase " + alert.alertId());
            return alert.explanation().contains("立案") ? Optional.of("CASE-" + alert.householdId()) : Optional.empty();
        }

        @Override
        public void onAssigned(RiskAlertRaised alert, RiskAlertRaised.Assignment assignment) {
            calls.add("onAssigned " + alert.alertId());
            outbox.append(MEASURES, alert.householdId().toString(), alert.divisionCode(),
                    new MeasureApplied(UUID.randomUUID(), assignment.assignmentId(), alert.alertId(), alert.householdId(),
                            Bureau.HOUSING, "TEST", "测试措施", null, LocalDate.now(), clock.instant()));
        }
    }

    @Autowired MockMvc mvc;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired EventCodec codec;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired ReceivedAlerts alerts;
    @Autowired RecordingReaction reaction;
    @Autowired OutboxWriter outbox;

    @Test
    void shouldRecordAcknowledgeAndReactOnceWhenTheAlertIsRedeliveredAndReplayed() throws Exception {
        RiskAlertRaised alert = alert("210422100201", "测试预警", Bureau.HOUSING, Bureau.CIVIL_AFFAIRS);
        EventEnvelope<RiskAlertRaised> envelope = envelope(alert);
        EventEnvelope<RiskAlertRaised> replay = envelope(alert);

        publish(envelope);
        publish(envelope);
        publish(replay);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select count(*) from inbox_event where consumer = 'platform-test.alerts' and event_id in (:ids)")
                .param("ids", List.of(envelope.eventId(), replay.eventId())).query(Long.class).single() == 2);
        assertThat(jdbc.sql("select count(*) from platform.received_alert where alert_id = :a")
                .param("a", alert.alertId()).query(Long.class).single()).isEqualTo(1);
        assertThat(reaction.calls).filteredOn(call -> call.endsWith(alert.alertId().toString()))
                .containsExactly("openCase " + alert.alertId(), "onAssigned " + alert.alertId());
        // the acknowledgement first, then the bureau's measure, on the service's own measure topic
        List<String> types = jdbc.sql("select type from outbox_event where aggregateid = :h and topic = :t order by id")
                .param("h", alert.householdId().toString()).param("t", MEASURES).query(String.class).list();
        assertThat(types).containsExactly("AssignmentAcknowledged", "MeasureApplied");
        AssignmentAcknowledged ack = acknowledgements(alert).get(0);
        assertThat(ack.assignmentId()).isEqualTo(alert.assignmentFor(Bureau.HOUSING).assignmentId());
        assertThat(ack.alertId()).isEqualTo(alert.alertId());
        assertThat(ack.bureau()).isEqualTo(Bureau.HOUSING);
        assertThat(ack.caseReference()).isEqualTo("PT-" + alert.alertId().toString().substring(0, 8));

        ReceivedAlert recorded = alerts.find(alert.alertId(), Jurisdiction.of("210422")).orElseThrow();
        assertThat(recorded.named()).isTrue();
        assertThat(recorded.status()).isEqualTo("ACKNOWLEDGED");
        assertThat(recorded.assignmentId()).isEqualTo(alert.assignmentFor(Bureau.HOUSING).assignmentId());
        assertThat(recorded.dueDate()).isEqualTo(alert.assignmentFor(Bureau.HOUSING).dueDate());
        assertThat(recorded.riskTypes()).isEqualTo("UNSAFE_HOUSING,ILLNESS");
        assertThat(recorded.concerns(RiskType.ILLNESS)).isTrue();
        assertThat(recorded.concerns(RiskType.DISABILITY)).isFalse();
    }

    @Test
    void shouldRecordButNeitherAcknowledgeNorReactWhenTheAlertNamesAnotherBureau() {
        RiskAlertRaised alert = alert("210422100201", "测试预警", Bureau.CIVIL_AFFAIRS);

        Boolean recorded = transaction.execute(status -> alerts.receive(alert));
        assertThat(recorded).isTrue();

        ReceivedAlert noted = alerts.find(alert.alertId(), Jurisdiction.of("210422")).orElseThrow();
        assertThat(noted.named()).isFalse();
        assertThat(noted.status()).isEqualTo("NOTED");
        assertThat(noted.assignmentId()).isNull();
        assertThat(noted.dueDate()).isNull();
        assertThat(outboxRows(alert)).isZero();
        assertThat(reaction.calls).noneMatch(call -> call.endsWith(alert.alertId().toString()));
    }

    @Test
    void shouldAcknowledgeWithTheCaseTheReactionOpened() {
        RiskAlertRaised alert = alert("210422100201", "立案核查", Bureau.HOUSING);

        transaction.executeWithoutResult(status -> alerts.receive(alert));

        assertThat(acknowledgements(alert)).singleElement()
                .extracting(AssignmentAcknowledged::caseReference).isEqualTo("CASE-" + alert.householdId());
    }

    @Test
    void shouldLeaveNoTraceWhenTheReactionFails() {
        RiskAlertRaised alert = alert("210422100201", "拒绝", Bureau.HOUSING);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> alerts.receive(alert)))
                .isInstanceOf(IllegalStateException.class);

        // the record and the acknowledgement roll back with the reaction, so a retry starts afresh
        assertThat(alerts.find(alert.alertId(), Jurisdiction.of("210422"))).isEmpty();
        assertThat(outboxRows(alert)).isZero();
    }

    @Test
    void shouldRefuseToRecordOutsideTheListenersTransaction() {
        RiskAlertRaised alert = alert("210422100201", "测试预警", Bureau.HOUSING);

        assertThatThrownBy(() -> alerts.receive(alert))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
        assertThat(alerts.find(alert.alertId(), Jurisdiction.of("210422"))).isEmpty();
    }

    @Test
    void shouldNeverNameAServiceThatAnswersForNoBureau() {
        ReceivedAlerts withoutBureau = new ReceivedAlerts(jdbc, outbox, Clock.systemUTC(),
                new AlertIntakeProperties(true, null, null, List.of("reader")), MEASURES, () -> reaction);
        RiskAlertRaised alert = alert("210422100201", "测试预警", Bureau.HOUSING);

        transaction.executeWithoutResult(status -> withoutBureau.receive(alert));

        assertThat(withoutBureau.answersForABureau()).isFalse();
        assertThat(alerts.find(alert.alertId(), Jurisdiction.of("210422")).orElseThrow().status()).isEqualTo("NOTED");
        assertThat(outboxRows(alert)).isZero();
        assertThatThrownBy(() -> new ReceivedAlerts(jdbc, outbox, Clock.systemUTC(),
                new AlertIntakeProperties(true, Bureau.HOUSING, null, null), MEASURES, () -> reaction))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("platform.alerts.readers");
    }

    @Test
    void shouldPageTheCallersDivisionWithTheTotalWhenAlertsArrivedInTheSameInstant() throws Exception {
        String village = "210421100299";
        Timestamp at = Timestamp.from(Instant.now());
        List<String> named = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            insert(id, village, true, at);
            named.add(id.toString());
        }
        UUID noted = UUID.randomUUID();
        insert(noted, village, false, at);
        insert(UUID.randomUUID(), "210422100299", true, at);
        String token = "Bearer " + TestTokens.user("village-inspector", village, "inspector");

        // one instant for all: the alert id orders them, so the pages neither repeat nor skip one
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            String body = mvc.perform(get("/api/platform-test/alerts?size=2&page=" + page).header("Authorization", token))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(3))
                    .andExpect(jsonPath("$.page").value(page))
                    .andExpect(jsonPath("$.size").value(2))
                    .andExpect(jsonPath("$.items.length()").value(page == 0 ? 2 : 1))
                    .andReturn().getResponse().getContentAsString();
            seen.addAll(JsonPath.read(body, "$.items[*].alertId"));
        }
        // by default only those naming the bureau; namedOnly=false all of the caller's division
        assertThat(seen).containsExactlyInAnyOrderElementsOf(named);
        mvc.perform(get("/api/platform-test/alerts?namedOnly=false").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[?(@.alertId == '" + noted + "')].status").value("NOTED"));
        // the items keep the bureaus' field names
        mvc.perform(get("/api/platform-test/alerts?size=1").header("Authorization", token))
                .andExpect(jsonPath("$.items[0].alertId").exists())
                .andExpect(jsonPath("$.items[0].householdId").exists())
                .andExpect(jsonPath("$.items[0].divisionCode").value(village))
                .andExpect(jsonPath("$.items[0].riskTypes").value("UNSAFE_HOUSING"))
                .andExpect(jsonPath("$.items[0].explanation").value("测试预警"))
                .andExpect(jsonPath("$.items[0].named").value(true))
                .andExpect(jsonPath("$.items[0].assignmentId").exists())
                .andExpect(jsonPath("$.items[0].dueDate").exists())
                .andExpect(jsonPath("$.items[0].status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.items[0].receivedAt").exists());

        // another county sees none of them; the city sees both counties'; no division claim, nothing
        mvc.perform(get("/api/platform-test/alerts?namedOnly=false")
                        .header("Authorization", "Bearer " + TestTokens.user("other", "210423", "inspector")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.divisionCode == '" + village + "')]").isEmpty());
        String city = mvc.perform(get("/api/platform-test/alerts?namedOnly=false&size=500")
                        .header("Authorization", "Bearer " + TestTokens.user("city", "210400", "analyst")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(city, "$.items[*].divisionCode")).contains(village, "210422100299");
        mvc.perform(get("/api/platform-test/alerts?namedOnly=false")
                        .header("Authorization", "Bearer " + TestTokens.user("nowhere", null, "analyst")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void shouldAnswerOnlyTheReadersRolesAndRefuseBadPaging() throws Exception {
        String token = "Bearer " + TestTokens.user("village-inspector", "210421100299", "inspector");

        mvc.perform(get("/api/platform-test/alerts")
                        .header("Authorization", "Bearer " + TestTokens.user("op", "210421", "civil-affairs-operator")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/platform-test/alerts")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/platform-test/alerts?size=0").header("Authorization", token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页至少1条"));
        mvc.perform(get("/api/platform-test/alerts?size=100000").header("Authorization", token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页最多500条"));
        mvc.perform(get("/api/platform-test/alerts?page=-1").header("Authorization", token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'page')].message").value("页码不能为负"));
    }

    @Test
    void shouldMoveTheHouseholdsAlertsWithIt() {
        RiskAlertRaised first = alert("210422100201", "测试预警", Bureau.HOUSING);
        RiskAlertRaised second = new RiskAlertRaised(UUID.randomUUID(), first.householdId(), "210422100201",
                List.of(RiskType.ILLNESS), "测试预警", Instant.now(), List.of());
        transaction.executeWithoutResult(status -> {
            alerts.receive(first);
            alerts.receive(second);
        });

        transaction.executeWithoutResult(status -> alerts.householdMoved(first.householdId(), "210423100203",
                List.of(second.alertId())));
        assertThat(divisionOf(first)).isEqualTo("210422100201");
        assertThat(divisionOf(second)).isEqualTo("210423100203");

        transaction.executeWithoutResult(status -> alerts.householdMoved(first.householdId(), "210423100203", List.of()));
        assertThat(divisionOf(first)).isEqualTo("210422100201");
        transaction.executeWithoutResult(status -> alerts.householdMoved(first.householdId(), "210423100203"));
        assertThat(divisionOf(first)).isEqualTo("210423100203");
        assertThat(alerts.assignedTo(first.householdId())).extracting(ReceivedAlert::alertId)
                .containsExactly(first.alertId());
    }

    @Test
    void shouldServeTheJurisdictionPrefixFromAnIndex() {
        DivisionIndexes.assertPrefixServedByIndex(jdbc, transaction, List.of("platform.received_alert"));
    }

    private static RiskAlertRaised alert(String division, String explanation, Bureau... named) {
        List<RiskAlertRaised.Assignment> assignments = new ArrayList<>();
        for (Bureau bureau : named) {
            assignments.add(new RiskAlertRaised.Assignment(UUID.randomUUID(), bureau, LocalDate.now().plusDays(15)));
        }
        return new RiskAlertRaised(UUID.randomUUID(), UUID.randomUUID(), division,
                List.of(RiskType.UNSAFE_HOUSING, RiskType.ILLNESS), explanation, Instant.now(), assignments);
    }

    private static EventEnvelope<RiskAlertRaised> envelope(RiskAlertRaised alert) {
        return EventEnvelope.of("monitoring", alert.householdId().toString(), alert.divisionCode(), alert);
    }

    private void publish(EventEnvelope<RiskAlertRaised> envelope) throws Exception {
        kafka.send(Topics.MONITORING_RISK_ALERT, envelope.key(), codec.write(envelope)).get();
    }

    private List<AssignmentAcknowledged> acknowledgements(RiskAlertRaised alert) {
        return jdbc.sql("select payload from outbox_event where aggregateid = :h and type = 'AssignmentAcknowledged'")
                .param("h", alert.householdId().toString()).query(String.class).list().stream()
                .map(payload -> codec.read(payload, AssignmentAcknowledged.class).data()).toList();
    }

    private long outboxRows(RiskAlertRaised alert) {
        return jdbc.sql("select count(*) from outbox_event where aggregateid = :h")
                .param("h", alert.householdId().toString()).query(Long.class).single();
    }

    private String divisionOf(RiskAlertRaised alert) {
        return jdbc.sql("select division_code from platform.received_alert where alert_id = :a")
                .param("a", alert.alertId()).query(String.class).single();
    }

    private void insert(UUID alertId, String division, boolean named, Timestamp at) {
        jdbc.sql("""
                        insert into platform.received_alert (alert_id, household_id, division_code, risk_types, explanation,
                                                             named, assignment_id, due_date, status, received_at)
                        values (:a, :h, :d, 'UNSAFE_HOUSING', '测试预警', :named, :assignment, :due, :status, :at)""")
                .param("a", alertId).param("h", UUID.randomUUID()).param("d", division).param("named", named)
                .param("assignment", named ? UUID.randomUUID() : null)
                .param("due", named ? LocalDate.now().plusDays(15) : null)
                .param("status", named ? "ACKNOWLEDGED" : "NOTED").param("at", at).update();
    }
}
