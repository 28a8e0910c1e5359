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

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(E2EPlatform.class.getName(), key -> new Running(), Running.class);
    }

    static LocalPlatform platform() {
        return platform;
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
                platform = LocalPlatform.start(new LocalPlatformOptions(root, data, Ports.withOffset(10000), 20, null,
                        null, null));
                System.out.printf("E2E platform ready in %d s, resident memory %d MiB%n",
                        platform.readyMillis() / 1000, platform.rssKiB() / 1024);
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
            if (!Boolean.getBoolean("e2e.keepData")) {
                try (var paths = Files.walk(data)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    static HttpResponse<String> call(String method, String path, String token, String body)
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
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String userToken(String username) throws Exception {
        return token(Map.of("grant_type", "password", "client_id", "fushun-console", "username", username, "password", "demo"));
    }

    static String clientToken() throws Exception {
        return token(Map.of("grant_type", "client_credentials", "client_id", "medical-insurance-integration",
                "client_secret", "demo-medical-insurance-secret"));
    }

    static String token(Map<String, String> form) throws Exception {
        String encoded = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create(platform.issuer() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }
}
