package fushun.local;

import static fushun.local.E2EPlatform.JSON;
import static fushun.local.E2EPlatform.call;
import static fushun.local.E2EPlatform.userToken;
import static org.assertj.core.api.Assertions.assertThat;

import fushun.platform.pii.SyntheticIdNumbers;
import java.net.http.HttpResponse;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The village → township → county procedures through the gateway with the real roles: the
 * identification with its public notice (the village's approval posts it; the township waits for it
 * to end unless the green channel applies and nobody objected; the county names the category), and
 * the year's re-check of a monitored household.
 */
@ExtendWith(E2EPlatform.class)
class ProceduresE2EIT {

    @Test
    void shouldPostTheNoticeAtTheVillageStepAndHoldTheTownshipUntilItEndsOutsideTheGreenChannel() throws Exception {
        String cadre = userToken("xinbin-cadre");
        String township = userToken("xinbin-township");
        String county = userToken("xinbin-approver");
        Random random = new Random();

        // an illness (no green channel): the township must wait for the notice
        String ill = ordinaryHousehold(cadre, SyntheticIdNumbers.next(random, "210422"));
        String illProcedure = clue(cadre, ill, "ILLNESS", "户主住院");
        assertThat(decide(illProcedure, cadre, "APPROVE", null).statusCode()).isEqualTo(200);
        HttpResponse<String> early = decide(illProcedure, township, "APPROVE", null);
        assertThat(early.statusCode()).as(early.body()).isEqualTo(422);
        assertThat(JSON.readTree(early.body()).get("title").asString()).isEqualTo("公示期未满");

        // a disaster (green channel), no objection: the township and the county decide at once
        String idNumber = SyntheticIdNumbers.next(random, "210422");
        String flooded = ordinaryHousehold(cadre, idNumber);
        String procedure = clue(cadre, flooded, "DISASTER", "房屋被洪水冲毁");
        assertThat(decide(procedure, cadre, "APPROVE", null).statusCode()).isEqualTo(200);
        JsonNode notices = JSON.readTree(call("GET", "/api/monitoring/public-notices?division=210422100201&running=true",
                cadre, null).body());
        JsonNode notice = null;
        for (JsonNode n : notices.get("items")) {
            if (procedure.equals(n.get("identificationId").asString())) {
                notice = n;
            }
        }
        assertThat(notice).as(notices.toString()).isNotNull();
        assertThat(notice.get("maskedName").asString()).isEqualTo("公*户");
        assertThat(notices.toString()).doesNotContain(idNumber).doesNotContain("DISASTER");
        HttpResponse<String> board = call("GET", "/api/monitoring/public-notices/board.xlsx?village=210422100201", cadre, null);
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(call("GET", "/api/monitoring/public-notices/" + notice.get("id").asString(), userToken("qingyuan-approver"),
                null).statusCode()).isEqualTo(404);

        HttpResponse<String> reviewed = decide(procedure, township, "APPROVE", null);
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        HttpResponse<String> wrongCategory = decide(procedure, county, "APPROVE", "UNSTABLE_OUT_OF_POVERTY");
        assertThat(wrongCategory.statusCode()).isEqualTo(422);
        HttpResponse<String> confirmed = decide(procedure, county, "APPROVE", "SUDDEN_SEVERE_DIFFICULTY");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(JSON.readTree(confirmed.body()).get("stage").asString()).isEqualTo("CONFIRMED");
        assertThat(JSON.readTree(call("GET", "/api/monitoring/households/" + flooded, county, null).body())
                .get("category").asString()).isEqualTo("SUDDEN_SEVERE_DIFFICULTY");
        assertThat(call("GET", "/api/monitoring/households/" + flooded + "/timeline", county, null).body())
                .contains("PUBLIC_NOTICE");
    }

