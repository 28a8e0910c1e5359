package fushun.local;

import java.nio.file.Path;

/**
 * @param root             the repository's root (service jars, realm, Keycloak under deploy/local/target)
 * @param dataDir          where PostgreSQL, Kafka and logs keep their files between starts
 * @param ports            where everything listens
 * @param demoHouseholds   synthetic households monitoring seeds on first start
 * @param postgresUrl      an external server's base JDBC URL (ends with '/'), or null for the embedded one
 * @param postgresUser     user for the external server
 * @param postgresPassword password for the external server
 */
public record LocalPlatformOptions(Path root, Path dataDir, Ports ports, int demoHouseholds, String postgresUrl,
                                   String postgresUser, String postgresPassword) {

    /** From environment variables, with the documented defaults. */
    public static LocalPlatformOptions fromEnvironment(Path root) {
        String dataDir = System.getenv().getOrDefault("PLATFORM_DATA_DIR", root.resolve(".local-data").toString());
        int offset = Integer.parseInt(System.getenv().getOrDefault("PLATFORM_PORT_OFFSET", "0"));
        int households = Integer.parseInt(System.getenv().getOrDefault("PLATFORM_DEMO_HOUSEHOLDS", "300"));
        return new LocalPlatformOptions(root, Path.of(dataDir), Ports.withOffset(offset), households,
                System.getenv("PLATFORM_POSTGRES_URL"), System.getenv().getOrDefault("PLATFORM_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("PLATFORM_POSTGRES_PASSWORD", ""));
    }
}
