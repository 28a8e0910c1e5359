package fushun.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * One real platform for all end-to-end tests of a run: started by the README's launcher on shifted
 * ports in a fresh data directory the first time a test class asks, stopped when the run ends.
 * Also the tests' HTTP helpers: calls through the gateway, tokens from the real Keycloak.
 */
final class E2EPlatform implements BeforeAllCallback {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static volatile LocalPlatform platform;
    private static volatile int demoYearFailures;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(E2EPlatform.class.getName(), key -> new Running(), Running.class);
    }

    static LocalPlatform platform() {
        return platform;
    }

    /** The demo year's steps that did not go through (the browser test requires none). */
    static int demoYearFailures() {
        return demoYearFailures;
    }

    /** The started platform, closed by JUnit at the end of the run. */
    @SuppressWarnings("deprecation")
    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        private final Path data;
        private boolean closed;

        Running() {
            try {
                Path root = Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();
                data = Files.createTempDirectory("fushun-e2e");
                platform = LocalPlatform.start(new LocalPlatformOptions(root, data, Ports.withOffset(Integer.getInteger("e2e.portOffset", 10000)), 20, null,
                        null, null));
                System.out.printf("E2E platform ready in %d s, resident memory %d MiB%n",
                        platform.readyMillis() / 1000, platform.rssKiB() / 1024);
                // the demo city's past year is written on this fresh folder before any test runs on the real time
                long writing = System.nanoTime();
                demoYearFailures = platform.awaitDemoYear(Duration.ofMinutes(8));
                System.out.printf("E2E demo year written in %.1f s, %d steps failed%n", (System.nanoTime() - writing) / 1e9,
                        demoYearFailures);
            } catch (Exception e) {
                throw new IllegalStateException("the end-to-end platform did not start", e);
            }
        }

        @Override
        public synchronized void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            platform.close();
            keepLogs();
            if (!Boolean.getBoolean("e2e.keepData")) {
                try (var paths = Files.walk(data)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }

        /**
         * The processes' logs outlive the run in {@code target/e2e-logs}, so a failure in CI can be read
         * afterwards; the data directory itself is deleted.
         */
        private void keepLogs() throws IOException {
            Path logs = data.resolve("logs");
            if (!Files.isDirectory(logs)) {
                return;
            }
            Path kept = Path.of("target", "e2e-logs");
            Files.createDirectories(kept);
            try (var files = Files.list(logs)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(file)) {
                        Files.copy(file, kept.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    static HttpResponse<String> call(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return call(method, path, token, body, Map.of());
    }

    /** The same with headers of the caller's own, e.g. a W3C {@code traceparent}. */
    static HttpResponse<String> call(String method, String path, String token, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A multipart upload of a CSV file and the date it describes, as the console's form sends it. */
    static HttpResponse<String> upload(String path, String token, String csv, String asOf) throws IOException, InterruptedException {
        String boundary = "e2e" + java.util.UUID.randomUUID().toString().replace("-", "");
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"asOf\"\r\n\r\n" + asOf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"register.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A demo user's token through the local command-line client (the console's own client has no password grant). */
    static String userToken(String username) throws Exception {
        return token(Map.of("grant_type", "password", "client_id", "fushun-local-cli",
                "client_secret", clientSecret("fushun-local-cli"), "username", username, "password", demoPassword()));
    }

    static String clientToken() throws Exception {
        return token(Map.of("grant_type", "client_credentials", "client_id", "medical-insurance-integration",
                "client_secret", clientSecret("medical-insurance-integration")));
    }

    /** The demo users' password, generated by the launcher at first start. */
    static String demoPassword() {
        return platform.secrets().demoPassword();
    }

    /** A client's secret, generated by the launcher at first start. */
    static String clientSecret(String clientId) {
        return platform.secrets().get(KeycloakServer.clientSecretKey(clientId));
    }

    static String token(Map<String, String> form) throws Exception {
        HttpResponse<String> response = tokenRequest("fushun", form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    /** The master realm administrator's token (password from the generated secrets). */
    static String adminToken() throws Exception {
        HttpResponse<String> response = tokenRequest("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", platform.secrets().get(KeycloakServer.ADMIN_PASSWORD)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    /** A token request to a realm of the running Keycloak, whatever it answers. */
    static HttpResponse<String> tokenRequest(String realm, Map<String, String> form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(keycloakUrl() + "/realms/" + realm + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(formEncoded(form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Keycloak's base address (the issuer without its realm). */
    static String keycloakUrl() {
        String issuer = platform.issuer();
        return issuer.substring(0, issuer.indexOf("/realms/"));
    }

    static String formEncoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
