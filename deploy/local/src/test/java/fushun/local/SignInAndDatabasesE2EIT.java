package fushun.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The running platform's sign-in and databases refuse what the pen-test got through: the password
 * grant on the console's public client, a redirect to anywhere but the console, a code flow without
 * PKCE, Keycloak's old admin/admin, guessing a password over and over; a database without a password,
 * as another service's role, or as the superuser with a guess.
 */
@ExtendWith(E2EPlatform.class)
class SignInAndDatabasesE2EIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static HttpResponse<String> authorize(Map<String, String> query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(E2EPlatform.platform().issuer()
                + "/protocol/openid-connect/auth?" + E2EPlatform.formEncoded(query))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldSignTheConsoleInThroughTheBrowserFlowOnly() throws Exception {
        String console = E2EPlatform.platform().gatewayUrl() + "/";
        HttpResponse<String> passwordGrant = E2EPlatform.tokenRequest("fushun", Map.of("grant_type", "password",
                "client_id", "fushun-console", "username", "xinbin-operator", "password", E2EPlatform.demoPassword()));
        assertThat(passwordGrant.statusCode()).as(passwordGrant.body()).isIn(400, 401);
        assertThat(passwordGrant.body()).contains("unauthorized_client");

        Map<String, String> valid = new LinkedHashMap<>(Map.of("client_id", "fushun-console", "response_type", "code",
                "scope", "openid", "redirect_uri", console, "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                "code_challenge_method", "S256", "state", "s"));
        assertThat(authorize(valid).statusCode()).as("the console's own request").isEqualTo(200);

        Map<String, String> elsewhere = new LinkedHashMap<>(valid);
        elsewhere.put("redirect_uri", console + "anything/else");
        assertThat(authorize(elsewhere).statusCode()).as("a redirect URI under the console's").isEqualTo(400);

        Map<String, String> withoutPkce = new LinkedHashMap<>(valid);
        withoutPkce.remove("code_challenge");
        withoutPkce.remove("code_challenge_method");
        HttpResponse<String> refused = authorize(withoutPkce);
        // Keycloak sends the browser back to the console with the error, never to its login page
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).startsWith(console).contains("error=invalid_request");
    }

    @Test
    void shouldRefuseThePublishedAdministratorPasswordAndLockAGuesserOut() throws Exception {
        // the generated password first: a wrong guess right before it may hold the administrator back a
        // while (the master realm's brute-force detection counts a second attempt within a second as a guesser's)
        String admin = E2EPlatform.adminToken();
        HttpResponse<String> published = E2EPlatform.tokenRequest("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"));
        assertThat(published.statusCode()).as(published.body()).isIn(400, 401);
        assertThat(published.body()).contains("invalid_grant");

        // a user of our own, so no other test's user is locked
        String username = "e2e-guessed-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Guess-me-not-" + UUID.randomUUID().toString().substring(0, 8) + "A1";
        String user = """
                {"username": "%s", "enabled": true, "attributes": {"division": ["210422"]},
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}""".formatted(username, password);
        String issuer = E2EPlatform.platform().issuer();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(
                        issuer.replace("/realms/fushun", "/admin/realms/fushun/users")))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        Map<String, String> login = new LinkedHashMap<>(Map.of("grant_type", "password", "client_id", "fushun-local-cli",
                "client_secret", E2EPlatform.clientSecret("fushun-local-cli"), "username", username, "password", password));
        assertThat(E2EPlatform.tokenRequest("fushun", login).statusCode()).as("the right password, before any guess").isEqualTo(200);
        Map<String, String> guess = new LinkedHashMap<>(login);
        for (int i = 0; i < 5; i++) {
            guess.put("password", "Wrong-guess-" + i + "A");
            // 401 for a wrong password; 400 once Keycloak has locked the account (it does not say which)
            assertThat(E2EPlatform.tokenRequest("fushun", guess).statusCode()).isIn(400, 401);
        }
        HttpResponse<String> locked = E2EPlatform.tokenRequest("fushun", login);
        assertThat(locked.statusCode()).as("the right password after five wrong ones: " + locked.body()).isIn(400, 401);
    }

    @Test
    void shouldLetEachServiceIntoItsOwnDatabaseOnly() throws Exception {
        String url = "jdbc:postgresql://localhost:" + E2EPlatform.platform().ports().postgres() + "/";
        LocalSecrets secrets = E2EPlatform.platform().secrets();
        String monitoring = secrets.get(Postgres.passwordKey("monitoring"));
        try (Connection own = DriverManager.getConnection(url + "monitoring", "monitoring", monitoring)) {
            assertThat(own.isValid(5)).isTrue();
            try (var rs = own.createStatement().executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("a service's role is no superuser").isFalse();
            }
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url + "social_assistance", "monitoring", monitoring).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> DriverManager.getConnection(url + "monitoring", "monitoring", "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url + "postgres", "postgres", "postgres").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }
}
