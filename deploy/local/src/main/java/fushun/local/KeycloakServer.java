package fushun.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keycloak from its Maven Central distribution (unpacked by the build under
 * deploy/local/target/keycloak), in development mode on the platform's PostgreSQL so its data
 * survives a restart. The realm in deploy/keycloak is imported on first start and kept after.
 */
final class KeycloakServer {

    private KeycloakServer() {
    }

    static Path distribution(Path root) throws IOException {
        Path unpacked = root.resolve("deploy/local/target/keycloak");
        if (Files.isDirectory(unpacked)) {
            try (Stream<Path> dirs = Files.list(unpacked)) {
                var dist = dirs.filter(d -> d.getFileName().toString().startsWith("keycloak-")).findFirst();
                if (dist.isPresent()) {
                    return dist.get();
                }
            }
        }
        throw new IllegalStateException("Keycloak distribution missing under " + unpacked
                + ": build first (./mvnw -pl deploy/local -am package -DskipTests)");
    }

    static ManagedProcess start(LocalPlatformOptions options, Postgres postgres, Path logDir) throws IOException {
        Path dist = distribution(options.root());
        Path importDir = dist.resolve("data/import");
        Files.createDirectories(importDir);
        Files.copy(options.root().resolve("deploy/keycloak/fushun-realm.json"), importDir.resolve("fushun-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        Ports ports = options.ports();
        List<String> command = List.of("bash", dist.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + ports.keycloak(),
                "--http-management-port=" + ports.keycloakManagement(),
                "--health-enabled=true",
                "--db=postgres",
                "--db-url=" + postgres.url("keycloak"),
                "--db-username=" + postgres.user(),
                "--db-password=" + postgres.password(),
                "--import-realm");
        Map<String, String> env = Map.of(
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        return ManagedProcess.start("keycloak", command, env, dist, logDir);
    }
}
