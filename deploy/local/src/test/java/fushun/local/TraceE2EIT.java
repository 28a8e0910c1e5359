package fushun.local;

import static fushun.local.E2EPlatform.JSON;
import static fushun.local.E2EPlatform.call;
import static fushun.local.E2EPlatform.clientToken;
import static fushun.local.E2EPlatform.userToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fushun.platform.pii.SyntheticIdNumbers;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One trace from a settlement posted through the gateway to the civil-affairs case it leads to: the
 * trace id the caller sends is in the access log of the gateway and in the log lines of medical
 * insurance (the signal), monitoring (the alert) and social assistance (the alert received and
 * acknowledged), carried across both Kafka hops in the records' headers.
 */
@ExtendWith(E2EPlatform.class)
class TraceE2EIT {

    @Test
    void shouldFollowOneTraceFromASettlementToTheCaseInTheLogsOfEveryServiceOnTheWay() throws Exception {
        Random random = new Random();
        String idNumber = SyntheticIdNumbers.next(random, "210422");
        HttpResponse<String> registered = call("POST", "/api/monitoring/households", userToken("xinbin-cadre"), """
                {"divisionCode":"210422100201","category":"OUT_OF_POVERTY",
                 "members":[{"name":"追踪户主","idNumber":"%s","relationship":"户主","labourCapacity":"PARTIAL"}]}
                """.formatted(idNumber));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String householdId = JSON.readTree(registered.body()).get("householdId").asString();
        // medical insurance knows the household first, so the settlement itself raises the signal (in
        // the request's trace; a settlement that comes first is counted in the registration's)
        String analyst = userToken("city-analyst");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> call("GET",
                "/api/medical-insurance/households/" + householdId + "/year-to-date?year=" + LocalDate.now().getYear(),
                analyst, null).statusCode() == 200);

        byte[] id = new byte[16];
        random.nextBytes(id);
        String traceId = HexFormat.of().formatHex(id);
        String batch = """
                {"settlements":[{"settlementId":"TRACE-%s","idNumber":"%s","insuredCounty":"210422",
                 "hospital":"抚顺市示例医院","settledOn":"%s","totalCost":9000.00,"policyRangeCost":9000.00,
                 "basicInsurancePaid":2000.00}]}""".formatted(UUID.randomUUID(), idNumber, LocalDate.now().withDayOfMonth(1));
        HttpResponse<String> settled = call("POST", "/api/medical-insurance/settlements", clientToken(), batch,
                Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        assertThat(settled.statusCode()).as(settled.body()).isEqualTo(200);

        // the case opened by civil affairs, at the end of the chain
        String operator = userToken("xinbin-operator");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> call("GET",
                "/api/social-assistance/cases?size=100", operator, null).body().contains(householdId));

        for (String process : List.of("gateway", "medical-insurance", "monitoring", "social-assistance")) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(linesWith(process, traceId)).as(process + "'s log lines in trace " + traceId)
                            .isNotEmpty());
        }
        assertThat(linesWith("medical-insurance", traceId)).anyMatch(line -> line.contains("Self-pay risk signal"));
        assertThat(linesWith("monitoring", traceId)).anyMatch(line -> line.contains("raised for household " + householdId));
        assertThat(linesWith("social-assistance", traceId))
                .anyMatch(line -> line.contains("for household " + householdId + " received and acknowledged"));
        // and never the ID number the settlement carried
        for (String process : List.of("gateway", "medical-insurance", "monitoring", "social-assistance")) {
            assertThat(Files.readString(E2EPlatform.platform().logOf(process), StandardCharsets.UTF_8))
                    .as(process + "'s log").doesNotContain(idNumber);
        }
    }

    private static List<String> linesWith(String process, String traceId) throws IOException {
        try (var lines = Files.lines(E2EPlatform.platform().logOf(process), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(traceId)).toList();
        }
    }
}
