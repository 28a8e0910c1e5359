package fushun.platform.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Checks what a service really published against the contract's JSON Schema (from the contracts
 * jar on the classpath), so a producer cannot drift from the schema its consumers rely on.
 */
public final class ContractSchemas {

    private static final ObjectMapper TREE = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private ContractSchemas() {
    }

    /** Throws an AssertionError listing the violations if {@code envelopeJson} breaks its schema. */
    public static void assertConforms(String envelopeJson) {
        try {
            JsonNode event = TREE.readTree(envelopeJson);
            String resource = "contracts/schemas/" + event.path("type").asText() + ".v" + event.path("version").asInt() + ".json";
            try (InputStream schema = ContractSchemas.class.getClassLoader().getResourceAsStream(resource)) {
                if (schema == null) {
                    throw new AssertionError("no schema " + resource + " for " + envelopeJson);
                }
                JsonSchema validator = FACTORY.getSchema(schema,
                        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
                Set<ValidationMessage> errors = validator.validate(event);
                if (!errors.isEmpty()) {
                    throw new AssertionError("published event breaks " + resource + ": " + errors);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + envelopeJson, e);
        }
    }
}