    @Test
    void shouldRecheckAMonitoredHouseholdThroughVillageTownshipAndCounty() throws Exception {
        String cadre = userToken("xinbin-cadre");
        String township = userToken("xinbin-township");
        String county = userToken("xinbin-approver");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        HttpResponse<String> registered = call("POST", "/api/monitoring/households", cadre, """
                {"divisionCode":"210422100201","category":"MARGINAL",
                 "members":[{"name":"复核户主","idNumber":"%s","relationship":"户主","labourCapacity":"FULL"}]}"""
                .formatted(SyntheticIdNumbers.next(new Random(), "210422")));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String household = JSON.readTree(registered.body()).get("householdId").asString();

        assertThat(call("POST", "/api/monitoring/rechecks", cadre,
                "{\"year\":" + today.getYear() + ",\"dueDate\":\"" + today.plusDays(10) + "\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> opened = call("POST", "/api/monitoring/rechecks", county,
                "{\"year\":" + today.getYear() + ",\"dueDate\":\"" + today.plusDays(10) + "\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String recheck = JSON.readTree(opened.body()).get("id").asString();

        String task = null;
        for (JsonNode t : JSON.readTree(call("GET", "/api/monitoring/rechecks/" + recheck + "/tasks?size=200", cadre, null)
                .body()).get("items")) {
            if (household.equals(t.get("householdId").asString())) {
                task = t.get("id").asString();
            }
        }
        assertThat(task).isNotNull();
        assertThat(call("GET", "/api/monitoring/recheck-tasks/" + task, userToken("qingyuan-approver"), null).statusCode())
                .isEqualTo(404);
        HttpResponse<String> early = call("POST", "/api/monitoring/recheck-tasks/" + task + "/review", township,
                "{\"approve\":true,\"reason\":\"未走访先审核\"}");
        assertThat(early.statusCode()).as(early.body()).isEqualTo(422);
        HttpResponse<String> visited = call("POST", "/api/monitoring/recheck-tasks/" + task + "/visit", cadre, """
                {"visitedOn":"%s","perCapitaIncome":5200.00,"outcome":"STILL_AT_RISK","note":"收入仍低于监测线"}"""
                .formatted(today));
        assertThat(visited.statusCode()).as(visited.body()).isEqualTo(200);
        assertThat(call("POST", "/api/monitoring/recheck-tasks/" + task + "/review", township,
                "{\"approve\":true,\"reason\":\"同意\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> confirmed = call("POST", "/api/monitoring/recheck-tasks/" + task + "/confirmation", county,
                "{\"approve\":true,\"reason\":\"继续监测\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(JSON.readTree(confirmed.body()).get("status").asString()).isEqualTo("CONFIRMED");

        JsonNode progress = JSON.readTree(call("GET", "/api/monitoring/rechecks/" + recheck + "/progress?level=village", county,
                null).body());
        boolean counted = false;
        for (JsonNode village : progress.get("items")) {
            counted |= village.toString().contains("210422100201") && village.get("confirmed").asInt() >= 1;
        }
        assertThat(counted).as(progress.toString()).isTrue();
        assertThat(call("GET", "/api/monitoring/households/" + household + "/timeline", county, null).body()).contains("RECHECK");
    }

    private static String ordinaryHousehold(String cadre, String idNumber) throws Exception {
        HttpResponse<String> registered = call("POST", "/api/monitoring/households", cadre, """
                {"divisionCode":"210422100201","category":"ORDINARY",
                 "members":[{"name":"公示户","idNumber":"%s","relationship":"户主","labourCapacity":"FULL"}]}"""
                .formatted(idNumber));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return JSON.readTree(registered.body()).get("householdId").asString();
    }

    /** A household's own application; returns the identification procedure it opened. */
    private static String clue(String cadre, String household, String risk, String description) throws Exception {
        HttpResponse<String> applied = call("POST", "/api/monitoring/households/" + household + "/applications", cadre,
                "{\"riskTypes\":[\"" + risk + "\"],\"description\":\"" + description + "\"}");
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        // oldest clue first, paged: the new one is on the last page
        for (int page = 0; ; page++) {
            JsonNode open = JSON.readTree(call("GET", "/api/monitoring/identifications?size=200&page=" + page, cadre, null).body());
            for (JsonNode procedure : open.get("items")) {
                if (household.equals(procedure.get("householdId").asString())) {
                    return procedure.get("id").asString();
                }
            }
            if ((page + 1) * 200L >= open.get("total").asLong()) {
                throw new AssertionError("no procedure for " + household + " among " + open.get("total") + " open");
            }
        }
    }

    private static HttpResponse<String> decide(String procedure, String token, String decision, String category)
            throws Exception {
        return call("POST", "/api/monitoring/identifications/" + procedure + "/decisions", token,
                "{\"decision\":\"" + decision + "\",\"reason\":\"端到端测试\""
                        + (category == null ? "" : ",\"category\":\"" + category + "\"") + "}");
    }
}
