package fushun.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two realm files: the local one (demo users, the command-line client) and the production
 * variant, which must be the same realm without the demo material. Both keep no secret in clear.
 */
class RealmFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode realm(String file) throws IOException {
        return JSON.readTree(Files.readString(ROOT.resolve("deploy/keycloak").resolve(file)));
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asString().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    @Test
    void shouldKeepEveryClientSecretOutOfTheFiles() throws IOException {
        for (String file : List.of("fushun-realm.json", "fushun-realm-production.json")) {
            for (JsonNode client : realm(file).get("clients")) {
                if (!client.get("publicClient").asBoolean()) {
                    assertThat(client.get("secret").asString()).as(file + " " + client.get("clientId"))
                            .matches("\\$\\{FUSHUN_[A-Z_]+_SECRET}");
                }
            }
        }
    }

    @Test
    void shouldSignTheConsoleInThroughTheBrowserOnly() throws IOException {
        for (String file : List.of("fushun-realm.json", "fushun-realm-production.json")) {
            JsonNode realm = realm(file);
            JsonNode console = client(realm, "fushun-console");
            assertThat(console.get("publicClient").asBoolean()).isTrue();
            assertThat(console.get("directAccessGrantsEnabled").asBoolean()).as("password grant").isFalse();
            assertThat(console.get("implicitFlowEnabled").asBoolean()).isFalse();
            assertThat(console.get("attributes").get("pkce.code.challenge.method").asString()).isEqualTo("S256");
            assertThat(console.get("redirectUris").toString()).doesNotContain("*");
            assertThat(console.get("webOrigins").toString()).doesNotContain("*").doesNotContain("\"+\"");
            assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
            assertThat(realm.get("passwordPolicy").asString()).contains("length(12)").contains("notUsername");
            assertThat(realm.get("eventsEnabled").asBoolean()).isTrue();
            assertThat(realm.get("adminEventsEnabled").asBoolean()).isTrue();
            assertThat(realm.get("registrationAllowed").asBoolean()).isFalse();
        }
    }

    @Test
    void shouldGiveTheDemoUsersTheGeneratedPasswordOnly() throws IOException {
        int users = 0;
        for (JsonNode user : realm("fushun-realm.json").get("users")) {
            for (JsonNode credential : user.path("credentials")) {
                users++;
                assertThat(credential.get("value").asString()).as(user.get("username").asString())
                        .isEqualTo("${FUSHUN_DEMO_PASSWORD}");
            }
        }
        assertThat(users).isGreaterThan(10);
    }

    @Test
    void shouldMakeTheProductionRealmTheLocalOneWithoutItsDemoMaterial() throws IOException {
        JsonNode production = realm("fushun-realm-production.json");
        ObjectNode expected = (ObjectNode) realm("fushun-realm.json");
        // HTTPS everywhere unless the deployment says otherwise (compose on one host: external)
        expected.put("sslRequired", "${FUSHUN_SSL_REQUIRED:all}");
        ArrayNode clients = JSON.createArrayNode();
        expected.get("clients").forEach(c -> {
            if (!c.get("clientId").asString().equals("fushun-local-cli")) {
                clients.add(c);
            }
        });
        expected.set("clients", clients);
        ArrayNode users = JSON.createArrayNode();
        List<String> demoUsers = new ArrayList<>();
        expected.get("users").forEach(u -> {
            if (u.get("username").asString().startsWith("service-account-")) {
                users.add(u);
            } else {
                demoUsers.add(u.get("username").asString());
            }
        });
        expected.set("users", users);

        assertThat(demoUsers).as("the local realm's demo users").isNotEmpty();
        assertThat(production.toString()).as("fushun-realm-production.json is fushun-realm.json without demo users, "
                + "without fushun-local-cli and with sslRequired ${FUSHUN_SSL_REQUIRED:all}; regenerate it when the realm changes")
                .isEqualTo(expected.toString());
    }
}
