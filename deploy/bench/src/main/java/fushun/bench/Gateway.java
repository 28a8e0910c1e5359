package fushun.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls through the gateway with real tokens from the platform's Keycloak: the medical-insurance
 * integration client (client credentials) for settlements, demo users (through the local
 * command-line client) for everything else. Tokens are fetched again after a minute.
 */
final class Gateway {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String INTEGRATION = "integration";

    private final PlatformUnderTest platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    private record CachedToken(String value, Instant fetched) {
    }

    Gateway(PlatformUnderTest platform) {
        this.platform = platform;
    }

    /** A user's token, or the integration client's for {@link #INTEGRATION}. */
    String token(String user) throws IOException, InterruptedException {
        CachedToken cached = tokens.get(user);
        if (cached == null || cached.fetched().isBefore(Instant.now().minusSeconds(60))) {
            Map<String, String> form = user.equals(INTEGRATION)
                    ? Map.of("grant_type", "client_credentials", "client_id", "medical-insurance-integration",
                    "client_secret", platform.secret("keycloak.client.medical-insurance-integration.secret"))
                    : Map.of("grant_type", "password", "client_id", "fushun-local-cli",
                    "client_secret", platform.secret("keycloak.client.fushun-local-cli.secret"), "username", user,
                    "password", platform.secret("keycloak.demo-users.password"));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(platform.tokenUrl()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&")))).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("no token for " + user + ": HTTP " + answer.statusCode());
            }
            cached = new CachedToken(JSON.readTree(answer.body()).get("access_token").asString(), Instant.now());
            tokens.put(user, cached);
        }
        return cached.value();
    }

    HttpRequest.Builder request(String path, String user) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token(user));
    }

    /** A GET that must answer 200; its JSON. */
    JsonNode get(String path, String user) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
        return expect(answer, 200, path);
    }

    JsonNode post(String path, String user, String json, int expected) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        return expect(answer, expected, path);
    }

    CompletableFuture<HttpResponse<String>> postAsync(String path, String user, String json)
            throws IOException, InterruptedException {
        return http.sendAsync(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A file as multipart/form-data (part {@code file}), streamed from disk. */
    JsonNode upload(String path, String user, Path file, String contentType, int expected)
            throws IOException, InterruptedException {
        String boundary = "bench-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail));
        HttpResponse<String> answer = http.send(request(path, user)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
        return expect(answer, expected, path);
    }

    private static JsonNode expect(HttpResponse<String> answer, int expected, String path) {
        if (answer.statusCode() != expected) {
            String body = answer.body();
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": "
                    + (body.length() > 500 ? body.substring(0, 500) : body));
        }
        return answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    }
}
