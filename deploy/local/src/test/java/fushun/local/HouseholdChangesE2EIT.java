package fushun.local;

import static fushun.local.E2EPlatform.JSON;
import static fushun.local.E2EPlatform.call;
import static fushun.local.E2EPlatform.userToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fushun.platform.pii.SyntheticIdNumbers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A live registry, end to end on the real platform: a member's death recorded by the village cadre
 * stops that member's dibao share from the next month and reaches both timelines; a household
 * moved to another county leaves the old county's queue (404) and enters the new one's.
 */
@ExtendWith(E2EPlatform.class)
class HouseholdChangesE2EIT {

    @Test
    void shouldStopADeadMembersDibaoShareAndHandAMovedHouseholdToTheNewCounty() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Random random = new Random();
        String cadre = userToken("xinbin-cadre");
        HttpResponse<String> registered = call("POST", "/api/monitoring/households", cadre, """
                {"divisionCode":"210422100201","category":"OUT_OF_POVERTY",
                 "members":[{"name":"变动户主","idNumber":"%s","relationship":"户主","labourCapacity":"PARTIAL"},
                            {"name":"变动配偶","idNumber":"%s","relationship":"配偶","labourCapacity":"NONE"}]}"""
                .formatted(SyntheticIdNumbers.next(random, "210422"), SyntheticIdNumbers.next(random, "210422")));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String householdId = JSON.readTree(registered.body()).get("householdId").asString();

        // the household asks for help (lack of labour): civil affairs opens a case and grants dibao to both
        // (submitted by the operator, reviewed by the township, approved by the county)
        HttpResponse<String> asked = call("POST", "/api/monitoring/households/" + householdId + "/applications", cadre,
                "{\"riskTypes\":[\"LACK_OF_LABOUR\"],\"description\":\"户主体弱，配偶无劳动能力\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        String xinbin = userToken("xinbin-operator");
        String caseId = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> caseOf(xinbin, householdId), c -> c != null);
        JsonNode members = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                JSON.readTree(call("GET", "/api/social-assistance/cases/" + caseId, xinbin, null).body()).at("/household/members"),
                m -> m.size() == 2);
        String head = personId(members, "户主");
        String spouse = personId(members, "配偶");
        HttpResponse<String> applied = call("POST", "/api/social-assistance/applications", xinbin, """
                {"householdId":"%s","caseId":"%s","programme":"DIBAO","coveredPersons":[],
                 "declaration":{"totalIncome":2400,"basicPension":0,"illnessSpending":0,"schoolingSpending":0,"employmentCosts":0},
                 "members":[{"personId":"%s","capacity":"PARTIAL","ownYearlyIncome":2400,"underSixteen":false},
                            {"personId":"%s","capacity":"NONE","ownYearlyIncome":0,"underSixteen":false}]}"""
                .formatted(householdId, caseId, head, spouse));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        String applicationId = JSON.readTree(applied.body()).get("id").asString();
        HttpResponse<String> reviewed = call("POST", "/api/social-assistance/applications/" + applicationId + "/review",
                userToken("xinbin-ca-reviewer"), "{\"recommend\":true,\"opinion\":\"乡镇审核：入户核查属实\"}");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        HttpResponse<String> approved = call("POST", "/api/social-assistance/applications/" + applicationId + "/decision",
                userToken("xinbin-ca-approver"), "{\"approve\":true,\"reason\":\"入户核查属实\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        String grantId = JSON.readTree(approved.body()).get("grantId").asString();
        double monthly = JSON.readTree(approved.body()).at("/determination/monthlyAmount").asDouble();

        // the cadre records the spouse's death today (monitoring's member id)
        String memberId = null;
        for (JsonNode m : JSON.readTree(call("GET", "/api/monitoring/households/" + householdId, cadre, null).body()).get("members")) {
            if ("配偶".equals(m.get("relationship").asString())) {
                memberId = m.get("id").asString();
            }
        }
        HttpResponse<String> death = call("POST", "/api/monitoring/households/" + householdId + "/changes", cadre, """
                {"kind":"MEMBER_LEFT","reason":"DEATH","effectiveOn":"%s","memberId":"%s"}""".formatted(today, memberId));
        assertThat(death.statusCode()).as(death.body()).isEqualTo(201);

        // civil affairs stops her share from next month and lists the grant for review
        JsonNode grant = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                JSON.readTree(call("GET", "/api/social-assistance/grants/" + grantId, xinbin, null).body()),
                g -> g.at("/grant/reviewReason").asString("").equals("MEMBER_LEFT"));
        JsonNode share = null;
        for (JsonNode covered : grant.get("covered")) {
            if (spouse.equals(covered.get("personId").asString())) {
                share = covered;
            }
        }
        assertThat(share).isNotNull();
        YearMonth first = YearMonth.from(today).plusMonths(1);
        assertThat(share.get("stopMonth").asString()).isEqualTo(first.toString());
        assertThat(share.get("share").asDouble()).isEqualTo(Math.round(monthly / 2 * 100) / 100.0);
        assertThat(grant.at("/grant/status").asString()).isEqualTo("ACTIVE");

        // both timelines show the change
        String analyst = userToken("city-analyst");
        assertThat(call("GET", "/api/monitoring/households/" + householdId + "/timeline", analyst, null).body())
                .contains("HOUSEHOLD_CHANGED").contains("死亡");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                call("GET", "/api/console/households/" + householdId + "/timeline", analyst, null).body())
                .contains("户情变动").contains("死亡"));

        // the household moves to 清原: 新宾's operator no longer finds the case, 清原's does
        HttpResponse<String> moved = call("POST", "/api/monitoring/households/" + householdId + "/changes", cadre, """
                {"kind":"DIVISION","reason":"RELOCATION","effectiveOn":"%s","divisionCode":"210423100201"}""".formatted(today));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(201);
        String qingyuan = userToken("qingyuan-operator");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> caseOf(qingyuan, householdId),
                c -> caseId.equals(c));
        assertThat(call("GET", "/api/social-assistance/cases/" + caseId, xinbin, null).statusCode()).isEqualTo(404);
        assertThat(caseOf(xinbin, householdId)).isNull();
        assertThat(call("GET", "/api/monitoring/households/" + householdId, userToken("xinbin-approver"), null).statusCode())
                .isEqualTo(404);
        assertThat(call("GET", "/api/monitoring/households/" + householdId, userToken("qingyuan-approver"), null).statusCode())
                .isEqualTo(200);
    }

    private static String personId(JsonNode members, String relationship) {
        for (JsonNode m : members) {
            if (relationship.equals(m.get("relationship").asString())) {
                return m.get("personId").asString();
            }
        }
        throw new AssertionError("no " + relationship);
    }

    private static String caseOf(String token, String householdId) throws Exception {
        HttpResponse<String> queue = call("GET", "/api/social-assistance/cases?size=100", token, null);
        if (queue.statusCode() != 200) {
            return null;
        }
        for (JsonNode item : JSON.readTree(queue.body()).get("items")) {
            if (householdId.equals(item.get("householdId").asString())) {
                return item.get("caseId").asString();
            }
        }
        return null;
    }
}
