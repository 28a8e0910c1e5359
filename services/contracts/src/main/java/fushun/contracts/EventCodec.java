package fushun.contracts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes envelopes as JSON. Readers are tolerant: unknown fields are ignored, so a
 * producer may add fields without breaking consumers (an additive change keeps the version).
 */
public final class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public String write(EventEnvelope<?> envelope) {
        return mapper.writeValueAsString(envelope);
    }

    /** Reads only the envelope's header fields, leaving {@code data} as a tree. */
    public EventEnvelope<JsonNode> readHeader(String json) {
        JavaType type = mapper.getTypeFactory().constructParametricType(EventEnvelope.class, JsonNode.class);
        return mapper.readValue(json, type);
    }

    /** Reads a whole envelope whose data is of the given record class. */
    public <T> EventEnvelope<T> read(String json, Class<T> dataClass) {
        JavaType type = mapper.getTypeFactory().constructParametricType(EventEnvelope.class, dataClass);
        return mapper.readValue(json, type);
    }

    public <T> T dataOf(EventEnvelope<JsonNode> envelope, Class<T> dataClass) {
        return mapper.treeToValue(envelope.data(), dataClass);
    }
}
