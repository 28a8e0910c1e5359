package fushun.housingsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fushun.contracts.Bureau;
import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.CaseClosed;
import fushun.contracts.bureau.MeasureApplied;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.contracts.feed.FeedDeadlineMissed;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.platform.feed.FeedCompleteness;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.MovableClock;
import fushun.platform.testsupport.HouseholdChanges;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** From an unsafe-housing alert to appraisal, signal, renovation and the closed assignment; real broker and PostgreSQL. */
@ServiceIntegrationTest
class AppraisalIT {

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactionTemplate;
    @Autowired io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired MovableClock clock;
    @Autowired FeedCompleteness feeds;

    private double signalsCounted() {
        var counter = meters.find(fushun.platform.metrics.SignalMetrics.PUBLISHED)
                .tags("bureau", "HOUSING", "risk_type", "UNSAFE_HOUSING").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void shouldAppraiseRebuildAndCloseTheAssignmentForALowIncomeHousehold() throws Exception {
        String inspector = token("210422");
        String acceptor = inspector("acceptor-210422", "210422");
        UUID householdId = register("210422100201", HouseholdCategory.OUT_OF_POVERTY);
        UUID assignmentId = UUID.randomUUID();
        RiskAlertRaised alert = new RiskAlertRaised(UUID.randomUUID(), householdId, "210422100201",
                List.of(RiskType.UNSAFE_HOUSING), "住房出现安全问题", Instant.now(),
                List.of(new RiskAlertRaised.Assignment(assignmentId, Bureau.HOUSING, LocalDate.now().plusDays(15))));
        bus.publish(Topics.MONITORING_RISK_ALERT, EventEnvelope.of("monitoring", householdId.toString(), "210422100201", alert));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                mvc.perform(get("/api/housing-safety/appraisal-tasks?status=OPEN").header("Authorization", inspector))
                        .andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')].dueDate")
                                .value(LocalDate.now().plusDays(15).toString())));

        appraise(inspector, householdId, "D").andExpect(status().isCreated());

        RiskSignalObserved signal = bus.awaitEvent(Topics.HOUSING_SAFETY_SIGNAL, householdId.toString(),
                RiskSignalObserved.class).data();
        assertThat(signal.riskType()).isEqualTo(RiskType.UNSAFE_HOUSING);
        assertThat(signal.description()).contains("D级");
        String renovations = mvc.perform(get("/api/housing-safety/renovations?status=PLANNED").header("Authorization", inspector))
                .andReturn().getResponse().getContentAsString();
        List<String> ids = JsonPath.read(renovations, "$.items[?(@.householdId == '" + householdId + "')].id");
        assertThat(ids).hasSize(1);
        assertThat(JsonPath.<List<Object>>read(renovations, "$.items[?(@.householdId == '" + householdId + "')].kind"))
                .containsExactly("REBUILD");
        assertThat(JsonPath.<List<Double>>read(renovations, "$.items[?(@.householdId == '" + householdId + "')].subsidy"))
                .containsExactly(35000.0);
        assertThat(taskStatus(householdId)).isEqualTo("DONE");

