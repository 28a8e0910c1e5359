package fushun.gateway;

import fushun.platform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway's own behaviour: tokens are checked before routing, and a service that does not
 * answer (here: nothing listens on its port) gives a 503 problem through the circuit breaker.
 * Routing to the real services is covered by the end-to-end test of the whole platform.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@org.springframework.context.annotation.Import(DeadBackends.Tokens.class)
class GatewayTest {

    @DynamicPropertySource
    static void deadBackends(DynamicPropertyRegistry registry) {
        DeadBackends.register(registry);
    }

    @Autowired WebTestClient client;
    @LocalManagementPort int managementPort;

    @Test
    void shouldAnswer401ProblemBeforeRoutingWhenNoToken() {
        client.get().uri("/api/social-assistance/cases").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("未登录或令牌无效");
    }

    @Test
    void shouldAnswer401WhenTokenFromAnotherIssuer() {
        client.get().uri("/api/social-assistance/cases")
                .header("Authorization", "Bearer " + TestTokens.foreignIssuer("x", "210422", "civil-affairs-operator"))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void shouldAnswer503ProblemWhenServiceDown() {
        client.get().uri("/api/social-assistance/cases")
                .header("Authorization", "Bearer " + TestTokens.user("xinbin-operator", "210422", "civil-affairs-operator"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.title").isEqualTo("服务暂不可用");
    }

    @Test
    void shouldServeNoActuatorEndpointOnItsOwnPort() {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/env", "/actuator",
                "/console/actuator/prometheus"}) {
            client.get().uri(path).exchange().expectStatus().isUnauthorized();
            client.get().uri(path)
                    .header("Authorization", "Bearer " + TestTokens.user("city-admin", "210400", "admin"))
                    .exchange().expectStatus().isForbidden();
        }
    }

    /**
     * Metrics, with the application's tag, and health in full on the management port only; requests
     * timed in the buckets the dashboard's 95th percentile reads.
     */
    @Test
    void shouldServeMetricsOnTheManagementPort() {
        client.get().uri("/api/social-assistance/cases").exchange().expectStatus().isUnauthorized();
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("application=\"gateway\"")
                        .containsPattern("(?m)^http_server_requests_seconds_bucket\\{.*le=\"0\\.25\"")
                        .containsPattern("(?m)^http_server_requests_seconds_bucket\\{.*le=\"5\\.0\""));
        management.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void shouldLeaveConsolePagesAndProbesOpen() {
        client.get().uri("/livez").exchange().expectStatus().isOk();
        client.get().uri("/readyz").exchange().expectStatus().isOk();
        client.get().uri("/").exchange().expectStatus().isEqualTo(503);
    }
}
