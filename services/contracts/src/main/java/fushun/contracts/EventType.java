package fushun.contracts;

/** One event type: its name on the wire, major version, record class, topic and schema resources. */
public record EventType(String name, int version, Class<?> recordClass, String topic) {

    public String schemaResource() {
        return "contracts/schemas/" + name + ".v" + version + ".json";
    }

    public String sampleResource() {
        return "contracts/samples/" + name + ".v" + version + ".json";
    }
}
