package fushun.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.Bureau;
import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.contracts.bureau.CaseClosed;
import fushun.contracts.bureau.MeasureApplied;
import fushun.contracts.feed.FeedDeadlineMissed;
import fushun.contracts.medicalinsurance.FeedCompletenessChecked;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.contracts.monitoring.RiskEliminated;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The console's read model from real events on a real broker, its views, their jurisdiction and the pages. */
@ServiceIntegrationTest
class ConsoleIT {

    private static final String CITY = "Bearer " + TestTokens.user("city-analyst", "210400", "analyst");

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactionTemplate;

    @Test
    void shouldCountHouseholdsAlertsAndTheClosedLoopFromEventsOnce() throws Exception {
        Instant now = Instant.now();
        UUID a = household("210421100201", HouseholdCategory.OUT_OF_POVERTY);
        UUID b = household("210421100202", HouseholdCategory.MARGINAL);
        household("210421200201", HouseholdCategory.ORDINARY);
        EventEnvelope<HouseholdMonitored> monitoredA = EventEnvelope.of("monitoring", a.toString(), "210421100201",
                new HouseholdMonitored(a, "210421100201", HouseholdCategory.UNSTABLE_OUT_OF_POVERTY, List.of(RiskType.ILLNESS),
                        UUID.randomUUID(), now.minus(10, ChronoUnit.DAYS)));
        bus.publish(Topics.MONITORING_HOUSEHOLD, monitoredA);
        bus.publish(Topics.MONITORING_HOUSEHOLD, monitoredA);
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", b.toString(), "210421100202",
                new HouseholdMonitored(b, "210421100202", HouseholdCategory.MARGINAL, List.of(RiskType.DISASTER),
                        UUID.randomUUID(), now.minus(6, ChronoUnit.DAYS))));
        RiskAlertRaised alert = new RiskAlertRaised(UUID.randomUUID(), a, "210421100201", List.of(RiskType.ILLNESS),
                "因病预警", now.minus(8, ChronoUnit.DAYS), List.of(new RiskAlertRaised.Assignment(UUID.randomUUID(),
                Bureau.CIVIL_AFFAIRS, LocalDate.now().plusDays(7))));
        bus.publish(Topics.MONITORING_RISK_ALERT, EventEnvelope.of("monitoring", a.toString(), "210421100201", alert));
        bus.publish(Topics.SOCIAL_ASSISTANCE_MEASURE, EventEnvelope.of("social-assistance", a.toString(), "210421100201",
                new MeasureApplied(UUID.randomUUID(), alert.assignments().get(0).assignmentId(), alert.alertId(), a,
                        Bureau.CIVIL_AFFAIRS, "DIBAO", "低保：每月 520 元", new BigDecimal("520"), LocalDate.now(),
                        now.minus(5, ChronoUnit.DAYS))));
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", b.toString(), "210421100202",
                new RiskEliminated(b, "210421100202", List.of(RiskType.DISASTER), UUID.randomUUID(), now)));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from household_view where household_id = :b and eliminated_at is not null")
                .param("b", b).query(Long.class).single() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from alert_view where alert_id = :a and first_measure_at is not null")
                .param("a", alert.alertId()).query(Long.class).single() == 1);

        mvc.perform(get("/api/console/dashboard").header("Authorization", county("210421")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.area").value("210421"))
                .andExpect(jsonPath("$.byArea[?(@.code == '210421100')].households").value(2))
                .andExpect(jsonPath("$.byArea[?(@.code == '210421100')].monitored").value(1))
                .andExpect(jsonPath("$.byArea[?(@.code == '210421100')].eliminated").value(1))
                .andExpect(jsonPath("$.byArea[?(@.code == '210421200')].monitored").value(0))
                .andExpect(jsonPath("$.byCategory[?(@.category == 'UNSTABLE_OUT_OF_POVERTY')].households").value(1))
                .andExpect(jsonPath("$.funnel.identified").value(2))
                .andExpect(jsonPath("$.funnel.warned").value(1))
                .andExpect(jsonPath("$.funnel.assisted").value(1))
                .andExpect(jsonPath("$.funnel.eliminated").value(1))
                .andExpect(jsonPath("$.funnel.daysToWarn").value(2.0))
                .andExpect(jsonPath("$.funnel.daysToAssist").value(3.0))
                .andExpect(jsonPath("$.riskTypes[?(@.riskType == 'ILLNESS')].alerts").value(1))
                .andExpect(jsonPath("$.alertsPerMonth[?(@.month == '"
                        + YearMonth.from(LocalDate.now(fushun.platform.PlatformTime.CHINA).minusDays(8)) + "')].alerts").value(1));
        mvc.perform(get("/api/console/dashboard?area=210421100").header("Authorization", CITY))
                .andExpect(jsonPath("$.byArea.length()").value(2))
                .andExpect(jsonPath("$.byArea[0].code").value("210421100201"));
        mvc.perform(get("/api/console/dashboard?area=210421").header("Authorization", county("210422")))
                .andExpect(status().isNotFound());

        mvc.perform(get("/api/console/households/" + a + "/timeline").header("Authorization", county("210421")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[0].summary").value("登记建档：脱贫户，1 人"))
                .andExpect(jsonPath("$[2].summary").value("风险预警（因病）：责任部门 民政局（" + LocalDate.now().plusDays(7) + " 前）"))
                .andExpect(jsonPath("$[3].summary").value("民政局落实帮扶措施：低保：每月 520 元"));
        mvc.perform(get("/api/console/households/" + a + "/timeline")
                        .header("Authorization", "Bearer " + TestTokens.user("op", "210422", "civil-affairs-operator")))
                .andExpect(status().isNotFound());
    }

    /** Events of different topics arrive in any order: a measure before its alert still counts as help given. */
    @Test
    void shouldCountAMeasureThatArrivesBeforeItsAlert() throws Exception {
        Instant now = Instant.now();
        UUID h = household("210411100201", HouseholdCategory.OUT_OF_POVERTY);
        RiskAlertRaised alert = new RiskAlertRaised(UUID.randomUUID(), h, "210411100201", List.of(RiskType.ILLNESS),
                "因病预警", now.minus(4, ChronoUnit.DAYS), List.of(new RiskAlertRaised.Assignment(UUID.randomUUID(),
                Bureau.CIVIL_AFFAIRS, LocalDate.now().plusDays(7))));
        EventEnvelope<MeasureApplied> measure = EventEnvelope.of("social-assistance", h.toString(), "210411100201",
                new MeasureApplied(UUID.randomUUID(), alert.assignments().get(0).assignmentId(), alert.alertId(), h,
                        Bureau.CIVIL_AFFAIRS, "TEMPORARY_AID", "临时救助", new BigDecimal("2000"), LocalDate.now(),
                        now.minus(1, ChronoUnit.DAYS)));
        bus.publish(Topics.SOCIAL_ASSISTANCE_MEASURE, measure);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from inbox_event where event_id = :e")
                .param("e", measure.eventId()).query(Long.class).single() == 1);
        bus.publish(Topics.MONITORING_RISK_ALERT, EventEnvelope.of("monitoring", h.toString(), "210411100201", alert));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from alert_view where alert_id = :a")
                .param("a", alert.alertId()).query(Long.class).single() == 1);

        mvc.perform(get("/api/console/dashboard").header("Authorization", county("210411")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.funnel.warned").value(1))
                .andExpect(jsonPath("$.funnel.assisted").value(1))
                .andExpect(jsonPath("$.funnel.daysToAssist").value(3.0));
    }

    /**
     * One household's whole history, delivered forward for one county and in reverse for another
     * (closing, measure and acknowledgement before the alert, the alert before the household):
     * both dashboards show the same figures.
     */
    @Test
    void shouldGiveTheSameFiguresWhateverOrderAHouseholdsEventsArriveIn() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Delivery> forward = lifeOf(UUID.randomUUID(), "210412100201", now);
        List<Delivery> reverse = new java.util.ArrayList<>(lifeOf(UUID.randomUUID(), "210413100201", now));
        java.util.Collections.reverse(reverse);
        for (Delivery d : forward) {
            bus.publish(d.topic(), d.event());
        }
        for (Delivery d : reverse) {
            bus.publish(d.topic(), d.event());
            // each delivered before the next is sent: the read model really sees them in this order
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from inbox_event where event_id = :e")
                    .param("e", d.event().eventId()).query(Long.class).single() == 1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from inbox_event where event_id in (:e)")
                .param("e", forward.stream().map(d -> d.event().eventId()).toList()).query(Long.class).single() == forward.size());

        String inOrder = figures("210412");
        String reversed = figures("210413");

        assertThat(reversed).isEqualTo(inOrder);
        mvc.perform(get("/api/console/dashboard").header("Authorization", county("210413")))
                .andExpect(jsonPath("$.funnel.identified").value(1))
                .andExpect(jsonPath("$.funnel.warned").value(1))
                .andExpect(jsonPath("$.funnel.assisted").value(1))
                .andExpect(jsonPath("$.funnel.daysToWarn").value(2.0))
                .andExpect(jsonPath("$.funnel.daysToAssist").value(3.0))
                .andExpect(jsonPath("$.byArea[0].monitored").value(1));
    }

    private record Delivery(String topic, EventEnvelope<?> event) {
    }

    /** Registered, monitored, warned, acknowledged, helped, closed: in the order monitoring and the bureau wrote them. */
    private static List<Delivery> lifeOf(UUID h, String village, Instant now) {
        UUID alertId = UUID.randomUUID();
        UUID assignmentId = UUID.randomUUID();
        RiskAlertRaised alert = new RiskAlertRaised(alertId, h, village, List.of(RiskType.ILLNESS), "因病预警",
                now.minus(6, ChronoUnit.DAYS), List.of(new RiskAlertRaised.Assignment(assignmentId, Bureau.CIVIL_AFFAIRS,
                LocalDate.now().plusDays(7))));
        String key = h.toString();
        return List.of(
                new Delivery(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", key, village,
                        new HouseholdRegistered(h, village, HouseholdCategory.OUT_OF_POVERTY, false, "测试户主",
                                List.of(new HouseholdRegistered.Member(UUID.randomUUID(), "b".repeat(64), "测试户主",
                                        "2104**********0000", "户主", "FULL"))))),
                new Delivery(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", key, village,
                        new HouseholdMonitored(h, village, HouseholdCategory.UNSTABLE_OUT_OF_POVERTY, List.of(RiskType.ILLNESS),
                                UUID.randomUUID(), now.minus(8, ChronoUnit.DAYS)))),
                new Delivery(Topics.MONITORING_RISK_ALERT, EventEnvelope.of("monitoring", key, village, alert)),
                new Delivery(Topics.SOCIAL_ASSISTANCE_MEASURE, EventEnvelope.of("social-assistance", key, village,
                        new AssignmentAcknowledged(assignmentId, alertId, h, Bureau.CIVIL_AFFAIRS, "CASE-1",
                                now.minus(5, ChronoUnit.DAYS)))),
                new Delivery(Topics.SOCIAL_ASSISTANCE_MEASURE, EventEnvelope.of("social-assistance", key, village,
                        new MeasureApplied(UUID.randomUUID(), assignmentId, alertId, h, Bureau.CIVIL_AFFAIRS, "DIBAO",
                                "低保", new BigDecimal("520"), LocalDate.now(), now.minus(3, ChronoUnit.DAYS)))),
                new Delivery(Topics.SOCIAL_ASSISTANCE_MEASURE, EventEnvelope.of("social-assistance", key, village,
                        new CaseClosed(assignmentId, alertId, h, Bureau.CIVIL_AFFAIRS, "RESOLVED", now.minus(2, ChronoUnit.DAYS)))));
    }

    /** The county's dashboard with its area codes taken out, to compare two counties' figures. */
    private String figures(String county) throws Exception {
        return mvc.perform(get("/api/console/dashboard").header("Authorization", county(county)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
                .replace(county, "COUNTY");
    }

    /**
     * Every bureau's feed as a bureau × month grid (报送完整性), from the events: civil affairs missed
     * March 2025 (published twice, and again under a new event id with other counties: the first
     * stands), medical insurance checked it complete, the others published nothing.
     */
    @Test
    void shouldShowEveryBureausMonthOnceFromTheEventsWithinTheCallersDivision() throws Exception {
        List<String> counties = List.of("210402", "210403", "210404", "210411", "210421", "210422", "210423");
        EventEnvelope<FeedDeadlineMissed> missed = EventEnvelope.of("social-assistance", "2025-03/CIVIL_AFFAIRS", "210400",
                new FeedDeadlineMissed(Bureau.CIVIL_AFFAIRS, "2025-03", LocalDate.of(2025, 4, 5), counties,
                        List.of("210421"), List.of("210423"), Instant.parse("2025-04-05T16:00:05Z")));
        bus.publish(Topics.SOCIAL_ASSISTANCE_FEED, missed);
        bus.publish(Topics.SOCIAL_ASSISTANCE_FEED, missed);
        EventEnvelope<FeedDeadlineMissed> replayed = EventEnvelope.of("social-assistance", "2025-03/CIVIL_AFFAIRS", "210400",
                new FeedDeadlineMissed(Bureau.CIVIL_AFFAIRS, "2025-03", LocalDate.of(2025, 4, 5), counties,
                        List.of(), List.of("210402"), Instant.parse("2025-04-05T17:00:05Z")));
        bus.publish(Topics.SOCIAL_ASSISTANCE_FEED, replayed);
        bus.publish(Topics.MEDICAL_INSURANCE_FEED, EventEnvelope.of("medical-insurance", "2025-03", "210400",
                new FeedCompletenessChecked(Bureau.MEDICAL_INSURANCE, "2025-03", LocalDate.of(2025, 4, 5), counties,
                        List.of(), Instant.parse("2025-04-05T16:00:05Z"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select count(*) from inbox_event where event_id in (:ids)")
                .param("ids", List.of(missed.eventId(), replayed.eventId())).query(Long.class).single() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from feed_month where month = '2025-03'").query(Long.class).single() == 1);
        assertThat(jdbc.sql("select count(*) from feed_deadline_missed where month = '2025-03'").query(Long.class).single())
                .isEqualTo(1);
        String analyst = "Bearer " + TestTokens.user("city-analyst", "210400", "analyst");

        mvc.perform(get("/api/console/feed-grid?through=2025-03&months=2").header("Authorization", analyst))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(9))
                .andExpect(jsonPath("$.months[0]").value("2025-03"))
                .andExpect(jsonPath("$.months[1]").value("2025-02"))
                .andExpect(jsonPath("$.items[0].bureau").value("CIVIL_AFFAIRS"))
                .andExpect(jsonPath("$.items[0].label").value("民政局"))
                .andExpect(jsonPath("$.items[0].cells[0].state").value("MISSED"))
                .andExpect(jsonPath("$.items[0].cells[0].late[0]").value("210421"))
                .andExpect(jsonPath("$.items[0].cells[0].missing[0]").value("210423"))
                .andExpect(jsonPath("$.items[0].cells[1].state").value("NONE_REPORTED"))
                .andExpect(jsonPath("$.items[1].bureau").value("MEDICAL_INSURANCE"))
                .andExpect(jsonPath("$.items[1].cells[0].state").value("ON_TIME"))
                .andExpect(jsonPath("$.items[2].cells[0].state").value("NONE_REPORTED"));
        // 新宾's approver: civil affairs' March missed nothing in 新宾
        mvc.perform(get("/api/console/feed-grid?through=2025-03&months=1&size=1")
                        .header("Authorization", "Bearer " + TestTokens.user("xinbin-approver", "210422", "county-approver")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].cells[0].state").value("NONE_REPORTED"))
                .andExpect(jsonPath("$.items[0].cells[0].missing.length()").value(0));
        mvc.perform(get("/api/console/feed-grid?page=2&size=4").header("Authorization", analyst))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(9))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].bureau").value("DISABLED_PERSONS_FEDERATION"))
                .andExpect(jsonPath("$.months.length()").value(6));
        mvc.perform(get("/api/console/feed-grid?through=2019-12").header("Authorization", analyst))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/console/feed-grid?through=2025-13").header("Authorization", analyst))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/console/feed-grid?months=25").header("Authorization", analyst))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'months')].message").value("最多24个月"));
        mvc.perform(get("/api/console/feed-grid").header("Authorization",
                        "Bearer " + TestTokens.user("cadre", "210422100201", "village-cadre")))
                .andExpect(status().isForbidden());
    }

    @Test
    void shouldSuppressPublicCountsUnderFive() throws Exception {
        for (int i = 0; i < 5; i++) {
            UUID h = household("21040310020" + i, HouseholdCategory.MARGINAL);
            bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", h.toString(), "21040310020" + i,
                    new HouseholdMonitored(h, "21040310020" + i, HouseholdCategory.MARGINAL, List.of(RiskType.ILLNESS),
                            UUID.randomUUID(), Instant.now())));
        }
        UUID lone = household("210404100201", HouseholdCategory.MARGINAL);
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", lone.toString(), "210404100201",
                new HouseholdMonitored(lone, "210404100201", HouseholdCategory.MARGINAL, List.of(RiskType.ILLNESS),
                        UUID.randomUUID(), Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from household_view where (division_code like '210403%' or division_code like '210404%')"
                        + " and monitored_at is not null").query(Long.class).single() == 6);

        mvc.perform(get("/api/console/public/summary"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '210403')].monitored").value(5))
                .andExpect(jsonPath("$[?(@.code == '210403')].suppressed").value(false))
                .andExpect(jsonPath("$[?(@.code == '210404')].suppressed").value(true))
                .andExpect(jsonPath("$[?(@.code == '210404')].monitored").value(org.hamcrest.Matchers.contains((Object) null)));
    }

    @Test
    void shouldServeTheChinesePagesEChartsAndSignInSettingsButGuardTheApi() throws Exception {
        String page = mvc.perform(get("/index.html")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("lang=\"zh-CN\"").contains("抚顺市防止返贫动态监测和帮扶平台")
                .contains("/webjars/echarts/5.3.1/dist/echarts.min.js")
                .contains("<script type=\"module\" src=\"/app.js\"></script>");
        mvc.perform(get("/webjars/echarts/5.3.1/dist/echarts.min.js")).andExpect(status().isOk());
        // the entry module and the sign-in module it imports; a browser runs a module only if it is served as JavaScript
        mvc.perform(get("/app.js")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/javascript"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("from './js/main.js'")));
        mvc.perform(get("/js/auth.js")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/javascript"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("code_challenge_method: 'S256'")));
        mvc.perform(get("/api/console/public/config")).andExpect(status().isOk())
                .andExpect(jsonPath("$.clientId").value("fushun-console"));
        mvc.perform(get("/api/console/dashboard")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/console/dashboard")
                        .header("Authorization", "Bearer " + TestTokens.user("op", "210422", "civil-affairs-operator")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/console/dashboard?area=beijing").header("Authorization", CITY))
                .andExpect(status().isBadRequest());
    }

    @Test
    void shouldFollowAMoveOnceAndIgnoreAnOlderRevisionReplayedUnderANewEventId() throws Exception {
        UUID id = UUID.randomUUID();
        // not a monitoring category, so the public summary's counts of the other tests stay as they are
        HouseholdRegistered registered = new HouseholdRegistered(id, "210422100201", HouseholdCategory.OUT_OF_POVERTY, false,
                "测试户主", List.of(new HouseholdRegistered.Member(UUID.randomUUID(), "a".repeat(64), "测试户主",
                "2104**********0000", "户主", "FULL")));
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", id.toString(), "210422100201", registered));
        fushun.platform.testsupport.HouseholdChanges changes = fushun.platform.testsupport.HouseholdChanges.of(registered);
        var moved = changes.movedTo("210423100201", java.time.LocalDate.now());
        var flagged = changes.policyFlag(true, java.time.LocalDate.now());
        bus.publish(Topics.MONITORING_HOUSEHOLD, fushun.platform.testsupport.HouseholdChanges.envelope(moved));
        bus.publish(Topics.MONITORING_HOUSEHOLD, fushun.platform.testsupport.HouseholdChanges.envelope(flagged));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select revision from household_view where household_id = :h")
                .param("h", id).query(Integer.class).optional().orElse(-1) == 2);

        // the move again under a new event id, and the registration again: neither takes the household back
        var replayed = fushun.platform.testsupport.HouseholdChanges.envelope(moved);
        var registeredAgain = EventEnvelope.of("monitoring", id.toString(), "210422100201", registered);
        bus.publish(Topics.MONITORING_HOUSEHOLD, replayed);
        bus.publish(Topics.MONITORING_HOUSEHOLD, registeredAgain);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select count(*) from inbox_event where event_id in (:ids)")
                .param("ids", List.of(replayed.eventId(), registeredAgain.eventId())).query(Long.class).single() == 2);

        assertThat(jdbc.sql("select division_code from household_view where household_id = :h").param("h", id)
                .query(String.class).single()).isEqualTo("210423100201");
        mvc.perform(get("/api/console/households/" + id + "/timeline").header("Authorization", county("210422")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/console/households/" + id + "/timeline").header("Authorization", county("210423")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.summary =~ /户情变动.*迁至.*/)]").value(org.hamcrest.Matchers.hasSize(1)));
    }

    private static String county(String code) {
        return "Bearer " + TestTokens.user("approver-" + code, code, "county-approver");
    }

    private UUID household(String village, HouseholdCategory category) throws Exception {
        UUID id = UUID.randomUUID();
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", id.toString(), village,
                new HouseholdRegistered(id, village, category, false, "测试户主", List.of(new HouseholdRegistered.Member(
                        UUID.randomUUID(), "a".repeat(64), "测试户主", "2104**********0000", "户主", "FULL")))));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from household_view where household_id = :h")
                .param("h", id).query(Long.class).single() == 1);
        return id;
    }

    /** Every jurisdiction query can use an index under this (non-C) collation, as in production. */
    @Test
    void shouldServeJurisdictionPrefixesFromIndexes() {
        fushun.platform.testsupport.DivisionIndexes.assertPrefixServedByIndex(jdbc, transactionTemplate,
                java.util.List.of("alert_view", "household_event", "household_view"));
    }
}
