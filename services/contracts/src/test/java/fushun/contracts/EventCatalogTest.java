package fushun.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import fushun.contracts.monitoring.RiskAlertRaised;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCatalogTest {

    private static final ObjectMapper TREE = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final EventCodec codec = new EventCodec();

    static Stream<EventType> eventTypes() {
        return EventCatalog.all().stream();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void shouldValidateSampleAgainstSchemaWhenCatalogued(EventType type) throws IOException {
        Set<ValidationMessage> errors = schemaOf(type).validate(TREE.readTree(resource(type.sampleResource())));

        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void shouldRoundTripSampleThroughRecordWhenRead(EventType type) throws IOException {
        String sample = resource(type.sampleResource());

        EventEnvelope<?> envelope = codec.read(sample, type.recordClass());
        String written = codec.write(envelope);

        assertThat(envelope.data()).isInstanceOf(type.recordClass());
        assertThat(envelope.type()).isEqualTo(type.name());
        assertThat(TREE.readTree(written)).isEqualTo(TREE.readTree(sample));
        assertThat(schemaOf(type).validate(TREE.readTree(written))).isEmpty();
    }

    @Test
    void shouldRejectSampleWhenRequiredFieldMissing() throws IOException {
        EventType alert = EventCatalog.byName("RiskAlertRaised").orElseThrow();
        JsonNode broken = TREE.readTree(resource(alert.sampleResource()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("data")).remove("assignments");

        assertThat(schemaOf(alert).validate(broken)).isNotEmpty();
    }

    @Test
    void shouldIgnoreUnknownFieldsWhenReading() throws IOException {
        EventType alert = EventCatalog.byName("RiskAlertRaised").orElseThrow();
        JsonNode withExtra = TREE.readTree(resource(alert.sampleResource()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) withExtra.get("data")).put("addedLater", "x");

        EventEnvelope<RiskAlertRaised> read = codec.read(withExtra.toString(), RiskAlertRaised.class);

        assertThat(read.data().riskTypes()).containsExactly(RiskType.ILLNESS);
        assertThat(read.data().names(Bureau.CIVIL_AFFAIRS)).isTrue();
    }

    @Test
    void shouldReadMemberWithoutBirthYearWhenEventPredatesTheField() throws IOException {
        EventType registered = EventCatalog.byName("HouseholdRegistered").orElseThrow();
        JsonNode older = TREE.readTree(resource(registered.sampleResource()));
        for (JsonNode member : older.get("data").get("members")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) member).remove("birthYear");
        }

        EventEnvelope<fushun.contracts.monitoring.HouseholdRegistered> read =
                codec.read(older.toString(), fushun.contracts.monitoring.HouseholdRegistered.class);

        assertThat(schemaOf(registered).validate(older)).isEmpty();
        assertThat(read.data().members()).extracting(fushun.contracts.monitoring.HouseholdRegistered.Member::birthYear)
                .containsOnlyNulls();
    }

    @Test
    void shouldRefuseEnvelopeForUncataloguedRecord() {
        record NotAnEvent(String x) {
        }
        assertThatThrownBy(() -> EventEnvelope.of("test", "k", null, new NotAnEvent("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNameDeadLetterTopicAfterSource() {
        assertThat(Topics.deadLetterOf(Topics.MONITORING_RISK_ALERT)).isEqualTo("monitoring.risk-alert.v1.DLT");
        assertThat(Topics.signals()).contains(Topics.MEDICAL_INSURANCE_SIGNAL).doesNotContain(Topics.MONITORING_RISK_ALERT);
    }

    private static JsonSchema schemaOf(EventType type) throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return SCHEMAS.getSchema(resource(type.schemaResource()), config);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EventCatalogTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
