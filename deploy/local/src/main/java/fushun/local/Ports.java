package fushun.local;

/** Where everything listens; the end-to-end test shifts them all so a running demo is left alone. */
public record Ports(int gateway, int keycloak, int keycloakManagement, int kafka, int kafkaController, int postgres,
                    int firstService) {

    public static Ports withOffset(int offset) {
        return new Ports(8080 + offset, 8180 + offset, 8190 + offset, 9092 + offset, 9093 + offset, 15432 + offset,
                8101 + offset);
    }
}
