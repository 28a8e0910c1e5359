package fushun.medicalinsurance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import fushun.medicalinsurance.provincial.ProvincialPull;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.testsupport.ServiceIntegrationTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pull from the provincial platform, with WireMock standing for the platform (a system outside
 * this one): pages and cursors, duplicates, bad rows, and faults (500s, slow answers, connection
 * resets, malformed bodies) with retries, the breaker opening and closing again, and no settlement
 * lost or counted twice. Time limit 2 s, 3 attempts, the breaker opens at half of 4 calls failed
 * and tries again after 1 s. Its own context (closed afterwards), as it points at the stub.
 */
@ServiceIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProvincialPullIT {

    static final WireMockServer PLATFORM = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        PLATFORM.start();
    }

    @DynamicPropertySource
    static void provincialPlatform(DynamicPropertyRegistry registry) {
        registry.add("medical-insurance.provincial.base-url", PLATFORM::baseUrl);
        registry.add("medical-insurance.provincial.api-key", () -> "test-key");
        registry.add("medical-insurance.provincial.timeout", () -> "PT2S");
        registry.add("medical-insurance.provincial.retry-wait", () -> "PT0.05S");
        registry.add("medical-insurance.provincial.breaker-min-calls", () -> "4");
        registry.add("medical-insurance.provincial.breaker-open-for", () -> "PT1S");
    }

    @AfterAll
    static void stopPlatform() {
        PLATFORM.stop();
    }

    @Autowired ProvincialPull pull;
    @Autowired JdbcClient jdbc;

    private final Random random = new Random();

    @BeforeEach
    void freshStubsAndClosedBreaker() {
        PLATFORM.resetAll();
        pull.breaker().reset();
    }

    @Test
    void shouldPullEveryPageOnceKeepBadRowsAsideAndCountAResentPageOnce() {
        String a = settlement("P1-A", "210404"), b = settlement("P1-B", "210404"), c = settlement("P1-C", "210404");
        String bad = "{\"settlementId\":\"P1-BAD\",\"idNumber\":\"123\",\"hospital\":\"抚顺市示例医院\","
                + "\"settledOn\":\"2026-06-02\",\"totalCost\":100,\"policyRangeCost\":100,\"basicInsurancePaid\":0}";
        String badDate = settlement("P1-DATE", "210404").replace("2026-06-02", "2026-06-31");
        PLATFORM.stubFor(get(urlPathEqualTo("/api/v1/settlements")).withQueryParam("county", equalTo("210404"))
                .withQueryParam("after", absent()).withHeader("X-Api-Key", equalTo("test-key"))
                .willReturn(okJson(page("c1", true, a, b))));
        PLATFORM.stubFor(get(urlPathEqualTo("/api/v1/settlements")).withQueryParam("after", equalTo("c1"))
                .willReturn(okJson(page("c2", false, c, bad, badDate))));

        ProvincialPull.PullResult first = pull.pull("210404");

        assertThat(first.failed()).isFalse();
        assertThat(first.pages()).isEqualTo(2);
        assertThat(first.accepted()).isEqualTo(3);
        assertThat(first.rejected()).isEqualTo(2);
        assertThat(stored("P1-")).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from settlement where settlement_id like 'P1-%' and source = 'PROVINCIAL'")
                .query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select problems from provincial_rejected where settlement_id = 'P1-BAD'")
                .query(String.class).single()).startsWith("idNumber: 身份证号无效");
        assertThat(jdbc.sql("select problems from provincial_rejected where settlement_id = 'P1-DATE'")
                .query(String.class).single()).startsWith("settledOn: ");
        assertThat(cursor("210404")).isEqualTo("c2");

        // the platform sends the last page again under the next cursor: nothing counted twice
        PLATFORM.stubFor(get(urlPathEqualTo("/api/v1/settlements")).withQueryParam("after", equalTo("c2"))
                .willReturn(okJson(page("c3", false, c))));
        ProvincialPull.PullResult again = pull.pull("210404");
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(stored("P1-")).isEqualTo(3);
        assertThat(cursor("210404")).isEqualTo("c3");
    }

    @Test
    void shouldResumeFromTheLastCommittedPageWhenAPullFailsHalfway() {
        String a = settlement("P4-A", "210411"), b = settlement("P4-B", "210411");
        PLATFORM.stubFor(get(urlPathEqualTo("/api/v1/settlements")).withQueryParam("after", absent())
                .willReturn(okJson(page("f1", true, a))));
        PLATFORM.stubFor(get(urlPathEqualTo("/api/v1/settlements")).withQueryParam("after", equalTo("f1"))
                .willReturn(aResponse().withStatus(502)));

        ProvincialPull.PullResult broken = pull.pull("210411");

        assertThat(broken.failed()).isTrue();
        assertThat(broken.pages()).isEqualTo(1);
        // the last attempt either got the 502 or found the breaker already open after the failures
        assertThat(broken.error()).isIn("BadGateway HTTP 502", "CallNotPermittedException");
        PLATFORM.verify(com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly(2),
                getRequestedFor(urlPathEqualTo("/api/v1/settlements")).withQueryParam("after", equalTo("f1")));
        assertThat(stored("P4-")).isEqualTo(1);
        assertThat(cursor("210411")).isEqualTo("f1");

        // three failures in four calls opened the breaker; the next run after its open period resumes at f1
        assertThat(pull.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int firstPageCalls = PLATFORM.findAll(getRequestedFor(urlPathEqualTo("/api/v1/settlements"))
                .withQueryParam("after", absent())).size();
        PLATFORM.stubFor(get(urlPathEqualTo("/api/v1/settlements")).withQueryParam("after", equalTo("f1"))
                .willReturn(okJson(page("f2", false, b))));
        ProvincialPull.PullResult resumed = await().pollDelay(Duration.ofMillis(1100)).atMost(Duration.ofSeconds(10))
                .until(() -> pull.pull("210411"), r -> !r.failed());
        assertThat(resumed.accepted()).isEqualTo(1);
        // the first page was never asked for again: the pull resumed, it did not start over
        PLATFORM.verify(firstPageCalls, getRequestedFor(urlPathEqualTo("/api/v1/settlements")).withQueryParam("after", absent()));
        assertThat(stored("P4-")).isEqualTo(2);
        assertThat(cursor("210411")).isEqualTo("f2");
    }

    @Test
    void shouldRetryServerErrorsWithBackoffAndGetThePage() {
        String a = settlement("P2-A", "210402");
        PLATFORM.stubFor(get(urlPathEqualTo("/api/v1/settlements")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":\"busy\"}")).willSetStateTo("second"));
        PLATFORM.stubFor(get(urlPathEqualTo("/api/v1/settlements")).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("third"));
        PLATFORM.stubFor(get(urlPathEqualTo("/api/v1/settlements")).inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(okJson(page("d1", false, a))));

        ProvincialPull.PullResult result = pull.pull("210402");

        assertThat(result.failed()).isFalse();
        assertThat(result.accepted()).isEqualTo(1);
        PLATFORM.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/settlements")));
        assertThat(stored("P2-")).isEqualTo(1);
    }

    @Test
    void shouldOpenTheBreakerOnFaultsLoseNothingAndRecover() {
        String a = settlement("P3-A", "210403"), b = settlement("P3-B", "210403");
        // slow answers (beyond the 2 s limit), connection resets, garbage: every attempt fails
        PLATFORM.stubFor(get(urlPathEqualTo("/api/v1/settlements")).inScenario("faults").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(page("e1", false, a, b)).withFixedDelay(4000)).willSetStateTo("reset"));
        PLATFORM.stubFor(get(urlPathEqualTo("/api/v1/settlements")).inScenario("faults").whenScenarioStateIs("reset")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("garbage"));
        PLATFORM.stubFor(get(urlPathEqualTo("/api/v1/settlements")).inScenario("faults").whenScenarioStateIs("garbage")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"settlements\":[{\"settlementId\":")).willSetStateTo("chunk"));
        PLATFORM.stubFor(get(urlPathEqualTo("/api/v1/settlements")).inScenario("faults").whenScenarioStateIs("chunk")
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)).willSetStateTo("chunk"));

        ProvincialPull.PullResult first = pull.pull("210403");
        ProvincialPull.PullResult second = pull.pull("210403");

        assertThat(first.failed()).isTrue();
        assertThat(second.failed()).isTrue();
        assertThat(pull.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int callsSoFar = PLATFORM.getAllServeEvents().size();
        assertThat(callsSoFar).isBetween(4, 6);

        // open: the platform is not called at all, nothing stored, the cursor stays
        ProvincialPull.PullResult refused = pull.pull("210403");
        assertThat(refused.failed()).isTrue();
        assertThat(refused.error()).isEqualTo("CallNotPermittedException");
        assertThat(PLATFORM.getAllServeEvents()).hasSize(callsSoFar);
        assertThat(stored("P3-")).isZero();
        assertThat(cursor("210403")).isNull();
        assertThat(pull.status().counties()).anySatisfy(s -> {
            assertThat(s.county()).isEqualTo("210403");
            assertThat(s.lastError()).isEqualTo("CallNotPermittedException");
        });

        // the platform is healthy again; after the open period a trial call closes the breaker
        PLATFORM.resetAll();
        PLATFORM.stubFor(get(urlPathEqualTo("/api/v1/settlements")).willReturn(okJson(page("e1", false, a, b))));
        await().pollDelay(Duration.ofMillis(1100)).atMost(Duration.ofSeconds(10)).until(() -> !pull.pull("210403").failed());
        assertThat(pull.breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(stored("P3-")).isEqualTo(2);
        assertThat(cursor("210403")).isEqualTo("e1");
        assertThat(pull.pull("210403").accepted()).isZero();
        assertThat(stored("P3-")).isEqualTo(2);
    }

    private String settlement(String id, String county) {
        return """
                {"settlementId":"%s","idNumber":"%s","hospital":"抚顺市示例医院","settledOn":"2026-06-02",
                 "totalCost":1200.00,"policyRangeCost":1000.00,"basicInsurancePaid":600.00}"""
                .formatted(id, SyntheticIdNumbers.next(random, county));
    }

    private static String page(String next, boolean more, String... rows) {
        return "{\"settlements\":[" + String.join(",", rows) + "],\"nextCursor\":\"" + next + "\",\"hasMore\":" + more + "}";
    }

    private long stored(String prefix) {
        return jdbc.sql("select count(*) from settlement where settlement_id like :p").param("p", prefix + "%")
                .query(Long.class).single();
    }

    private String cursor(String county) {
        return jdbc.sql("select cursor_value from provincial_cursor where county_code = :c").param("c", county)
                .query((rs, n) -> rs.getString(1)).list().get(0);
    }
}
