package fushun.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import java.util.stream.Stream;

/**
 * Keycloak from its Maven Central distribution (unpacked by the build under
 * deploy/local/target/keycloak and built once for its options by {@code build-keycloak.sh}), in
 * production mode over plain HTTP on loopback, on the platform's PostgreSQL so its data survives a
 * restart. Development mode ({@code start-dev}) would repeat Quarkus' build on a fresh
 * distribution inside the first start, the longest step of it (docs/adr/0034). The realm in
 * deploy/keycloak is imported on first start and kept after; its client secrets, the console's
 * address and the administrator's password come from the generated secrets.
 */
final class KeycloakServer {

    static final String DATABASE = "keycloak";
    /** The secrets file's name for the master realm's administrator password. */
    static final String ADMIN_PASSWORD = "keycloak.admin.password";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakServer() {
    }

    /** The secrets file's name for a client's secret. */
    static String clientSecretKey(String clientId) {
        return "keycloak.client." + clientId + ".secret";
    }

    static Path distribution(Path root) throws IOException {
        Path unpacked = root.resolve("deploy/local/target/keycloak");
        if (Files.isDirectory(unpacked)) {
            try (Stream<Path> dirs = Files.list(unpacked)) {
                // the newest when a version bump left the old one beside it (names sort as versions here)
                var dist = dirs.filter(d -> d.getFileName().toString().startsWith("keycloak-"))
                        .max(java.util.Comparator.comparing(d -> d.getFileName().toString()));
                if (dist.isPresent()) {
                    return dist.get();
                }
            }
        }
        throw new IllegalStateException("Keycloak distribution missing under " + unpacked
                + ": build first (./mvnw -pl deploy/local -am package -DskipTests)");
    }

    static ManagedProcess start(LocalPlatformOptions options, Postgres postgres, LocalSecrets secrets, String consoleUrl,
                                Path logDir) throws IOException {
        Path dist = distribution(options.root());
        Path importDir = dist.resolve("data/import");
        Files.createDirectories(importDir);
        Files.copy(options.root().resolve("deploy/keycloak/fushun-realm.json"), importDir.resolve("fushun-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        ensureBuilt(options.root(), logDir);
        Ports ports = options.ports();
        List<String> command = List.of("bash", dist.resolve("bin/kc.sh").toString(), "start", "--optimized",
                // loopback only, so plain HTTP; the issuer follows the address it is asked on (localhost)
                "--http-enabled=true",
                "--hostname-strict=false",
                // one node: no cluster, so no JGroups ports and no discovery through the database
                "--cache=local",
                "--http-host=127.0.0.1",
                "--http-port=" + ports.keycloak(),
                "--http-management-port=" + ports.keycloakManagement(),
                "--db-url=" + postgres.url(DATABASE),
                "--db-username=" + Postgres.role(DATABASE),
                "--import-realm");
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        // in the environment, not on the command line, where any user's ps would show them
        env.put("KC_DB_PASSWORD", secrets.get(Postgres.passwordKey(DATABASE)));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.get(ADMIN_PASSWORD));
        // the realm file's placeholders
        env.put("FUSHUN_CONSOLE_URL", consoleUrl);
        env.put("FUSHUN_DEMO_PASSWORD", secrets.demoPassword());
        for (String client : List.of("fushun-platform", "medical-insurance-integration", "fushun-local-cli")) {
            env.put(placeholder(client), secrets.get(clientSecretKey(client)));
        }
        return ManagedProcess.start("keycloak", command, env, dist, logDir);
    }

    /**
     * Builds the distribution for the launcher's options unless it already is (the Maven build
     * normally has): a distribution unpacked again, or a launcher run without the build, still starts.
     */
    static void ensureBuilt(Path root, Path logDir) throws IOException {
        Process build = new ProcessBuilder("bash", root.resolve("deploy/local/build-keycloak.sh").toString(),
                distribution(root).toString(), logDir.resolve("keycloak-build.log").toString())
                .inheritIO().start();
        try {
            if (!build.waitFor(10, java.util.concurrent.TimeUnit.MINUTES) || build.exitValue() != 0) {
                throw new IllegalStateException("Keycloak's build failed: see " + logDir.resolve("keycloak-build.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Keycloak was built", e);
        } finally {
            // kc.sh's JVM with the script: nothing of an interrupted build is left running
            build.descendants().forEach(ProcessHandle::destroyForcibly);
            build.destroyForcibly();
        }
    }

    /** The realm file's placeholder for a client's secret, e.g. FUSHUN_MEDICAL_INSURANCE_INTEGRATION_SECRET. */
    static String placeholder(String clientId) {
        String name = clientId.toUpperCase().replace('-', '_');
        return (name.startsWith("FUSHUN_") ? name : "FUSHUN_" + name) + "_SECRET";
    }

    /**
     * The master realm cannot be imported: at every start the launcher signs in as its
     * administrator and turns on brute-force detection and the login and admin event logs there.
     */
    static void protectMasterRealm(LocalPlatformOptions options, LocalSecrets secrets) throws IOException, InterruptedException {
        String base = "http://localhost:" + options.ports().keycloak();
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(secrets.get(ADMIN_PASSWORD), StandardCharsets.UTF_8);
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("Keycloak's administrator could not sign in (HTTP " + token.statusCode() + ")");
        }
        String accessToken = JsonMapper.builder().build().readTree(token.body()).get("access_token").asString();
        String settings = """
                {"bruteForceProtected": true, "permanentLockout": false, "failureFactor": 5,
                 "waitIncrementSeconds": 60, "maxFailureWaitSeconds": 900, "maxDeltaTimeSeconds": 43200,
                 "eventsEnabled": true, "eventsExpiration": 7776000, "adminEventsEnabled": true,
                 "passwordPolicy": "length(16) and notUsername"}""";
        HttpResponse<String> updated = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/master"))
                .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(settings)).build(), HttpResponse.BodyHandlers.ofString());
        if (updated.statusCode() != 204) {
            throw new IllegalStateException("Keycloak's master realm not updated (HTTP " + updated.statusCode() + ")");
        }
    }
}
