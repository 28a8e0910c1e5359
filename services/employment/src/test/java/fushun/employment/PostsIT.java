package fushun.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fushun.contracts.Bureau;
import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.MeasureApplied;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.contracts.feed.FeedDeadlineMissed;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.platform.feed.FeedCompleteness;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.MovableClock;
import fushun.platform.testsupport.HouseholdChanges;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Public-welfare posts under concurrent hiring, an alert to a hire as the measure, subsidies, job loss, pensions. */
@ServiceIntegrationTest
class PostsIT {

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactionTemplate;
    @Autowired io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired MovableClock clock;
    @Autowired FeedCompleteness feeds;

    private double signalsCounted() {
        var counter = meters.find(fushun.platform.metrics.SignalMetrics.PUBLISHED)
                .tags("bureau", "HUMAN_RESOURCES", "risk_type", "UNSTABLE_EMPLOYMENT").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void shouldNeverHireMorePeopleThanSeatsUnderConcurrentHiring() throws Exception {
        String officer = token("210421");
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            people.add(register("210421100201", HouseholdCategory.MARGINAL, "FULL").get(0));
        }
        String postId = createPost(officer, "210421100201", 3, "800.00");

        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (UUID person : people) {
            Callable<Integer> hire = () -> {
                start.await();
                return hire(officer, postId, person, LocalDate.now()).andReturn().getResponse().getStatus();
            };
            answers.add(pool.submit(hire));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(7);
        assertThat(jdbc.sql("select count(*) from post_holding where post_id = :p and exited_on is null")
                .param("p", UUID.fromString(postId)).query(Long.class).single()).isEqualTo(3);
        mvc.perform(get("/api/employment/posts").header("Authorization", officer))
                .andExpect(jsonPath("$.items[?(@.id == '" + postId + "')].holders").value(3));
    }

    @Test
    void shouldSuggestAPostForAnAlertHireAsTheMeasurePayFromAttendanceAndExitInOrder() throws Exception {
        String officer = token("210422");
        String payroll = officer("payroll-210422", "210422");
        List<UUID> members = register("210422100201", HouseholdCategory.OUT_OF_POVERTY, "FULL", "NONE");
        UUID householdId = householdOf(members.get(0));
        String nearPost = createPost(officer, "210422100201", 2, "1000.00");
        createPost(officer, "210422200301", 2, "1200.00");
        UUID assignmentId = UUID.randomUUID();
        RiskAlertRaised alert = new RiskAlertRaised(UUID.randomUUID(), householdId, "210422100201",
                List.of(RiskType.UNSTABLE_EMPLOYMENT), "务工就业不稳", Instant.now(),
                List.of(new RiskAlertRaised.Assignment(assignmentId, Bureau.HUMAN_RESOURCES, LocalDate.now().plusDays(15))));
        bus.publish(Topics.MONITORING_RISK_ALERT, EventEnvelope.of("monitoring", householdId.toString(), "210422100201", alert));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from platform.received_alert where alert_id = :a")
                .param("a", alert.alertId()).query(Long.class).single() == 1);

        mvc.perform(get("/api/employment/alerts/" + alert.alertId() + "/suggestions").header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.labourers.length()").value(1))
                .andExpect(jsonPath("$.labourers[0]").value(members.get(0).toString()))
                .andExpect(jsonPath("$.posts.items[0].id").value(nearPost));
        hire(officer, nearPost, members.get(1), LocalDate.now()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("无劳动能力"));
        LocalDate hiredOn = LocalDate.now().withDayOfMonth(1).minusMonths(2);
        String holdingId = JsonPath.read(hire(officer, nearPost, members.get(0), hiredOn).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
        hire(officer, nearPost, members.get(0), hiredOn).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("已在岗"));

        MeasureApplied measure = bus.awaitEvent(Topics.EMPLOYMENT_MEASURE, householdId.toString(), MeasureApplied.class).data();
        assertThat(measure.measure()).isEqualTo("PUBLIC_WELFARE_POST");
        assertThat(measure.assignmentId()).isEqualTo(assignmentId);

        YearMonth first = YearMonth.from(hiredOn);
        // the hirer does not record the attendance that pays the holder; a second officer does
        attendance(officer, holdingId, first, 22).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("职责分离（四眼原则）"));
        attendance(payroll, holdingId, first.minusMonths(1), 20).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("不在岗"));
        attendance(payroll, holdingId, first, 22).andExpect(status().isOk()).andExpect(jsonPath("$.subsidy").value(1000.00));
        attendance(payroll, holdingId, first.plusMonths(1), 15).andExpect(status().isOk())
                .andExpect(jsonPath("$.subsidy").value(750.00));
        attendance(payroll, holdingId, first.plusMonths(1), 20).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("已登记"));

        mvc.perform(post("/api/employment/holdings/" + holdingId + "/exit").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"exitedOn\":\"" + first.plusMonths(1).atEndOfMonth() + "\",\"reason\":\"外出务工，有序退岗\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.exitReason").value("外出务工，有序退岗"));
        attendance(payroll, holdingId, first.plusMonths(2), 20).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/employment/posts").header("Authorization", officer))
                .andExpect(jsonPath("$.items[?(@.id == '" + nearPost + "')].holders").value(0));
        // hired again on or before the exit would pay that month twice: refused; the next day is fine
        hire(officer, nearPost, members.get(0), first.plusMonths(1).atEndOfMonth()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("日期有误"));
        String again = JsonPath.read(hire(officer, nearPost, members.get(0), first.plusMonths(2).atDay(1))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        attendance(payroll, again, first.plusMonths(1), 20).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("不在岗"));
        // a person of another county is not hired on this county's post
        UUID stranger = register("210423100201", HouseholdCategory.ORDINARY, "FULL").get(0);
        hire(officer, nearPost, stranger, LocalDate.now()).andExpect(status().isNotFound());
        mvc.perform(get("/api/employment/posts").header("Authorization", officer))
                .andExpect(jsonPath("$.items[?(@.id == '" + nearPost + "')].holders").value(1));
        mvc.perform(get("/api/employment/alerts/" + alert.alertId() + "/suggestions").header("Authorization", token("210423")))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldSignalAJobLostOnceAndListPensionPremiumsPaidOnBehalf() throws Exception {
        String officer = token("210423");
        List<UUID> worker = register("210423100201", HouseholdCategory.ORDINARY, "FULL");
        UUID workerHousehold = householdOf(worker.get(0));
        employmentStatus(officer, worker.get(0), "EMPLOYED").andExpect(status().isOk());
        double signalled = signalsCounted();
        employmentStatus(officer, worker.get(0), "LOST_JOB").andExpect(status().isOk())
                .andExpect(jsonPath("$.employmentStatus").value("LOST_JOB"));
        employmentStatus(officer, worker.get(0), "LOST_JOB").andExpect(status().isOk());
        assertThat(signalsCounted()).as("platform_signals_published_total: once per change").isEqualTo(signalled + 1);
        RiskSignalObserved signal = bus.awaitEvent(Topics.EMPLOYMENT_SIGNAL, workerHousehold.toString(),
                RiskSignalObserved.class).data();
        assertThat(signal.riskType()).isEqualTo(RiskType.UNSTABLE_EMPLOYMENT);
        assertThat(jdbc.sql("select count(*) from outbox_event where aggregateid = :h and type = 'RiskSignalObserved'")
                .param("h", workerHousehold.toString()).query(Long.class).single()).isEqualTo(1);

        UUID dibaoPerson = register("210423100202", HouseholdCategory.MARGINAL, "PARTIAL").get(0);
        UUID dibaoHousehold = householdOf(dibaoPerson);
        bus.publish(Topics.SOCIAL_ASSISTANCE_STATUS, EventEnvelope.of("social-assistance", dibaoHousehold.toString(),
                "210423100202", new AssistanceStatusChanged(UUID.randomUUID(), dibaoHousehold, "210423100202",
                        AssistanceStatusChanged.Programme.DIBAO, AssistanceStatusChanged.Status.GRANTED,
                        List.of(new AssistanceStatusChanged.Person(dibaoPerson, ref(dibaoPerson))), new BigDecimal("520"),
                        LocalDate.now().withDayOfMonth(1), "低保批准", Instant.now())));
        UUID monitoredPerson = register("210423100203", HouseholdCategory.MARGINAL, "FULL").get(0);
        UUID monitoredHousehold = householdOf(monitoredPerson);
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", monitoredHousehold.toString(), "210423100203",
                new HouseholdMonitored(monitoredHousehold, "210423100203", HouseholdCategory.SUDDEN_SEVERE_DIFFICULTY,
                        List.of(RiskType.ACCIDENT), UUID.randomUUID(), Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.sql("select count(*) from assisted_person where person_ref = :r").param("r", ref(dibaoPerson))
                        .query(Long.class).single() == 1
                        && jdbc.sql("select count(*) from household_category where household_id = :h and monitored_from is not null")
                        .param("h", monitoredHousehold).query(Long.class).single() == 1);

        int year = LocalDate.now().getYear();
        mvc.perform(get("/api/employment/pension-premiums?county=210423&year=" + year).header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + dibaoHousehold + "')].basis").value("低保对象"))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + monitoredHousehold + "')].basis")
                        .value("返贫致贫人口（监测对象）"))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.totalAmount").value(400.00));
        byte[] xlsx = mvc.perform(get("/api/employment/pension-premiums.xlsx?county=210423&year=" + year)
                .header("Authorization", officer)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(3).getStringCellValue()).isEqualTo("代缴依据");
            assertThat(workbook.getSheetAt(0).getRow(4).getCell(4).getNumericCellValue()).isEqualTo(400.0);
        }
        mvc.perform(get("/api/employment/pension-premiums?county=210423&year=" + year).header("Authorization", token("210422")))
                .andExpect(status().isNotFound());
        employmentStatus(officer, worker.get(0), "RETIRED").andExpect(status().isBadRequest());
    }

    @Test
    void shouldListPeopleOfInsurableAgeOfHouseholdsRegisteredStraightIntoAMonitoringCategory() throws Exception {
        String officer = token("210411");
        int year = LocalDate.now().getYear();
        // registered as 边缘易致贫户 (no procedure): monitored from registration; ages reached this year 16, 15, 59, 60, unknown
        List<UUID> marginal = register("210411100201", HouseholdCategory.MARGINAL, false,
                new String[] {"FULL", "NONE", "FULL", "PARTIAL", "FULL"},
                new Integer[] {year - 16, year - 15, year - 59, year - 60, null});
        UUID marginalHousehold = householdOf(marginal.get(0));
        // out of poverty but not monitored, and a flagged 脱贫不享受政策户 registered as marginal: no basis
        register("210411100202", HouseholdCategory.OUT_OF_POVERTY, false, new String[] {"FULL"}, new Integer[] {1980});
        UUID flagged = householdOf(register("210411100203", HouseholdCategory.MARGINAL, true, new String[] {"FULL"},
                new Integer[] {1980}).get(0));

        mvc.perform(get("/api/employment/pension-premiums?county=210411&year=" + year).header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.minAge").value(16))
                .andExpect(jsonPath("$.pensionAge").value(60))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[*].householdId").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is(marginalHousehold.toString()))))
                .andExpect(jsonPath("$.items[*].ageInYear").value(org.hamcrest.Matchers.containsInAnyOrder(16, 59)))
                .andExpect(jsonPath("$.items[0].basis").value("返贫致贫人口（监测对象）"))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + flagged + "')]").isEmpty())
                .andExpect(jsonPath("$.ageUnknown").value(1))
                .andExpect(jsonPath("$.parameterVersions").value(org.hamcrest.Matchers.hasItems(
                        "employment.pension.min-age[*]@2021-01-01", "employment.pension.pension-age[*]@2021-01-01")));
        // the year before registration: not yet monitored, so nobody
        mvc.perform(get("/api/employment/pension-premiums?county=210411&year=" + (year - 1)).header("Authorization", officer))
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void shouldApplyHouseholdChangesOnceEachInRevisionOrderAndFollowAMoveToAnotherCounty() throws Exception {
        String xinbin = token("210422");
        String fushunCounty = token("210421");
        HouseholdRegistered registered = registeredHousehold("210422100201", HouseholdCategory.MARGINAL,
                "FULL", "FULL", "NONE");
        UUID householdId = registered.householdId();
        UUID onAPost = registered.members().get(0).personId();
        UUID spouse = registered.members().get(1).personId();
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", householdId.toString(), "210422100201",
                new HouseholdMonitored(householdId, "210422100201", HouseholdCategory.MARGINAL,
                        List.of(RiskType.UNSTABLE_EMPLOYMENT), UUID.randomUUID(),
                        Instant.now().minus(Duration.ofDays(800)))));
        RiskAlertRaised alert = new RiskAlertRaised(UUID.randomUUID(), householdId, "210422100201",
                List.of(RiskType.UNSTABLE_EMPLOYMENT), "务工就业不稳", Instant.now(),
                List.of(new RiskAlertRaised.Assignment(UUID.randomUUID(), Bureau.HUMAN_RESOURCES, LocalDate.now().plusDays(15))));
        bus.publish(Topics.MONITORING_RISK_ALERT, EventEnvelope.of("monitoring", householdId.toString(), "210422100201", alert));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                        select count(*) from platform.received_alert r join household_category c on c.household_id = r.household_id
                        where r.alert_id = :a and c.monitored_from is not null""")
                .param("a", alert.alertId()).query(Long.class).single() == 1);
        String post = createPost(xinbin, "210422100201", 2, "900.00");
        LocalDate hiredOn = LocalDate.now().withDayOfMonth(1).minusMonths(3);
        String holdingId = JsonPath.read(hire(xinbin, post, onAPost, hiredOn).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
        YearMonth paid = YearMonth.from(hiredOn).plusMonths(1);
        attendance(officer("payroll-210422", "210422"), holdingId, paid, 20).andExpect(status().isOk());
        suggestions(xinbin, alert.alertId()).andExpect(jsonPath("$.labourers.length()").value(1))
                .andExpect(jsonPath("$.labourers[0]").value(spouse.toString()));

        // the member on the post died before a month already paid: exited with that month, which stays paid
        HouseholdChanges changes = HouseholdChanges.of(registered);
        LocalDate died = paid.atDay(1).minusDays(5);
        HouseholdChanged death = changes.memberLeft(onAPost, HouseholdChanged.Reason.DEATH, died);
        EventEnvelope<HouseholdChanged> deathEvent = HouseholdChanges.envelope(death);
        bus.publish(Topics.MONITORING_HOUSEHOLD, deathEvent);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> people(xinbin, householdId)
                .andExpect(jsonPath("$[?(@.personId == '" + onAPost + "')].memberStatus").value("LEFT"))
                .andExpect(jsonPath("$[?(@.personId == '" + onAPost + "')].leftOn").value(died.toString())));
        assertThat(jdbc.sql("select exited_on from post_holding where id = :h").param("h", UUID.fromString(holdingId))
                .query(LocalDate.class).single()).isEqualTo(paid.atDay(1));
        assertThat(jdbc.sql("select count(*) from attendance where holding_id = :h").param("h", UUID.fromString(holdingId))
                .query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/employment/posts").header("Authorization", xinbin))
                .andExpect(jsonPath("$.items[?(@.id == '" + post + "')].holders").value(0));
        // off a post, but gone: neither suggested nor hired
        suggestions(xinbin, alert.alertId()).andExpect(jsonPath("$.labourers.length()").value(1))
                .andExpect(jsonPath("$.labourers[0]").value(spouse.toString()));
        hire(xinbin, post, onAPost, LocalDate.now()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("已离户"));
        int year = died.getYear();
        String deceasedMasked = registered.members().get(0).maskedIdNumber();
        mvc.perform(get("/api/employment/pension-premiums?county=210422&year=" + year).header("Authorization", xinbin))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')].maskedIdNumber",
                        hasItem(deceasedMasked)));
        mvc.perform(get("/api/employment/pension-premiums?county=210422&year=" + (year + 1)).header("Authorization", xinbin))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')].maskedIdNumber",
                        containsInAnyOrder(registered.members().get(1).maskedIdNumber(),
                                registered.members().get(2).maskedIdNumber())));

        // a son back home is a labourer; then the household moves to Fushun county
        UUID son = UUID.randomUUID();
        HouseholdChanged back = changes.memberAdded(son, ref(son), "成员3", "子女", "FULL", 2000,
                HouseholdChanged.Reason.RETURN, LocalDate.now());
        bus.publish(Topics.MONITORING_HOUSEHOLD, HouseholdChanges.envelope(back));
        HouseholdChanged moved = changes.movedTo("210421100201", LocalDate.now());
        EventEnvelope<HouseholdChanged> moveEvent = HouseholdChanges.envelope(moved);
        bus.publish(Topics.MONITORING_HOUSEHOLD, moveEvent);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> people(fushunCounty, householdId)
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(4)));
        people(xinbin, householdId).andExpect(status().isNotFound());
        suggestions(xinbin, alert.alertId()).andExpect(status().isNotFound());
        suggestions(fushunCounty, alert.alertId()).andExpect(status().isOk())
                .andExpect(jsonPath("$.labourers", containsInAnyOrder(spouse.toString(), son.toString())));
        mvc.perform(get("/api/employment/pension-premiums?county=210421&year=" + (year + 1)).header("Authorization", fushunCounty))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')]", hasSize(3)));
        mvc.perform(get("/api/employment/pension-premiums?county=210422&year=" + (year + 1)).header("Authorization", xinbin))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')]", hasSize(0)));

        // the move delivered again, the death replayed under a new event id (older revision), and the
        // move's revision again with other content: none of them changes anything
        bus.publish(Topics.MONITORING_HOUSEHOLD, moveEvent);
        bus.publish(Topics.MONITORING_HOUSEHOLD, HouseholdChanges.envelope(death));
        HouseholdChanged sameRevision = new HouseholdChanged(householdId, moved.revision(), moved.kind(), moved.reason(),
                moved.effectiveOn(), null, "210422100201", "210421100201", HouseholdCategory.ORDINARY, true,
                moved.headName(), moved.members(), Instant.now());
        EventEnvelope<HouseholdChanged> last = HouseholdChanges.envelope(sameRevision);
        bus.publish(Topics.MONITORING_HOUSEHOLD, last);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from inbox_event where event_id = :e")
                .param("e", last.eventId()).query(Long.class).single() == 1);
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = :e").param("e", moveEvent.eventId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select revision, category from household_category where household_id = :h")
                .param("h", householdId).query((rs, n) -> rs.getInt(1) + " " + rs.getString(2)).single())
                .isEqualTo("3 MARGINAL");
        assertThat(jdbc.sql("select distinct division_code from person where household_id = :h").param("h", householdId)
                .query(String.class).list()).containsExactly("210421100201");
        people(xinbin, householdId).andExpect(status().isNotFound());
        people(fushunCounty, householdId).andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[?(@.memberStatus == 'LEFT')].personId").value(onAPost.toString()));
    }

    @Test
    void shouldRefuseTheAttendanceToTheOfficerWhoHiredTheHolder() throws Exception {
        String hirer = officer("hirer-210403", "210403");
        String payroll = officer("payroll-210403", "210403");
        UUID person = register("210403100201", HouseholdCategory.MARGINAL, "FULL").get(0);
        String post = createPost(hirer, "210403100201", 2, "800.00");
        String holdingId = JsonPath.read(hire(hirer, post, person, LocalDate.now().withDayOfMonth(1).minusMonths(1))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.hiredBy").value("hirer-210403"))
                .andReturn().getResponse().getContentAsString(), "$.id");
        YearMonth month = YearMonth.now().minusMonths(1);

        // the usernames compared as Keycloak compares them, ignoring case
        for (String sameOfficer : List.of(hirer, officer("Hirer-210403", "210403"))) {
            attendance(sameOfficer, holdingId, month, 20).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("职责分离（四眼原则）"))
                    .andExpect(jsonPath("$.detail").value(allOf(
                            containsString("该岗位人员由您本人聘用，您不能再登记考勤：考勤须由聘用人以外的人登记"),
                            containsString("You made this hire yourself, so you cannot record attendance on it"))));
        }
        assertThat(jdbc.sql("select count(*) from attendance where holding_id = :h").param("h", UUID.fromString(holdingId))
                .query(Long.class).single()).isZero();

        attendance(payroll, holdingId, month, 20).andExpect(status().isOk()).andExpect(jsonPath("$.subsidy").value(800.00));
        assertThat(jdbc.sql("select recorded_by from attendance where holding_id = :h").param("h", UUID.fromString(holdingId))
                .query(String.class).single()).isEqualTo("payroll-210403");
    }

    @Test
    void shouldLetThePostsCreatorRecordTheAttendanceOfSomeoneElsesHire() throws Exception {
        String creator = officer("creator-210403", "210403");
        String hirer = officer("hirer-210403", "210403");
        UUID person = register("210403100202", HouseholdCategory.OUT_OF_POVERTY, "FULL").get(0);
        String post = createPost(creator, "210403100202", 1, "600.00");
        String holdingId = JsonPath.read(hire(hirer, post, person, LocalDate.now().withDayOfMonth(1))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

        // the pair is the hire and the attendance: creating the post pays nobody
        attendance(creator, holdingId, YearMonth.now(), 10).andExpect(status().isOk())
                .andExpect(jsonPath("$.subsidy").value(300.00));
        attendance(hirer, holdingId, YearMonth.now(), 10).andExpect(status().isForbidden());
    }

    /**
     * The human resources bureau's monthly feed (报送完整性): a month's attendance counts for the post's
     * county and that month, on time before the 5th of the next; the month is checked and published
     * once. March 2025 in 顺城区, which no other test uses.
     */
    @Test
    void shouldCountAttendanceInTheFeedAndPublishTheMissedDeadlineOnceWhenCheckedTwice() throws Exception {
        try {
            clock.set(LocalDate.of(2025, 4, 2).atTime(10, 0).atZone(fushun.platform.PlatformTime.CHINA).toInstant());
            String hirer = officer("hirer-210411", "210411");
            // out of poverty, not monitored: outside the county's pension roster another test counts
            UUID person = register("210411100209", HouseholdCategory.OUT_OF_POVERTY, "FULL").get(0);
            String post = createPost(hirer, "210411100209", 1, "800.00");
            String holdingId = JsonPath.read(hire(hirer, post, person, LocalDate.of(2025, 3, 1))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
            attendance(officer("payroll-210411", "210411"), holdingId, YearMonth.of(2025, 3), 20)
                    .andExpect(status().isOk());

            clock.set(LocalDate.of(2025, 4, 6).atTime(10, 0).atZone(fushun.platform.PlatformTime.CHINA).toInstant());
            List<FeedDeadlineMissed> first = feeds.check(YearMonth.of(2025, 3));
            List<FeedDeadlineMissed> again = feeds.check(YearMonth.of(2025, 3));

            assertThat(first).singleElement().satisfies(missed -> {
                assertThat(missed.bureau()).isEqualTo(Bureau.HUMAN_RESOURCES);
                assertThat(missed.missingCounties()).containsExactly("210402", "210403", "210404", "210421", "210422",
                        "210423");
            });
            assertThat(again).isEmpty();
            assertThat(bus.awaitEvent(Topics.EMPLOYMENT_FEED, "2025-03/HUMAN_RESOURCES", FeedDeadlineMissed.class)
                    .data().month()).isEqualTo("2025-03");
            assertThat(jdbc.sql("select count(*) from outbox_event where topic = :t and type = 'FeedDeadlineMissed'")
                    .param("t", Topics.EMPLOYMENT_FEED)
                    .query(Long.class).single()).isEqualTo(1);
            mvc.perform(get("/api/employment/feeds?bureau=HUMAN_RESOURCES&month=2025-03&page=0&size=4")
                            .header("Authorization", token("210411")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items[0].state").value("ON_TIME"));
        } finally {
            clock.reset();
        }
    }

    @Test
    void shouldPagePostsHoldingsAndSuggestionsWithTheirTotals() throws Exception {
        // 望花区 is this test's alone: every row counted below is its own
        String officer = token("210404");
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posts.add(createPost(officer, "210404100201", 3, "800.00"));
        }
        assertThat(paged("/api/employment/posts", officer, "$", "id", 2, 3)).containsExactlyInAnyOrderElementsOf(posts);

        List<UUID> people = register("210404100201", HouseholdCategory.MARGINAL, "FULL", "FULL", "FULL");
        for (UUID person : people) {
            hire(officer, posts.get(0), person, LocalDate.now()).andExpect(status().isCreated());
        }
        assertThat(paged("/api/employment/posts/" + posts.get(0) + "/holdings", officer, "$", "personId", 2, 3))
                .containsExactlyInAnyOrderElementsOf(people.stream().map(UUID::toString).toList());

        // the first post is full: the other two are suggested, a page at a time
        UUID householdId = householdOf(people.get(0));
        RiskAlertRaised alert = new RiskAlertRaised(UUID.randomUUID(), householdId, "210404100201",
                List.of(RiskType.UNSTABLE_EMPLOYMENT), "务工就业不稳", Instant.now(),
                List.of(new RiskAlertRaised.Assignment(UUID.randomUUID(), Bureau.HUMAN_RESOURCES, LocalDate.now().plusDays(15))));
        bus.publish(Topics.MONITORING_RISK_ALERT, EventEnvelope.of("monitoring", householdId.toString(), "210404100201", alert));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from platform.received_alert where alert_id = :a")
                .param("a", alert.alertId()).query(Long.class).single() == 1);
        assertThat(paged("/api/employment/alerts/" + alert.alertId() + "/suggestions", officer, "$.posts", "id", 1, 2))
                .containsExactlyInAnyOrder(posts.get(1), posts.get(2));

        mvc.perform(get("/api/employment/posts?size=0").header("Authorization", officer))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页至少1条"));
        mvc.perform(get("/api/employment/posts/" + posts.get(0) + "/holdings?size=100000").header("Authorization", officer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页最多500条"));
        suggestions(officer, alert.alertId(), "?size=201").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页最多200条"));
    }

    @Test
    void shouldPageThePensionRosterAndExportEveryEntryWithTheSameTotals() throws Exception {
        // 新抚区 is this test's alone: two monitored households of three people of insurable age, and one
        // person whose year of birth is not known
        String officer = token("210402");
        int year = LocalDate.now().getYear();
        for (String village : List.of("210402100201", "210402100202")) {
            register(village, HouseholdCategory.MARGINAL, false, new String[] {"FULL", "FULL", "NONE"},
                    new Integer[] {1980, 1985, 2000});
        }
        register("210402100203", HouseholdCategory.MARGINAL, false, new String[] {"FULL"}, new Integer[] {null});
        String roster = "/api/employment/pension-premiums?county=210402&year=" + year;

        List<String> entries = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal totalAmount = null;
        for (int page = 0; page < 2; page++) {
            String body = mvc.perform(get(roster + "&size=4&page=" + page).header("Authorization", officer))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(6))
                    .andExpect(jsonPath("$.page").value(page))
                    .andExpect(jsonPath("$.size").value(4))
                    .andExpect(jsonPath("$.ageUnknown").value(1))
                    .andExpect(jsonPath("$.items.length()").value(page == 0 ? 4 : 2))
                    .andReturn().getResponse().getContentAsString();
            List<String> households = JsonPath.read(body, "$.items[*].householdId");
            List<String> masked = JsonPath.read(body, "$.items[*].maskedIdNumber");
            for (int i = 0; i < households.size(); i++) {
                entries.add(households.get(i) + " " + masked.get(i));
            }
            for (Number amount : JsonPath.<List<Number>>read(body, "$.items[*].amount")) {
                sum = sum.add(new BigDecimal(amount.toString()));
            }
            totalAmount = new BigDecimal(JsonPath.<Number>read(body, "$.totalAmount").toString());
        }
        assertThat(entries).hasSize(6).doesNotHaveDuplicates();
        assertThat(totalAmount).isEqualByComparingTo(sum).isPositive();

        byte[] xlsx = mvc.perform(get("/api/employment/pension-premiums.xlsx?county=210402&year=" + year)
                        .header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            List<String> rows = new ArrayList<>();
            for (int r = 1; r <= 6; r++) {
                rows.add(sheet.getRow(r).getCell(1).getStringCellValue() + " " + sheet.getRow(r).getCell(2).getStringCellValue());
            }
            assertThat(rows).containsExactlyElementsOf(entries);
            assertThat(sheet.getRow(7)).as("a blank row before the footer").isNull();
            assertThat(sheet.getRow(8).getCell(2).getStringCellValue()).isEqualTo("6 人");
            assertThat(BigDecimal.valueOf(sheet.getRow(8).getCell(4).getNumericCellValue())).isEqualByComparingTo(totalAmount);
            assertThat(sheet.getRow(10).getCell(0).getStringCellValue()).isEqualTo("出生年份不详未列入 1 人，请核实");
        }

        mvc.perform(get(roster + "&size=501").header("Authorization", officer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页最多500条"));
        mvc.perform(get(roster + "&page=-1").header("Authorization", officer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'page')].message").value("页码不能为负"));
    }

    // ---- helpers ----

    /**
     * Reads a list two pages of {@code size} long, checking the total on each and that the second
     * holds the rest; {@code field} of both pages' items, in order. {@code at}: where the page is in
     * the answer.
     */
    private List<String> paged(String path, String token, String at, String field, int size, int total) throws Exception {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            String body = mvc.perform(get(path + "?page=" + page + "&size=" + size).header("Authorization", token))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath(at + ".total").value(total))
                    .andExpect(jsonPath(at + ".page").value(page))
                    .andReturn().getResponse().getContentAsString();
            List<String> values = JsonPath.read(body, at + ".items[*]." + field);
            assertThat(values).hasSize(page == 0 ? size : total - size);
            seen.addAll(values);
        }
        assertThat(seen).doesNotHaveDuplicates();
        return seen;
    }

    private static String token(String county) {
        return officer("hr-" + county, county);
    }

    private static String officer(String username, String county) {
        return "Bearer " + TestTokens.user(username, county, "hr-officer");
    }

    private static String ref(UUID person) {
        return (person.toString().replace("-", "") + person.toString().replace("-", "")).substring(0, 64);
    }

    /** Registers a household whose members have these capacities (all born in 1980); returns their person ids. */
    private List<UUID> register(String village, HouseholdCategory category, String... capacities) throws Exception {
        Integer[] born = new Integer[capacities.length];
        java.util.Arrays.fill(born, 1980);
        return register(village, category, false, capacities, born);
    }

    /** Registers a household whose members have these capacities and years of birth (null: not known). */
    private List<UUID> register(String village, HouseholdCategory category, boolean notEntitledToPolicy,
                                String[] capacities, Integer[] birthYears) throws Exception {
        UUID householdId = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        List<HouseholdRegistered.Member> members = new ArrayList<>();
        for (int i = 0; i < capacities.length; i++) {
            UUID person = UUID.randomUUID();
            ids.add(person);
            members.add(new HouseholdRegistered.Member(person, ref(person), "成员" + i, "2104**********000" + i,
                    i == 0 ? "户主" : "子女", capacities[i], birthYears[i]));
        }
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", householdId.toString(), village,
                new HouseholdRegistered(householdId, village, category, notEntitledToPolicy, "成员0", members)));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from person where household_id = :h")
                .param("h", householdId).query(Long.class).single() == capacities.length);
        return ids;
    }

    private HouseholdRegistered registeredHousehold(String village, HouseholdCategory category, String... capacities)
            throws Exception {
        List<UUID> ids = register(village, category, capacities);
        UUID householdId = householdOf(ids.get(0));
        List<HouseholdRegistered.Member> members = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            members.add(new HouseholdRegistered.Member(ids.get(i), ref(ids.get(i)), "成员" + i, "2104**********000" + i,
                    i == 0 ? "户主" : "子女", capacities[i], 1980));
        }
        return new HouseholdRegistered(householdId, village, category, false, "成员0", members);
    }

    private ResultActions people(String officer, UUID householdId) throws Exception {
        return mvc.perform(get("/api/employment/households/" + householdId + "/people").header("Authorization", officer));
    }

    private ResultActions suggestions(String officer, UUID alertId) throws Exception {
        return suggestions(officer, alertId, "");
    }

    private ResultActions suggestions(String officer, UUID alertId, String query) throws Exception {
        return mvc.perform(get("/api/employment/alerts/" + alertId + "/suggestions" + query).header("Authorization", officer));
    }

    private UUID householdOf(UUID person) {
        return jdbc.sql("select household_id from person where person_id = :p").param("p", person).query(UUID.class).single();
    }

    private String createPost(String officer, String village, int seats, String subsidy) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/employment/posts").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"village":"%s","postType":"护林员","seats":%d,"monthlySubsidy":%s}""".formatted(village, seats, subsidy)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private ResultActions hire(String officer, String postId, UUID person, LocalDate on) throws Exception {
        return mvc.perform(post("/api/employment/posts/" + postId + "/hires").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content("{\"personId\":\"" + person + "\",\"hiredOn\":\"" + on + "\"}"));
    }

    private ResultActions attendance(String officer, String holdingId, YearMonth month, int days) throws Exception {
        return mvc.perform(post("/api/employment/holdings/" + holdingId + "/attendance").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content("{\"month\":\"" + month + "\",\"daysWorked\":" + days + "}"));
    }

    private ResultActions employmentStatus(String officer, UUID person, String value) throws Exception {
        return mvc.perform(put("/api/employment/people/" + person + "/employment-status").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"" + value + "\",\"since\":\"" + LocalDate.now() + "\"}"));
    }

    /** Every jurisdiction query can use an index under this (non-C) collation, as in production. */
    @Test
    void shouldServeJurisdictionPrefixesFromIndexes() {
        fushun.platform.testsupport.DivisionIndexes.assertPrefixServedByIndex(jdbc, transactionTemplate,
                java.util.List.of("person", "platform.received_alert", "welfare_post"));
    }
}
