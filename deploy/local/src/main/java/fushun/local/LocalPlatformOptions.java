package fushun.local;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * @param root             the repository's root (service jars, realm, Keycloak under deploy/local/target)
 * @param dataDir          where PostgreSQL, Kafka and logs keep their files between starts
 * @param ports            where everything listens
 * @param demoHouseholds   synthetic households monitoring seeds on first start
 * @param postgresUrl      an external server's base JDBC URL (ends with '/'), or null for the embedded one
 * @param postgresUser     user for the external server
 * @param postgresPassword password for the external server
 * @param skipped          the modules not started (a developer runs them from the IDE), by name
 * @param instances        1, or 2 to start each bureau service twice (see {@link ServiceModule#SCALED_OUT})
 */
public record LocalPlatformOptions(Path root, Path dataDir, Ports ports, int demoHouseholds, String postgresUrl,
                                   String postgresUser, String postgresPassword, Set<String> skipped, int instances) {

    public LocalPlatformOptions {
        if (instances < 1 || instances > 2) {
            throw new IllegalArgumentException("PLATFORM_INSTANCES is 1 or 2, not " + instances);
        }
        skipped = Set.copyOf(skipped);
        for (String name : skipped) {
            if (ServiceModule.ALL.stream().noneMatch(m -> m.name().equals(name))) {
                throw new IllegalArgumentException("PLATFORM_SKIP names no module: " + name + " (one of "
                        + ServiceModule.ALL.stream().map(ServiceModule::name).collect(Collectors.joining(", "))
                        + ", or all)");
            }
        }
    }

    /** One instance of each service. */
    public LocalPlatformOptions(Path root, Path dataDir, Ports ports, int demoHouseholds, String postgresUrl,
                                String postgresUser, String postgresPassword, Set<String> skipped) {
        this(root, dataDir, ports, demoHouseholds, postgresUrl, postgresUser, postgresPassword, skipped, 1);
    }

    /** Everything started. */
    public LocalPlatformOptions(Path root, Path dataDir, Ports ports, int demoHouseholds, String postgresUrl,
                                String postgresUser, String postgresPassword) {
        this(root, dataDir, ports, demoHouseholds, postgresUrl, postgresUser, postgresPassword, Set.of());
    }

    /** From environment variables, with the documented defaults. */
    public static LocalPlatformOptions fromEnvironment(Path root) {
        String dataDir = System.getenv().getOrDefault("PLATFORM_DATA_DIR", root.resolve(".local-data").toString());
        int offset = Integer.parseInt(System.getenv().getOrDefault("PLATFORM_PORT_OFFSET", "0"));
        int households = Integer.parseInt(System.getenv().getOrDefault("PLATFORM_DEMO_HOUSEHOLDS", "300"));
        return new LocalPlatformOptions(root, Path.of(dataDir), Ports.withOffset(offset), households,
                System.getenv("PLATFORM_POSTGRES_URL"), System.getenv().getOrDefault("PLATFORM_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("PLATFORM_POSTGRES_PASSWORD", ""),
                skipped(System.getenv().getOrDefault("PLATFORM_SKIP", "")),
                Integer.parseInt(System.getenv().getOrDefault("PLATFORM_INSTANCES", "1")));
    }

    /**
     * {@code PLATFORM_SKIP}: empty (start everything), {@code all} (the infrastructure only:
     * PostgreSQL, Kafka, Keycloak) or module names separated by commas.
     */
    static Set<String> skipped(String setting) {
        if (setting.isBlank()) {
            return Set.of();
        }
        if (setting.strip().equals("all")) {
            return ServiceModule.ALL.stream().map(ServiceModule::name).collect(Collectors.toSet());
        }
        return Arrays.stream(setting.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    boolean starts(ServiceModule module) {
        return !skipped.contains(module.name());
    }

    /** Whether a second instance of this module is started. */
    boolean startsTwice(ServiceModule module) {
        return instances > 1 && module.scalesOut() && starts(module);
    }
}
