package fushun.gateway;

import fushun.platform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Per-caller rate limits (429 with Retry-After) and body size limits (413), as problems, before any routing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.limits.per-second=0.01", "gateway.limits.burst=2",
        "gateway.limits.anonymous-per-second=0.01", "gateway.limits.anonymous-burst=2",
        "gateway.limits.max-body-bytes=1024"})
@AutoConfigureWebTestClient
@org.springframework.context.annotation.Import(DeadBackends.Tokens.class)
class LimitsTest {

    @DynamicPropertySource
    static void deadBackends(DynamicPropertyRegistry registry) {
        DeadBackends.register(registry);
    }

    @Autowired WebTestClient client;

    @Test
    void shouldAnswer429WithRetryAfterWhenAUserGoesOverTheLimitAndLeaveOtherUsersAlone() {
        String busy = "Bearer " + TestTokens.user("busy-operator", "210422", "civil-affairs-operator");
        for (int i = 0; i < 2; i++) {
            // within the burst: routed (the service is down here, hence 503)
            client.get().uri("/api/social-assistance/cases").header("Authorization", busy).exchange()
                    .expectStatus().isEqualTo(503);
        }
        client.get().uri("/api/social-assistance/cases").header("Authorization", busy).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("请求过于频繁");
        client.get().uri("/api/social-assistance/cases")
                .header("Authorization", "Bearer " + TestTokens.user("calm-operator", "210423", "civil-affairs-operator"))
                .exchange().expectStatus().isEqualTo(503);
        client.get().uri("/readyz").exchange().expectStatus().isOk();
    }

    @Test
    void shouldAnswer413BeforeReadingABodyOverTheLimit() {
        client.post().uri("/api/medical-insurance/settlements")
                .header("Authorization", "Bearer " + TestTokens.user("big-sender", "210400", "medical-insurance-integration"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("x".repeat(2048)).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("请求体过大");
    }
}
