package fushun.contracts.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import fushun.contracts.EventCodec;
import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The procedure's fields are additive to version 1: events written before them still read, as null. */
class HouseholdMonitoredTest {

    private static final ObjectMapper TREE = new ObjectMapper();
    private static final List<String> ADDED = List.of("channel", "previousCategory", "firstClueAt", "dueDate",
            "villageDecidedAt", "townshipDecidedAt");
    private final EventCodec codec = new EventCodec();

    @Test
    void shouldReadAnEventOfTheOldShapeWithTheNewFieldsNull() throws IOException {
        JsonNode old = TREE.readTree(resource("contracts/samples/HouseholdMonitored.v1.json"));
        ADDED.forEach(((ObjectNode) old.get("data"))::remove);
        assertThat(old.get("data").size()).as("the version-1 shape as first published").isEqualTo(6);

        HouseholdMonitored read = codec.read(old.toString(), HouseholdMonitored.class).data();

        assertThat(read.category()).isEqualTo(HouseholdCategory.MARGINAL);
        assertThat(read.riskTypes()).containsExactly(RiskType.ILLNESS);
        assertThat(read.confirmedAt()).isEqualTo(Instant.parse("2026-03-20T06:00:00Z"));
        assertThat(read.channel()).isNull();
        assertThat(read.previousCategory()).isNull();
        assertThat(read.firstClueAt()).isNull();
        assertThat(read.dueDate()).isNull();
        assertThat(read.villageDecidedAt()).isNull();
        assertThat(read.townshipDecidedAt()).isNull();
        assertThat(schema().validate(old)).isEmpty();
    }

    @Test
    void shouldReadTheProcedureFieldsWhenCarried() throws IOException {
        HouseholdMonitored read = codec.read(resource("contracts/samples/HouseholdMonitored.v1.json"),
                HouseholdMonitored.class).data();

        assertThat(read.channel()).isEqualTo(HouseholdMonitored.DiscoveryChannel.SELF_APPLICATION);
        assertThat(read.previousCategory()).isEqualTo(HouseholdCategory.ORDINARY);
        assertThat(read.firstClueAt()).isEqualTo(Instant.parse("2026-03-06T01:30:00Z"));
        assertThat(read.dueDate()).isEqualTo(LocalDate.of(2026, 3, 21));
        assertThat(read.villageDecidedAt()).isEqualTo(Instant.parse("2026-03-09T02:00:00Z"));
        assertThat(read.townshipDecidedAt()).isEqualTo(Instant.parse("2026-03-16T03:00:00Z"));
    }

    @Test
    void shouldWriteAndValidateNullsWhenTheSixFieldConstructorIsUsed() throws IOException {
        HouseholdMonitored older = new HouseholdMonitored(java.util.UUID.randomUUID(), "210422100201",
                HouseholdCategory.MARGINAL, List.of(RiskType.ILLNESS), java.util.UUID.randomUUID(),
                Instant.parse("2026-03-20T06:00:00Z"));
        String written = codec.write(EventEnvelope.of("monitoring", older.householdId().toString(), older.divisionCode(), older));

        assertThat(schema().validate(TREE.readTree(written))).isEmpty();
        assertThat(codec.read(written, HouseholdMonitored.class).data()).isEqualTo(older);
    }

    @Test
    void shouldRefuseAChannelTheContractDoesNotName() throws IOException {
        JsonNode sample = TREE.readTree(resource("contracts/samples/HouseholdMonitored.v1.json"));
        ((ObjectNode) sample.get("data")).put("channel", "ROSTER");

        assertThat(schema().validate(sample)).isNotEmpty();
    }

    private static com.networknt.schema.JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                resource("contracts/schemas/HouseholdMonitored.v1.json"),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HouseholdMonitoredTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
