package fushun.local;

import static fushun.local.E2EPlatform.JSON;
import static fushun.local.E2EPlatform.call;
import static fushun.local.E2EPlatform.userToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fushun.platform.pii.SyntheticIdNumbers;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The other bureaus on the real platform, through the gateway: an unsafe house and a lost job travel
 * from the bureau to monitoring as signals, come back as alerts that name the bureau, and the
 * bureau's renovation and hire close the loop in monitoring, each money step by a second person (a
 * renovation accepted by an inspector who neither appraised nor started it, a holder's attendance
 * recorded by an officer other than the hirer); a village's asset income reaches its monitored
 * households' timelines.
 */
@ExtendWith(E2EPlatform.class)
class BureausE2EIT {

    @Test
    void shouldCloseTheLoopForHousingEmploymentAndAssetIncome() throws Exception {
        String cadre = userToken("xinbin-cadre");
        String analyst = userToken("city-analyst");
        Random random = new Random();
        HttpResponse<String> registered = call("POST", "/api/monitoring/households", cadre, """
                {"divisionCode":"210422100201","category":"OUT_OF_POVERTY",
                 "members":[{"name":"端到端住建户主","idNumber":"%s","relationship":"户主","labourCapacity":"FULL"},
                            {"name":"端到端住建配偶","idNumber":"%s","relationship":"配偶","labourCapacity":"NONE"}]}
                """.formatted(SyntheticIdNumbers.next(random, "210422"), SyntheticIdNumbers.next(random, "210422")));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String householdId = JSON.readTree(registered.body()).get("householdId").asString();

        // housing: a D house, signalled; monitoring's alert names housing; the renovation answers it
        String housing = userToken("xinbin-housing");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                call("GET", "/api/housing-safety/households/" + householdId + "/appraisals", housing, null).statusCode() == 200);
        HttpResponse<String> appraised = call("POST", "/api/housing-safety/appraisals", housing, """
                {"householdId":"%s","grade":"D","inspector":"王示工","appraisedOn":"%s","findings":"墙体严重开裂，整体危险"}"""
                .formatted(householdId, LocalDate.now()));
        assertThat(appraised.statusCode()).as(appraised.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> assignmentStatus(analyst, householdId, "HOUSING"), s -> !s.equals("MISSING"));
        String renovationId = null;
        JsonNode planned = JSON.readTree(call("GET", "/api/housing-safety/renovations?status=PLANNED&size=500", housing, null).body());
        assertThat(planned.get("total").asLong()).isEqualTo(planned.get("items").size());
        for (JsonNode r : planned.get("items")) {
            if (householdId.equals(r.get("householdId").asString())) {
                renovationId = r.get("id").asString();
            }
        }
        assertThat(renovationId).as("a rebuild planned for the D house").isNotNull();
        String renovation = renovationId;
        // the alert may still be on its way to housing-safety: the start is the measure once it is linked
        assertThat(call("POST", "/api/housing-safety/renovations/" + renovation + "/start", housing,
                "{\"startedOn\":\"" + LocalDate.now() + "\"}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(
                () -> assignmentStatus(analyst, householdId, "HOUSING"), s -> s.equals("MEASURE_APPLIED"));
        // four eyes: who appraised the house and started the work does not accept it; a second inspector does
        String completion = "{\"completedOn\":\"" + LocalDate.now() + "\",\"inspector\":\"李示工\",\"grade\":\"A\"}";
        HttpResponse<String> ownAcceptance = call("POST", "/api/housing-safety/renovations/" + renovation + "/complete",
                housing, completion);
        assertThat(ownAcceptance.statusCode()).as(ownAcceptance.body()).isEqualTo(403);
        assertThat(ownAcceptance.body()).contains("该户住房由您本人鉴定，您不能再竣工验收");
        HttpResponse<String> accepted = call("POST", "/api/housing-safety/renovations/" + renovation + "/complete",
                userToken("xinbin-housing-acceptor"), completion);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(JSON.readTree(accepted.body()).get("completedBy").asString()).isEqualTo("xinbin-housing-acceptor");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(
                () -> assignmentStatus(analyst, householdId, "HOUSING"), s -> s.equals("CLOSED"));

        // employment: the head loses the job; monitoring's alert names HR; a public-welfare post answers it
        String hr = userToken("xinbin-hr");
        String worker = null;
        for (JsonNode person : JSON.readTree(call("GET", "/api/employment/households/" + householdId + "/people", hr, null).body())) {
            if ("FULL".equals(person.get("labourCapacity").asString())) {
                worker = person.get("personId").asString();
            }
        }
        assertThat(worker).isNotNull();
        assertThat(call("PUT", "/api/employment/people/" + worker + "/employment-status", hr,
                "{\"status\":\"LOST_JOB\",\"since\":\"" + LocalDate.now() + "\"}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(
                () -> assignmentStatus(analyst, householdId, "HUMAN_RESOURCES"), s -> s.equals("ACKNOWLEDGED"));
        String post = null;
        BigDecimal monthlySubsidy = null;
        for (JsonNode p : JSON.readTree(call("GET", "/api/employment/posts?size=500", hr, null).body()).get("items")) {
            if (p.get("holders").asInt() < p.get("seats").asInt()) {
                post = p.get("id").asString();
                monthlySubsidy = p.get("monthlySubsidy").decimalValue();
            }
        }
        assertThat(post).as("a demo post with a free seat").isNotNull();
        HttpResponse<String> hired = call("POST", "/api/employment/posts/" + post + "/hires", hr,
                "{\"personId\":\"" + worker + "\",\"hiredOn\":\"" + LocalDate.now() + "\"}");
        assertThat(hired.statusCode()).as(hired.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(
                () -> assignmentStatus(analyst, householdId, "HUMAN_RESOURCES"), s -> s.equals("MEASURE_APPLIED"));
        // four eyes: the hirer does not record the attendance that pays the holder; a second officer does
        String holding = "/api/employment/holdings/" + JSON.readTree(hired.body()).get("id").asString() + "/attendance";
        String month = "{\"month\":\"" + YearMonth.now() + "\",\"daysWorked\":22}";
        HttpResponse<String> ownAttendance = call("POST", holding, hr, month);
        assertThat(ownAttendance.statusCode()).as(ownAttendance.body()).isEqualTo(403);
        assertThat(ownAttendance.body()).contains("该岗位人员由您本人聘用，您不能再登记考勤");
        HttpResponse<String> attended = call("POST", holding, userToken("xinbin-hr-payroll"), month);
        assertThat(attended.statusCode()).as(attended.body()).isEqualTo(200);
        assertThat(JSON.readTree(attended.body()).get("subsidy").decimalValue())
                .isEqualByComparingTo(monthlySubsidy);

        // assets: last year's income of the demo village, every monitored household served, on their timelines
        String assets = userToken("xinbin-assets-village");
        List<String> monitored = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            monitored.clear();
            for (JsonNode h : JSON.readTree(call("GET", "/api/asset-management/villages/210422100201/households?size=500",
                    assets, null).body()).get("items")) {
                if (h.get("monitored").asBoolean()) {
                    monitored.add(h.get("householdId").asString());
                }
            }
            assertThat(monitored).isNotEmpty();
        });
        StringBuilder lines = new StringBuilder();
        for (String h : monitored) {
            lines.append("{\"purpose\":\"MONITORED_HOUSEHOLD\",\"householdId\":\"").append(h).append("\",\"amount\":1000},");
        }
        lines.append("{\"purpose\":\"MAINTENANCE\",\"amount\":").append(36000 - 1000 * monitored.size()).append("}");
        // the demo year confirmed last year's plan of the demo village (once per village and year): this
        // test records the photovoltaic station's income of the year before and confirms that year's plan
        int yearBefore = LocalDate.now().getYear() - 2;
        String station = null;
        for (JsonNode asset : JSON.readTree(call("GET", "/api/asset-management/assets?size=100", assets, null).body()).get("items")) {
            if ("OPERATING".equals(asset.get("assetType").asString()) && "210422100201".equals(asset.get("divisionCode").asString())) {
                station = asset.get("id").asString();
            }
        }
        assertThat(station).as("the demo village's operating asset").isNotNull();
        HttpResponse<String> recorded = call("PUT", "/api/asset-management/assets/" + station + "/income/" + yearBefore, assets,
                "{\"amount\":36000.00}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        HttpResponse<String> plan = call("PUT", "/api/asset-management/villages/210422100201/plans/" + yearBefore, assets,
                "{\"lines\":[" + lines + "]}");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                call("GET", "/api/monitoring/households/" + monitored.get(0) + "/timeline", analyst, null).body())
                .contains(yearBefore + " 年扶贫资产收益分配 1000.00 元"));
    }

    /**
     * Issue 18: a severely disabled person on 残联's register goes on employment's pension-premium roster
     * (premiums paid on behalf, 重度残疾人), through monitoring's import and its DisabilityRegistered.
     */
    @Test
    void shouldPutASeverelyDisabledPersonFromTheFederationsRegisterOnThePensionRoster() throws Exception {
        Random random = new Random();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String disabled = SyntheticIdNumbers.next(random, "210422", today.minusYears(38).minusDays(random.nextInt(300)));
        HttpResponse<String> registered = call("POST", "/api/monitoring/households", userToken("xinbin-cadre"), """
                {"divisionCode":"210422100201","category":"ORDINARY",
                 "members":[{"name":"残联登记户主","idNumber":"%s","relationship":"户主","labourCapacity":"NONE"}]}"""
                .formatted(disabled));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String householdId = JSON.readTree(registered.body()).get("householdId").asString();
        String hr = userToken("xinbin-hr");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                call("GET", "/api/employment/households/" + householdId + "/people", hr, null).body().contains("personId"));

        HttpResponse<String> uploaded = E2EPlatform.upload("/api/monitoring/department-feeds/DISABLED_PERSONS_REGISTER",
                userToken("xinbin-disabled"), "身份证号,残疾等级\n" + disabled + ",一级\n", today.toString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> bases = new ArrayList<>();
            for (int page = 0; ; page++) {
                JsonNode roster = JSON.readTree(call("GET", "/api/employment/pension-premiums?county=210422&year=" + today.getYear()
                        + "&size=500&page=" + page, hr, null).body());
                for (JsonNode entry : roster.get("items")) {
                    if (householdId.equals(entry.get("householdId").asString())) {
                        bases.add(entry.get("basis").asString());
                    }
                }
                if ((page + 1) * 500L >= roster.get("total").asLong()) {
                    break;
                }
            }
            assertThat(bases).containsExactly("重度残疾人");
        });
    }

    private static String assignmentStatus(String token, String householdId, String bureau) throws Exception {
        JsonNode alerts = JSON.readTree(call("GET", "/api/monitoring/households/" + householdId + "/alerts", token, null).body());
        for (JsonNode alert : alerts) {
            for (JsonNode assignment : alert.get("assignments")) {
                if (bureau.equals(assignment.get("bureau").asString())) {
                    return assignment.get("status").asString();
                }
            }
        }
        return "MISSING";
    }
}
