package fushun.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fushun.platform.pii.SyntheticIdNumbers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static fushun.local.E2EPlatform.JSON;
import static fushun.local.E2EPlatform.call;
import static fushun.local.E2EPlatform.clientToken;
import static fushun.local.E2EPlatform.token;
import static fushun.local.E2EPlatform.userToken;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton, end to end, on the real platform: real Keycloak, a real Kafka broker,
 * real PostgreSQL, every service and the gateway as their own JVMs, started by the same launcher
 * as the README's run command (on shifted ports, in a fresh data directory).
 */
@ExtendWith(E2EPlatform.class)
class PlatformFlowE2EIT {

    @Test
    void shouldCarryHighSelfPayFromSettlementToCivilAffairsCaseAcrossTheBus() throws Exception {
        // a village cadre registers a household in 新宾县 (the registry is monitoring's)
        String cadre = userToken("xinbin-cadre");
        String idNumber = SyntheticIdNumbers.next(new Random(), "210422");
        HttpResponse<String> registered = call("POST", "/api/monitoring/households", cadre, """
                {"divisionCode":"210422100201","category":"OUT_OF_POVERTY",
                 "members":[{"name":"端到端户主","idNumber":"%s","relationship":"户主","labourCapacity":"PARTIAL"}]}
                """.formatted(idNumber));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String householdId = JSON.readTree(registered.body()).get("householdId").asString();

        // 1-2: the medical-insurance integration gets a token (client credentials) and posts settlements
        String integration = clientToken();
        String batch = """
                {"settlements":[{"settlementId":"E2E-%s","idNumber":"%s","insuredCounty":"210422",
                 "hospital":"抚顺市示例医院","settledOn":"%s","totalCost":9000.00,"policyRangeCost":9000.00,
                 "basicInsurancePaid":2000.00}]}""".formatted(UUID.randomUUID(), idNumber, LocalDate.now().withDayOfMonth(1));
        HttpResponse<String> settled = call("POST", "/api/medical-insurance/settlements", integration, batch);
        assertThat(settled.statusCode()).as(settled.body()).isEqualTo(200);
        assertThat(JSON.readTree(settled.body()).get("accepted").asInt()).isEqualTo(1);

        // 3-4: signal -> RiskAlertRaised -> social-assistance opens a case; the county operator reads it
        String xinbin = userToken("xinbin-operator");
        JsonNode caseSummary = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> caseOf(xinbin, householdId), c -> c != null);
        String caseId = caseSummary.get("caseId").asString();
        HttpResponse<String> detail = call("GET", "/api/social-assistance/cases/" + caseId, xinbin, null);
        assertThat(detail.statusCode()).isEqualTo(200);
        JsonNode detailJson = JSON.readTree(detail.body());
        assertThat(detailJson.get("riskTypes").get(0).asString()).isEqualTo("ILLNESS");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String withHousehold = call("GET", "/api/social-assistance/cases/" + caseId, xinbin, null).body();
            assertThat(JSON.readTree(withHousehold).at("/household/members/0/maskedIdNumber").asString())
                    .isEqualTo(idNumber.substring(0, 4) + "**********" + idNumber.substring(14));
            assertThat(withHousehold).doesNotContain(idNumber);
        });

        // 5: another county's operator, no token, a wrong role
        assertThat(call("GET", "/api/social-assistance/cases/" + caseId, userToken("qingyuan-operator"), null).statusCode())
                .isEqualTo(404);
        assertThat(call("GET", "/api/social-assistance/cases/" + caseId, null, null).statusCode()).isEqualTo(401);
        String analyst = userToken("city-analyst");
        assertThat(call("GET", "/api/social-assistance/cases/" + caseId, analyst, null).statusCode()).isEqualTo(403);
        // a real Keycloak token of the same user, issued to a client that is not the platform's
        // (no fushun-platform audience), is refused
        String otherAudience = token(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "xinbin-operator", "password", E2EPlatform.demoPassword()));
        assertThat(call("GET", "/api/social-assistance/cases/" + caseId, otherAudience, null).statusCode()).isEqualTo(401);

        // monitoring named the responsible bureaus; the services with an assignment answered it
        JsonNode alert = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode alerts = JSON.readTree(call("GET", "/api/monitoring/households/" + householdId + "/alerts", analyst, null).body());
            JsonNode first = alerts.get(0);
            // medical insurance acknowledges and at once tilts the household's cover (its measure)
            return first != null && statusOf(first, "CIVIL_AFFAIRS").equals("ACKNOWLEDGED")
                    && statusOf(first, "MEDICAL_INSURANCE").equals("MEASURE_APPLIED") ? first : null;
        }, a -> a != null);
        assertThat(statusOf(alert, "HEALTH")).isEqualTo("ASSIGNED");
        String alertId = alert.get("id").asString();

        // every bureau service received and recorded the alert
        for (String service : new String[] {"housing-safety", "employment", "asset-management"}) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    call("GET", "/api/" + service + "/alerts?namedOnly=false", analyst, null).body()).contains(alertId));
        }

        // the same batch again changes nothing: medical insurance stores and publishes nothing for a
        // duplicate (its answer says so, in the same transaction as it would have written the outbox),
        // so there is nothing to wait for; the queue still has one case
        JsonNode resent = JSON.readTree(call("POST", "/api/medical-insurance/settlements", integration, batch).body());
        assertThat(resent.get("duplicates").asInt()).isEqualTo(1);
        assertThat(resent.get("accepted").asInt()).isZero();
        JsonNode queue = JSON.readTree(call("GET", "/api/social-assistance/cases?size=100", xinbin, null).body());
        long casesForHousehold = 0;
        for (JsonNode item : queue.get("items")) {
            if (householdId.equals(item.get("householdId").asString())) {
                casesForHousehold++;
            }
        }
        assertThat(casesForHousehold).isEqualTo(1);

        // 6: the operator takes down a dibao application for the case, the township's reviewer reviews it and
        // the county's approver approves it (the operator may do neither); the grant is reported to monitoring
        // as the measure, and closing the case closes the assignment
        String personId = JSON.readTree(call("GET", "/api/social-assistance/cases/" + caseId, xinbin, null).body())
                .at("/household/members/0/personId").asString();
        HttpResponse<String> applied = call("POST", "/api/social-assistance/applications", xinbin, """
                {"householdId":"%s","caseId":"%s","programme":"DIBAO","coveredPersons":[],
                 "declaration":{"totalIncome":3000,"basicPension":1200,"illnessSpending":7000,
                                "schoolingSpending":0,"employmentCosts":0},
                 "members":[{"personId":"%s","capacity":"PARTIAL","ownYearlyIncome":1800,"underSixteen":false}]}
                """.formatted(householdId, caseId, personId));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        String applicationId = JSON.readTree(applied.body()).get("id").asString();
        String decision = "{\"approve\":true,\"reason\":\"入户核查：因病支出大，收入低于标准\"}";
        HttpResponse<String> byOperator = call("POST", "/api/social-assistance/applications/" + applicationId + "/decision",
                xinbin, decision);
        assertThat(byOperator.statusCode()).as(byOperator.body()).isEqualTo(403);
        assertThat(byOperator.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        HttpResponse<String> reviewed = call("POST", "/api/social-assistance/applications/" + applicationId + "/review",
                userToken("xinbin-ca-reviewer"), "{\"recommend\":true,\"opinion\":\"乡镇审核：入户核查属实\"}");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        HttpResponse<String> approved = call("POST", "/api/social-assistance/applications/" + applicationId + "/decision",
                userToken("xinbin-ca-approver"), decision);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(JSON.readTree(approved.body()).at("/determination/countedIncome").asDouble()).isEqualTo(0.0);
        assertThat(JSON.readTree(approved.body()).at("/submittedBy").asString()).isEqualTo("xinbin-operator");
        assertThat(JSON.readTree(approved.body()).at("/reviewedBy").asString()).isEqualTo("xinbin-ca-reviewer");
        assertThat(JSON.readTree(approved.body()).at("/decidedBy").asString()).isEqualTo("xinbin-ca-approver");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(statusOf(
                JSON.readTree(call("GET", "/api/monitoring/households/" + householdId + "/alerts", analyst, null).body()).get(0),
                "CIVIL_AFFAIRS")).isEqualTo("MEASURE_APPLIED"));
        HttpResponse<String> closed = call("POST", "/api/social-assistance/cases/" + caseId + "/close", xinbin,
                "{\"outcome\":\"已纳入农村低保\"}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(statusOf(
                JSON.readTree(call("GET", "/api/monitoring/households/" + householdId + "/alerts", analyst, null).body()).get(0),
                "CIVIL_AFFAIRS")).isEqualTo("CLOSED"));
    }

    private static String statusOf(JsonNode alert, String bureau) {
        for (JsonNode assignment : alert.get("assignments")) {
            if (bureau.equals(assignment.get("bureau").asString())) {
                return assignment.get("status").asString();
            }
        }
        return "MISSING";
    }

    private static JsonNode caseOf(String token, String householdId) throws Exception {
        HttpResponse<String> queue = call("GET", "/api/social-assistance/cases?status=OPEN&size=100", token, null);
        if (queue.statusCode() != 200) {
            return null;
        }
        for (JsonNode item : JSON.readTree(queue.body()).get("items")) {
            if (householdId.equals(item.get("householdId").asString())) {
                return item;
            }
        }
        return null;
    }
}