        String renovation = "/api/housing-safety/renovations/" + ids.get(0);
        mvc.perform(post(renovation + "/complete").header("Authorization", inspector).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"completedOn\":\"" + LocalDate.now() + "\",\"inspector\":\"李示工\",\"grade\":\"A\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("改造未开工"));
        mvc.perform(post(renovation + "/start").header("Authorization", inspector).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"startedOn\":\"" + LocalDate.now().minusDays(3) + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("STARTED"));
        MeasureApplied started = bus.awaitEvent(Topics.HOUSING_SAFETY_MEASURE, householdId.toString(), MeasureApplied.class).data();
        assertThat(started.measure()).isEqualTo("RENOVATION_STARTED");
        assertThat(started.assignmentId()).isEqualTo(assignmentId);
        assertThat(started.amount()).isEqualByComparingTo("35000");

        // whoever appraised the house and started the work does not accept it; a second inspector does
        complete(inspector, ids.get(0)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("职责分离（四眼原则）"))
                .andExpect(jsonPath("$.detail").value(containsString("该户住房由您本人鉴定，您不能再竣工验收")));
        mvc.perform(post(renovation + "/complete").header("Authorization", acceptor).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"completedOn\":\"" + LocalDate.now() + "\",\"inspector\":\"李示工\",\"grade\":\"C\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("验收不合格"));
        mvc.perform(post(renovation + "/complete").header("Authorization", acceptor).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"completedOn\":\"" + LocalDate.now() + "\",\"inspector\":\"李示工\",\"grade\":\"A\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.appraisedBy").value("inspector-210422"))
                .andExpect(jsonPath("$.startedBy").value("inspector-210422"))
                .andExpect(jsonPath("$.completedBy").value("acceptor-210422"));
        assertThat(bus.awaitEvent(Topics.HOUSING_SAFETY_MEASURE, householdId.toString(), MeasureApplied.class,
                m -> m.measure().equals("RENOVATION_COMPLETED")).data().description()).contains("验收为A级");
        assertThat(bus.awaitEvent(Topics.HOUSING_SAFETY_MEASURE, householdId.toString(), CaseClosed.class).data()
                .assignmentId()).isEqualTo(assignmentId);
        mvc.perform(get("/api/housing-safety/households/" + householdId + "/appraisals").header("Authorization", inspector))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].grade").value("A"));
    }

    @Test
    void shouldRefuseTheAcceptanceToTheInspectorWhoAppraisedTheHouse() throws Exception {
        String appraiser = inspector("appraiser-210411", "210411");
        String starter = inspector("starter-210411", "210411");
        String acceptor = inspector("acceptor-210411", "210411");
        UUID householdId = register("210411100201", HouseholdCategory.OUT_OF_POVERTY);
        appraise(appraiser, householdId, "C").andExpect(status().isCreated());
        String renovationId = renovationOf(householdId);
        start(starter, renovationId).andExpect(status().isOk())
                .andExpect(jsonPath("$.appraisedBy").value("appraiser-210411"))
                .andExpect(jsonPath("$.startedBy").value("starter-210411"));

        complete(appraiser, renovationId).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("职责分离（四眼原则）"))
                .andExpect(jsonPath("$.detail").value(allOf(
                        containsString("该户住房由您本人鉴定，您不能再竣工验收：竣工验收须由鉴定和登记开工以外的人完成"),
                        containsString("You appraised this house yourself, so you cannot accept the work on it"))));
        assertUnaccepted(householdId, renovationId);

        complete(acceptor, renovationId).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.completedBy").value("acceptor-210411"));
    }

    @Test
    void shouldRefuseTheAcceptanceToTheInspectorWhoStartedTheWork() throws Exception {
        String appraiser = inspector("appraiser-210411", "210411");
        String starter = inspector("starter-210411", "210411");
        UUID householdId = register("210411100202", HouseholdCategory.MARGINAL);
        appraise(appraiser, householdId, "D").andExpect(status().isCreated());
        String renovationId = renovationOf(householdId);
        start(starter, renovationId).andExpect(status().isOk());

        // the usernames compared as Keycloak compares them, ignoring case
        complete(inspector("STARTER-210411", "210411"), renovationId).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("职责分离（四眼原则）"))
                .andExpect(jsonPath("$.detail").value(allOf(
                        containsString("该户住房由您本人登记开工，您不能再竣工验收"),
                        containsString("You started the work on this house yourself, so you cannot accept the work on it"))));
        assertUnaccepted(householdId, renovationId);

        // a third inspector, who neither appraised the house nor started the work, accepts it
        complete(inspector("acceptor-210411", "210411"), renovationId).andExpect(status().isOk())
                .andExpect(jsonPath("$.appraisedBy").value("appraiser-210411"))
                .andExpect(jsonPath("$.startedBy").value("starter-210411"))
                .andExpect(jsonPath("$.completedBy").value("acceptor-210411"));
        assertThat(jdbc.sql("select recorded_by from appraisal where household_id = :h and findings = '竣工验收'")
                .param("h", householdId).query(String.class).single()).isEqualTo("acceptor-210411");
    }

    @Test
    void shouldAnswerALaterAlertWithTheRenovationAlreadyUnderWay() throws Exception {
        String inspector = token("210422");
        UUID householdId = register("210422100202", HouseholdCategory.MARGINAL);
        appraise(inspector, householdId, "C").andExpect(status().isCreated());
        String renovationId = jdbc.sql("select id::text from renovation where household_id = :h").param("h", householdId)
                .query(String.class).single();
        mvc.perform(post("/api/housing-safety/renovations/" + renovationId + "/start").header("Authorization", inspector)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"startedOn\":\"" + LocalDate.now() + "\"}"))
                .andExpect(status().isOk());

        // monitoring turns our own signal into an alert naming this bureau: the renovation answers it
        UUID assignmentId = UUID.randomUUID();
        RiskAlertRaised alert = new RiskAlertRaised(UUID.randomUUID(), householdId, "210422100202",
                List.of(RiskType.UNSAFE_HOUSING), "住建局报告：住房安全性鉴定为C级", Instant.now(),
                List.of(new RiskAlertRaised.Assignment(assignmentId, Bureau.HOUSING, LocalDate.now().plusDays(15))));
        bus.publish(Topics.MONITORING_RISK_ALERT, EventEnvelope.of("monitoring", householdId.toString(), "210422100202", alert));

        MeasureApplied measure = bus.awaitEvent(Topics.HOUSING_SAFETY_MEASURE, householdId.toString(), MeasureApplied.class).data();
        assertThat(measure.assignmentId()).isEqualTo(assignmentId);
        assertThat(measure.measure()).isEqualTo("RENOVATION_STARTED");
        assertThat(measure.amount()).isEqualByComparingTo("10000");
        assertThat(jdbc.sql("select count(*) from appraisal_task where household_id = :h").param("h", householdId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void shouldSignalAnUnsafeHouseWithoutAnAlertButRenovateOnlyForLowIncomeHouseholds() throws Exception {
        String inspector = token("210423");
        UUID ordinary = register("210423100201", HouseholdCategory.ORDINARY);
        UUID assignmentId = UUID.randomUUID();
        RiskAlertRaised alert = new RiskAlertRaised(UUID.randomUUID(), ordinary, "210423100201",
                List.of(RiskType.UNSAFE_HOUSING), "住房出现安全问题", Instant.now(),
                List.of(new RiskAlertRaised.Assignment(assignmentId, Bureau.HOUSING, LocalDate.now().plusDays(15))));
        bus.publish(Topics.MONITORING_RISK_ALERT, EventEnvelope.of("monitoring", ordinary.toString(), "210423100201", alert));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from appraisal_task where household_id = :h")
                .param("h", ordinary).query(Long.class).single() == 1);

        double signalled = signalsCounted();
        appraise(inspector, ordinary, "C").andExpect(status().isCreated());
        assertThat(signalsCounted()).as("platform_signals_published_total, counted when the appraisal committed")
                .isEqualTo(signalled + 1);

        assertThat(bus.awaitEvent(Topics.HOUSING_SAFETY_SIGNAL, ordinary.toString(), RiskSignalObserved.class).data()
                .description()).contains("C级");
        // no renovation for it, but the assignment is answered all the same, with the reason
        CaseClosed closed = bus.awaitEvent(Topics.HOUSING_SAFETY_MEASURE, ordinary.toString(), CaseClosed.class).data();
        assertThat(closed.assignmentId()).isEqualTo(assignmentId);
        assertThat(closed.outcome()).contains("不属于农村低收入群体");
        assertThat(jdbc.sql("select count(*) from renovation where household_id = :h").param("h", ordinary)
                .query(Long.class).single()).isZero();
    }

    @Test
    void shouldSignalButNotRenovateWhenTheHouseholdIsNotEntitledToPolicy() throws Exception {
        String inspector = token("210404");
        UUID flagged = register("210404100201", HouseholdCategory.OUT_OF_POVERTY, true);
        register("210404100202", HouseholdCategory.OUT_OF_POVERTY, false);
        UUID assignmentId = UUID.randomUUID();
        RiskAlertRaised alert = new RiskAlertRaised(UUID.randomUUID(), flagged, "210404100201",
                List.of(RiskType.UNSAFE_HOUSING), "住房出现安全问题", Instant.now(),
                List.of(new RiskAlertRaised.Assignment(assignmentId, Bureau.HOUSING, LocalDate.now().plusDays(15))));
        bus.publish(Topics.MONITORING_RISK_ALERT, EventEnvelope.of("monitoring", flagged.toString(), "210404100201", alert));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from appraisal_task where household_id = :h")
                .param("h", flagged).query(Long.class).single() == 1);

        appraise(inspector, flagged, "D").andExpect(status().isCreated());

        // recorded and signalled, but 脱贫不享受政策户 get no subsidised renovation (§2(1)1)
        assertThat(bus.awaitEvent(Topics.HOUSING_SAFETY_SIGNAL, flagged.toString(), RiskSignalObserved.class).data()
                .description()).contains("D级");
        CaseClosed closed = bus.awaitEvent(Topics.HOUSING_SAFETY_MEASURE, flagged.toString(), CaseClosed.class).data();
        assertThat(closed.assignmentId()).isEqualTo(assignmentId);
        assertThat(closed.outcome()).contains("脱贫不享受政策户").contains("不纳入危房改造补助范围");
        assertThat(jdbc.sql("select count(*) from renovation where household_id = :h").param("h", flagged)
                .query(Long.class).single()).isZero();
        // nor is it in the yearly screening of low-income households; its entitled neighbour is
        mvc.perform(get("/api/housing-safety/screenings?county=210404&year=" + LocalDate.now().getYear())
                        .header("Authorization", inspector))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.households").value(1))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + flagged + "')]").isEmpty());
    }

    @Test
    void shouldScreenACountysLowIncomeHouseholdsAndRefuseBadOrForeignInput() throws Exception {
        String inspector = token("210421");
        UUID appraised = register("210421100201", HouseholdCategory.MARGINAL);
        register("210421100202", HouseholdCategory.UNSTABLE_OUT_OF_POVERTY);
        register("210421100203", HouseholdCategory.ORDINARY);
        appraise(inspector, appraised, "B").andExpect(status().isCreated());

        mvc.perform(get("/api/housing-safety/screenings?county=210421&year=" + LocalDate.now().getYear())
                        .header("Authorization", inspector))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.households").value(2))
                .andExpect(jsonPath("$.done").value(1))
                .andExpect(jsonPath("$.left").value(1))
                .andExpect(jsonPath("$.items[1].grade").value("B"));

        long before = jdbc.sql("select count(*) from appraisal").query(Long.class).single();
        appraise(inspector, appraised, "E").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("鉴定等级应为 A、B、C 或 D"));
        appraise(token("210422"), appraised, "A").andExpect(status().isNotFound());
        mvc.perform(get("/api/housing-safety/screenings?county=210421&year=2026").header("Authorization", token("210422")))
                .andExpect(status().isNotFound());
        appraise("Bearer " + TestTokens.user("op", "210421", "civil-affairs-operator"), appraised, "A")
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from appraisal").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void shouldScreenEachHouseholdByItsLatestAppraisalOfTheYearWhenAppraisedMoreThanOnce() throws Exception {
        // 新抚区 is this test's alone
        String inspector = token("210402");
        LocalDate today = LocalDate.now();
        LocalDate lastYear = today.minusYears(1);
        UUID appraisedLastYear = register("210402100201", HouseholdCategory.MARGINAL);
        UUID appraisedTwice = register("210402100202", HouseholdCategory.OUT_OF_POVERTY);
        appraise(inspector, appraisedLastYear, "B", lastYear).andExpect(status().isCreated());
        appraise(inspector, appraisedTwice, "A", today.withDayOfYear(1)).andExpect(status().isCreated());
        appraise(inspector, appraisedTwice, "B", today).andExpect(status().isCreated());

        // last year's appraisal does not count this year: that household is left, and listed first
        mvc.perform(get("/api/housing-safety/screenings?county=210402&year=" + today.getYear())
                        .header("Authorization", inspector))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.households").value(2)).andExpect(jsonPath("$.done").value(1))
                .andExpect(jsonPath("$.left").value(1)).andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].householdId").value(appraisedLastYear.toString()))
                .andExpect(jsonPath("$.items[0].grade").doesNotExist())
                .andExpect(jsonPath("$.items[1].householdId").value(appraisedTwice.toString()))
                .andExpect(jsonPath("$.items[1].grade").value("B"))
                .andExpect(jsonPath("$.items[1].appraisedOn").value(today.toString()));
        mvc.perform(get("/api/housing-safety/screenings?county=210402&year=" + lastYear.getYear())
                        .header("Authorization", inspector))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.done").value(1)).andExpect(jsonPath("$.left").value(1))
                .andExpect(jsonPath("$.items[0].householdId").value(appraisedTwice.toString()))
                .andExpect(jsonPath("$.items[1].householdId").value(appraisedLastYear.toString()))
                .andExpect(jsonPath("$.items[1].grade").value("B"))
                .andExpect(jsonPath("$.items[1].appraisedOn").value(lastYear.toString()));
        // a page past the end: the counts, no lines
        mvc.perform(get("/api/housing-safety/screenings?county=210402&page=1&size=2&year=" + today.getYear())
                        .header("Authorization", inspector))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.households").value(2)).andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void shouldPageTasksRenovationsAndTheScreeningWithTheirTotals() throws Exception {
        // 东洲区 is this test's alone: every row counted below is its own
        String inspector = token("210403");
        List<UUID> households = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            UUID h = register("21040310020" + i, HouseholdCategory.MARGINAL);
            unsafeHousingAlert(h, "21040310020" + i);
            households.add(h);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from appraisal_task where division_code like '210403%'").query(Long.class).single() == 3);

        assertThat(pagedHouseholds("/api/housing-safety/appraisal-tasks?status=OPEN", inspector, 2, 3))
                .containsExactlyInAnyOrderElementsOf(households);

        appraise(inspector, households.get(0), "C").andExpect(status().isCreated());
        appraise(inspector, households.get(1), "D").andExpect(status().isCreated());
        assertThat(pagedHouseholds("/api/housing-safety/renovations?status=PLANNED", inspector, 1, 2))
                .containsExactlyInAnyOrder(households.get(0), households.get(1));
        assertThat(pagedHouseholds("/api/housing-safety/appraisal-tasks?status=DONE", inspector, 1, 2))
                .containsExactlyInAnyOrder(households.get(0), households.get(1));

        // the counts are the county's; the page lists those left first
        String year = "&year=" + LocalDate.now().getYear();
        mvc.perform(get("/api/housing-safety/screenings?county=210403&size=2" + year).header("Authorization", inspector))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.households").value(3)).andExpect(jsonPath("$.done").value(2))
                .andExpect(jsonPath("$.left").value(1)).andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].householdId").value(households.get(2).toString()))
                .andExpect(jsonPath("$.items[0].grade").doesNotExist());
        assertThat(pagedHouseholds("/api/housing-safety/screenings?county=210403" + year, inspector, 2, 3))
                .containsExactlyInAnyOrderElementsOf(households);

        mvc.perform(get("/api/housing-safety/appraisal-tasks?size=0").header("Authorization", inspector))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页至少1条"));
        mvc.perform(get("/api/housing-safety/renovations?size=100000").header("Authorization", inspector))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页最多500条"));
        mvc.perform(get("/api/housing-safety/screenings?county=210403&page=-1" + year).header("Authorization", inspector))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'page')].message").value("页码不能为负"));
    }

    /**
     * Reads a list two pages of {@code size} long, checking the total on each and that the second
     * holds the rest; the households of both pages, each listed once.
     */
    private List<UUID> pagedHouseholds(String path, String token, int size, int total) throws Exception {
        String separator = path.contains("?") ? "&" : "?";
        List<UUID> seen = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            String body = mvc.perform(get(path + separator + "page=" + page + "&size=" + size).header("Authorization", token))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(total))
                    .andExpect(jsonPath("$.page").value(page))
                    .andExpect(jsonPath("$.size").value(size))
                    .andReturn().getResponse().getContentAsString();
            List<String> ids = JsonPath.read(body, "$.items[*].householdId");
            assertThat(ids).hasSize(page == 0 ? size : total - size);
            ids.forEach(id -> seen.add(UUID.fromString(id)));
        }
        assertThat(seen).doesNotHaveDuplicates();
        return seen;
    }

    @Test
    void shouldApplyHouseholdChangesOnceEachInRevisionOrderAndMoveOpenWorkWithTheHousehold() throws Exception {
        String xinbin = token("210422");
        String qingyuan = token("210423");
        UUID householdId = UUID.randomUUID();
        UUID spouse = UUID.randomUUID();
        HouseholdRegistered registered = new HouseholdRegistered(householdId, "210422100203",
                HouseholdCategory.OUT_OF_POVERTY, false, "测试户主", List.of(
                new HouseholdRegistered.Member(UUID.randomUUID(), "c".repeat(64), "测试户主", "2104**********0001", "户主",
                        "FULL"),
                new HouseholdRegistered.Member(spouse, "d".repeat(64), "测试配偶", "2104**********0002", "配偶", "NONE")));
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", householdId.toString(), "210422100203",
                registered));
        RiskAlertRaised first = unsafeHousingAlert(householdId, "210422100203");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from appraisal_task where household_id = :h and status = 'OPEN'")
                .param("h", householdId).query(Long.class).single() == 1);
        // the appraisal answers the first alert with a renovation; a second alert opens a task of its own
        appraise(xinbin, householdId, "C").andExpect(status().isCreated());
        RiskAlertRaised second = unsafeHousingAlert(householdId, "210422100203");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from appraisal_task where household_id = :h and status = 'OPEN'")
                .param("h", householdId).query(Long.class).single() == 1);
        String renovationId = jdbc.sql("select id::text from renovation where household_id = :h").param("h", householdId)
                .query(String.class).single();

        HouseholdChanges changes = HouseholdChanges.of(registered);
        HouseholdChanged death = changes.memberLeft(spouse, HouseholdChanged.Reason.DEATH, LocalDate.now().minusDays(3));
        bus.publish(Topics.MONITORING_HOUSEHOLD, HouseholdChanges.envelope(death));
        EventEnvelope<HouseholdChanged> moveEvent = HouseholdChanges.envelope(
                changes.movedTo("210423100203", LocalDate.now().minusDays(1)));
        bus.publish(Topics.MONITORING_HOUSEHOLD, moveEvent);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> appraisals(qingyuan, householdId)
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1)));

        // open work is the new county's; what the old county did stays where it was done
        appraisals(xinbin, householdId).andExpect(status().isNotFound());
        tasks(qingyuan, "OPEN").andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')].alertId")
                .value(second.alertId().toString()));
        tasks(xinbin, "OPEN").andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')]", hasSize(0)));
        tasks(xinbin, "DONE").andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')].alertId")
                .value(first.alertId().toString()));
        mvc.perform(get("/api/housing-safety/renovations?status=PLANNED").header("Authorization", qingyuan))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')].id").value(renovationId));
        mvc.perform(get("/api/housing-safety/renovations").header("Authorization", xinbin))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')]", hasSize(0)));
        mvc.perform(post("/api/housing-safety/renovations/" + renovationId + "/start").header("Authorization", xinbin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"startedOn\":\"" + LocalDate.now() + "\"}"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select division_code from appraisal where household_id = :h").param("h", householdId)
                .query(String.class).single()).isEqualTo("210422100203");
        assertThat(jdbc.sql("select alert_id::text || ' ' || division_code from platform.received_alert where household_id = :h")
                .param("h", householdId).query(String.class).list())
                .containsExactlyInAnyOrder(first.alertId() + " 210423100203", second.alertId() + " 210423100203");
        screening(qingyuan, "210423").andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')]", hasSize(1)));
        screening(xinbin, "210422").andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')]", hasSize(0)));

        // 脱贫不享受政策户: no longer low-income by its category
        HouseholdChanged flagged = changes.policyFlag(true, LocalDate.now());
        bus.publish(Topics.MONITORING_HOUSEHOLD, HouseholdChanges.envelope(flagged));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> screening(qingyuan, "210423")
                .andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')]", hasSize(0))));

        // the move delivered again, the death replayed under a new event id (an older revision), and the
        // flag's revision again with other content: none of them changes anything
        bus.publish(Topics.MONITORING_HOUSEHOLD, moveEvent);
        bus.publish(Topics.MONITORING_HOUSEHOLD, HouseholdChanges.envelope(death));
        EventEnvelope<HouseholdChanged> last = HouseholdChanges.envelope(new HouseholdChanged(householdId,
                flagged.revision(), flagged.kind(), flagged.reason(), flagged.effectiveOn(), null, "210422100203",
                "210422100203", HouseholdCategory.MARGINAL, false, "测试户主", flagged.members(), Instant.now()));
        bus.publish(Topics.MONITORING_HOUSEHOLD, last);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from inbox_event where event_id = :e")
                .param("e", last.eventId()).query(Long.class).single() == 1);
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = :e").param("e", moveEvent.eventId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select revision || ' ' || division_code || ' ' || category || ' ' || not_entitled_to_policy
                        from household where household_id = :h""")
                .param("h", householdId).query(String.class).single()).isEqualTo("3 210423100203 OUT_OF_POVERTY true");
        assertThat(jdbc.sql("select division_code from renovation where household_id = :h").param("h", householdId)
                .query(String.class).single()).isEqualTo("210423100203");
        appraisals(xinbin, householdId).andExpect(status().isNotFound());
    }

    private static String token(String county) {
        return inspector("inspector-" + county, county);
    }

    /**
     * Housing's monthly feed (报送完整性): each appraisal counts for its county and the month it was
     * made in, late when recorded after that month's deadline (the 5th of the next); the month is
     * published once, with the late and the missing counties. February 2025, which no other test uses.
     */
    @Test
    void shouldCountAppraisalsInTheFeedAndPublishTheMissedDeadlineOnceWhenCheckedTwice() throws Exception {
        UUID onTime = register("210422100231", HouseholdCategory.ORDINARY);
        UUID late = register("210421100231", HouseholdCategory.ORDINARY);
        try {
            clock.set(Instant.parse("2025-02-25T02:00:00Z"));
            appraise(inspector("xinbin-housing", "210422"), onTime, "A", LocalDate.of(2025, 2, 24))
                    .andExpect(status().isCreated());
            clock.set(Instant.parse("2025-03-10T02:00:00Z"));
            appraise(inspector("fushun-housing", "210421"), late, "B", LocalDate.of(2025, 2, 21))
                    .andExpect(status().isCreated());

            mvc.perform(get("/api/housing-safety/feeds?bureau=HOUSING&month=2025-02&size=7")
                            .header("Authorization", inspector("city-housing", "210400")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.missedDeadline").value(true))
                    .andExpect(jsonPath("$.items[4].county").value("210421"))
                    .andExpect(jsonPath("$.items[4].state").value("LATE"))
                    .andExpect(jsonPath("$.items[5].state").value("ON_TIME"))
                    .andExpect(jsonPath("$.items[6].state").value("MISSING"));

            List<FeedDeadlineMissed> first = feeds.check(java.time.YearMonth.of(2025, 2));
            List<FeedDeadlineMissed> again = feeds.check(java.time.YearMonth.of(2025, 2));

            assertThat(first).singleElement().satisfies(missed -> {
                assertThat(missed.bureau()).isEqualTo(Bureau.HOUSING);
                assertThat(missed.lateCounties()).containsExactly("210421");
                assertThat(missed.missingCounties()).containsExactly("210402", "210403", "210404", "210411", "210423");
            });
            assertThat(again).isEmpty();
            assertThat(bus.awaitEvent(Topics.HOUSING_SAFETY_FEED, "2025-02/HOUSING", FeedDeadlineMissed.class).data()
                    .deadline()).isEqualTo(LocalDate.of(2025, 3, 5));
            assertThat(jdbc.sql("select count(*) from outbox_event where topic = :t and type = 'FeedDeadlineMissed'")
                    .param("t", Topics.HOUSING_SAFETY_FEED)
                    .query(Long.class).single()).isEqualTo(1);
        } finally {
            clock.reset();
        }
    }

    private static String inspector(String username, String county) {
        return "Bearer " + TestTokens.user(username, county, "housing-inspector");
    }

    private String renovationOf(UUID householdId) {
        return jdbc.sql("select id::text from renovation where household_id = :h").param("h", householdId)
                .query(String.class).single();
    }

    private ResultActions start(String token, String renovationId) throws Exception {
        return mvc.perform(post("/api/housing-safety/renovations/" + renovationId + "/start").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"startedOn\":\"" + LocalDate.now() + "\"}"));
    }

    private ResultActions complete(String token, String renovationId) throws Exception {
        return mvc.perform(post("/api/housing-safety/renovations/" + renovationId + "/complete").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"completedOn\":\"" + LocalDate.now() + "\",\"inspector\":\"李示工\",\"grade\":\"A\"}"));
    }

    /** A refused acceptance leaves the renovation under way, with no acceptance on record. */
    private void assertUnaccepted(UUID householdId, String renovationId) {
        assertThat(jdbc.sql("select status || ' ' || coalesce(completed_by, '-') from renovation where id = :r")
                .param("r", UUID.fromString(renovationId)).query(String.class).single()).isEqualTo("STARTED -");
        assertThat(jdbc.sql("select count(*) from appraisal where household_id = :h").param("h", householdId)
                .query(Long.class).single()).isEqualTo(1);
    }

    private UUID register(String village, HouseholdCategory category) throws Exception {
        return register(village, category, false);
    }

    private UUID register(String village, HouseholdCategory category, boolean notEntitledToPolicy) throws Exception {
        UUID id = UUID.randomUUID();
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", id.toString(), village,
                new HouseholdRegistered(id, village, category, notEntitledToPolicy, "测试户主", List.of(new HouseholdRegistered.Member(
                        UUID.randomUUID(), "b".repeat(64), "测试户主", "2104**********0000", "户主", "FULL")))));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from household where household_id = :h")
                .param("h", id).query(Long.class).single() == 1);
        return id;
    }

    private RiskAlertRaised unsafeHousingAlert(UUID householdId, String village) throws Exception {
        RiskAlertRaised alert = new RiskAlertRaised(UUID.randomUUID(), householdId, village,
                List.of(RiskType.UNSAFE_HOUSING), "住房出现安全问题", Instant.now(),
                List.of(new RiskAlertRaised.Assignment(UUID.randomUUID(), Bureau.HOUSING, LocalDate.now().plusDays(15))));
        bus.publish(Topics.MONITORING_RISK_ALERT, EventEnvelope.of("monitoring", householdId.toString(), village, alert));
        return alert;
    }

    private ResultActions appraisals(String token, UUID householdId) throws Exception {
        return mvc.perform(get("/api/housing-safety/households/" + householdId + "/appraisals").header("Authorization", token));
    }

    private ResultActions tasks(String token, String status) throws Exception {
        return mvc.perform(get("/api/housing-safety/appraisal-tasks?status=" + status).header("Authorization", token));
    }

    private ResultActions screening(String token, String county) throws Exception {
        return mvc.perform(get("/api/housing-safety/screenings?county=" + county + "&year=" + LocalDate.now().getYear())
                .header("Authorization", token));
    }

    private ResultActions appraise(String token, UUID householdId, String grade) throws Exception {
        return appraise(token, householdId, grade, LocalDate.now());
    }

    private ResultActions appraise(String token, UUID householdId, String grade, LocalDate on) throws Exception {
        return mvc.perform(post("/api/housing-safety/appraisals").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"householdId":"%s","grade":"%s","inspector":"王示工","appraisedOn":"%s","findings":"承重墙体开裂"}"""
                        .formatted(householdId, grade, on)));
    }

    private String taskStatus(UUID householdId) {
        return jdbc.sql("select status from appraisal_task where household_id = :h").param("h", householdId)
                .query(String.class).single();
    }

    /** Every jurisdiction query can use an index under this (non-C) collation, as in production. */
    @Test
    void shouldServeJurisdictionPrefixesFromIndexes() {
        fushun.platform.testsupport.DivisionIndexes.assertPrefixServedByIndex(jdbc, transactionTemplate,
                java.util.List.of("appraisal", "appraisal_task", "household", "platform.received_alert", "renovation"));
    }
}
