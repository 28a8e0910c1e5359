package fushun.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fushun.contracts.Bureau;
import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.Topics;
import fushun.contracts.feed.MonthlyTotals;
import fushun.contracts.monitoring.DisabilityRegistered;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.employment.pension.PensionPremiums;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.HouseholdChanges;
import fushun.platform.testsupport.MovableClock;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A county's month of post subsidies and the year's pension premiums paid on behalf, published as
 * {@link MonthlyTotals} for the December report in the transaction that changed them, with the
 * service's own answers' figures; nothing when a request is refused or the figures stay as they were.
 * 东洲区 (210403) in 2024 and 2025, where no other test counts posts, holdings, rosters or months paid;
 * real broker and PostgreSQL.
 */
@ServiceIntegrationTest
class EmploymentTotalsIT {

    private static final String COUNTY = "210403";
    private static final YearMonth JANUARY = YearMonth.of(2025, 1);
    private static final YearMonth FEBRUARY = YearMonth.of(2025, 2);

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired MovableClock clock;
    @Autowired PensionPremiums pensions;
    @Autowired TransactionTemplate transactions;

    @Test
    void shouldPublishTheMonthsPaymentsAsTheServiceAnswersThemAndNothingWhenRefusedOrUnchanged() throws Exception {
        String hirer = officer("totals-hirer");
        String payroll = officer("totals-payroll");
        Instant counted = Instant.parse("2025-01-20T02:00:00Z");
        try {
            // the service's clock, not the machine's, says when the month was counted
            clock.set(counted);
            // a household registered into a monitoring category: its two adults are on 2025's roster, the child is not
            List<UUID> people = register("210403100221", HouseholdCategory.MARGINAL, List.of("FULL", "PARTIAL", "NONE"),
                    List.of(1980, 1985, 2015));
            MonthlyTotals january = bus.awaitEvent(Topics.EMPLOYMENT_FEED, key(JANUARY), MonthlyTotals.class).data();
            assertThat(january.computedAt()).isBetween(counted, counted.plus(Duration.ofMinutes(5)));
            assertThat(january.bureau()).isEqualTo(Bureau.HUMAN_RESOURCES);
            assertThat(january.items()).extracting(MonthlyTotals.Item::code).containsExactly("PENSION_PREMIUM");
            assertPremiumsAsTheRosterLists(january, 2, 1);

            // a household nobody pays premiums for changes no figure: nothing is published
            long published = published(JANUARY);
            UUID ordinary = register("210403100222", HouseholdCategory.ORDINARY, List.of("FULL"), List.of(1980)).get(0);
            assertThat(published(JANUARY)).isEqualTo(published);

            // dibao granted (since 2019, before the premium parameters: that year has no roster to count) puts
            // them on 2025's roster: January is published again, as the roster now lists it
            Instant granted = clock.instant();
            UUID ordinaryHousehold = jdbc.sql("select household_id from person where person_id = :p").param("p", ordinary)
                    .query(UUID.class).single();
            bus.publish(Topics.SOCIAL_ASSISTANCE_STATUS, EventEnvelope.of("social-assistance", ordinaryHousehold.toString(),
                    "210403100222", new AssistanceStatusChanged(UUID.randomUUID(), ordinaryHousehold, "210403100222",
                            AssistanceStatusChanged.Programme.DIBAO, AssistanceStatusChanged.Status.GRANTED,
                            List.of(new AssistanceStatusChanged.Person(ordinary, ref(ordinary))), new BigDecimal("520"),
                            LocalDate.of(2019, 6, 1), "低保批准", granted)));
            MonthlyTotals withDibao = bus.awaitEvent(Topics.EMPLOYMENT_FEED, key(JANUARY), MonthlyTotals.class,
                    t -> !t.computedAt().isBefore(granted)).data();
            assertPremiumsAsTheRosterLists(withDibao, 3, 2);
            published = published(JANUARY);
            assertThat(jdbc.sql("select count(*) from outbox_event where topic = :t and aggregateid like '%/2019-%'")
                    .param("t", Topics.EMPLOYMENT_FEED).query(Long.class).single()).isZero();

            String post = createPost(hirer, "210403100221", 2, "800.00");
            String holding = JsonPath.read(hire(hirer, post, people.get(0), JANUARY.atDay(2))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
            // refused (four eyes: the hirer), and a month to come: nothing recorded, nothing published
            attendance(hirer, holding, JANUARY, 20).andExpect(status().isForbidden());
            attendance(payroll, holding, FEBRUARY, 20).andExpect(status().is4xxClientError());
            assertThat(published(JANUARY)).isEqualTo(published);
            assertThat(published(FEBRUARY)).isZero();

            Instant recorded = clock.instant();
            BigDecimal subsidy = subsidyOf(attendance(payroll, holding, JANUARY, 20).andExpect(status().isOk()));
            EventEnvelope<MonthlyTotals> paid = bus.awaitEvent(Topics.EMPLOYMENT_FEED, key(JANUARY), MonthlyTotals.class,
                    t -> !t.computedAt().isBefore(recorded));
            assertThat(paid.divisionCode()).isEqualTo(COUNTY);
            assertThat(paid.data().county()).isEqualTo(COUNTY);
            assertThat(paid.data().month()).isEqualTo("2025-01");
            assertThat(paid.data().items()).extracting(MonthlyTotals.Item::code)
                    .containsExactly("POST_SUBSIDY", "PENSION_PREMIUM");
            assertThat(paid.data().items().get(0)).satisfies(item -> {
                assertThat(item.label()).isEqualTo("公益性岗位补贴");
                assertThat(item.households()).isEqualTo(1);
                assertThat(item.persons()).isEqualTo(1);
                assertThat(item.amount()).isEqualByComparingTo(subsidy).isEqualByComparingTo("800");
            });
            assertPremiumsAsTheRosterLists(paid.data(), 3, 2);
            assertThat(published(JANUARY)).isEqualTo(published + 1);

            // the month recorded twice is refused: nothing again
            attendance(payroll, holding, JANUARY, 22).andExpect(status().isUnprocessableContent());
            assertThat(published(JANUARY)).isEqualTo(published + 1);

            // February carries only its subsidies: the year's premiums stay January's
            clock.set(Instant.parse("2025-02-25T02:00:00Z"));
            BigDecimal february = subsidyOf(attendance(payroll, holding, FEBRUARY, 12).andExpect(status().isOk()));
            MonthlyTotals feb = bus.awaitEvent(Topics.EMPLOYMENT_FEED, key(FEBRUARY), MonthlyTotals.class).data();
            assertThat(feb.items()).singleElement().satisfies(item -> {
                assertThat(item.code()).isEqualTo("POST_SUBSIDY");
                assertThat(item.persons()).isEqualTo(1);
                assertThat(item.amount()).isEqualByComparingTo(february).isEqualByComparingTo("480");
            });
            assertThat(published(JANUARY)).isEqualTo(published + 1);
        } finally {
            clock.reset();
        }
    }

    /**
     * The roster counted in one statement lists whom the roster lists, person by person: ages at the
     * edges and unknown, 脱贫不享受政策户, 特困 over part of a year, severely disabled people (重度残疾人), a member who left in December, for the
     * year before and this one. the same county: whatever else is there is compared too.
     */
    @Test
    void shouldCountTheRosterAsTheRosterListsIt() throws Exception {
        try {
            clock.set(Instant.parse("2025-06-01T02:00:00Z"));
            register("210403100211", HouseholdCategory.MARGINAL, false, List.of("FULL", "FULL", "PARTIAL", "FULL"),
                    Arrays.asList(2009, 1965, 1966, null));
            register("210403100212", HouseholdCategory.MARGINAL, true, List.of("FULL"), List.of(1980));
            HouseholdRegistered tekun = register("210403100213", HouseholdCategory.ORDINARY, false, List.of("FULL"),
                    List.of(1980));
            assistance(tekun, AssistanceStatusChanged.Programme.TEKUN, AssistanceStatusChanged.Status.GRANTED,
                    LocalDate.of(2024, 3, 1));
            assistance(tekun, AssistanceStatusChanged.Programme.TEKUN, AssistanceStatusChanged.Status.STOPPED,
                    LocalDate.of(2024, 9, 1));
            HouseholdRegistered dibao = register("210403100214", HouseholdCategory.ORDINARY, false, List.of("FULL", "FULL"),
                    List.of(1980, 1990));
            assistance(dibao, AssistanceStatusChanged.Programme.DIBAO, AssistanceStatusChanged.Status.GRANTED,
                    LocalDate.of(2023, 1, 1));
            UUID leaving = dibao.members().get(1).personId();
            bus.publish(Topics.MONITORING_HOUSEHOLD, HouseholdChanges.envelope(HouseholdChanges.of(dibao)
                    .memberLeft(leaving, HouseholdChanged.Reason.DEATH, LocalDate.of(2024, 12, 15))));
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                            "select count(*) from person where person_id = :p and left_on is not null")
                    .param("p", leaving).query(Long.class).single() == 1);
            // 残联's register: severe from 2025 (the 2012-born too young in both years), a flagged household's
            // member severe from 2024 (the flag does not take it away), and a dibao person severe too (once)
            HouseholdRegistered disabled = register("210403100215", HouseholdCategory.ORDINARY, false,
                    List.of("NONE", "NONE"), List.of(1975, 2012));
            severe(disabled, 0, LocalDate.of(2025, 3, 1));
            severe(disabled, 1, LocalDate.of(2025, 3, 1));
            severe(register("210403100216", HouseholdCategory.MARGINAL, true, List.of("NONE"), List.of(1982)), 0,
                    LocalDate.of(2024, 5, 1));
            severe(dibao, 0, LocalDate.of(2024, 1, 1));

            for (int year : List.of(2024, 2025)) {
                PensionPremiums.Coverage counted = transactions.execute(status -> pensions.coverage(COUNTY, year))
                        .orElseThrow();
                String roster = mvc.perform(get("/api/employment/pension-premiums?county=" + COUNTY + "&year=" + year
                                + "&size=500").header("Authorization", officer("hr-210403")))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                List<Object> households = JsonPath.read(roster, "$.items[*].householdId");
                assertThat(counted.persons()).as("people on %s's roster", year)
                        .isEqualTo(((Number) JsonPath.read(roster, "$.total")).longValue());
                assertThat(counted.households()).as("households on %s's roster", year)
                        .isEqualTo(households.stream().distinct().count());
                assertThat(counted.amount()).as("premiums of %s", year)
                        .isEqualByComparingTo(JsonPath.read(roster, "$.totalAmount").toString());
            }
        } finally {
            clock.reset();
        }
    }

    private void severe(HouseholdRegistered household, int member, LocalDate from) throws Exception {
        UUID person = household.members().get(member).personId();
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", household.householdId().toString(),
                household.divisionCode(), new DisabilityRegistered(household.householdId(), person, ref(person), true, from)));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from severe_disability where person_id = :p").param("p", person).query(Long.class).single() == 1);
    }

    private void assistance(HouseholdRegistered household, AssistanceStatusChanged.Programme programme,
                            AssistanceStatusChanged.Status status, LocalDate from) throws Exception {
        String ref = ref(household.members().get(0).personId());
        List<AssistanceStatusChanged.Person> persons = household.members().stream()
                .map(m -> new AssistanceStatusChanged.Person(m.personId(), ref(m.personId()))).toList();
        bus.publish(Topics.SOCIAL_ASSISTANCE_STATUS, EventEnvelope.of("social-assistance", household.householdId().toString(),
                household.divisionCode(), new AssistanceStatusChanged(UUID.randomUUID(), household.householdId(),
                        household.divisionCode(), programme, status, persons, new BigDecimal("520"), from, "测试",
                        clock.instant())));
        String applied = status == AssistanceStatusChanged.Status.STOPPED ? " and valid_to is not null" : "";
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select count(*) from assisted_person where person_ref = :r and programme = :programme" + applied)
                .param("r", ref).param("programme", programme.name()).query(Long.class).single() == 1);
    }

    /** The January line is the pension premiums list of 2025 for the county: its people, households and amount. */
    private void assertPremiumsAsTheRosterLists(MonthlyTotals totals, int persons, int households) throws Exception {
        String roster = mvc.perform(get("/api/employment/pension-premiums?county=" + COUNTY + "&year=2025&size=500")
                        .header("Authorization", officer("hr-210403")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> entries = JsonPath.read(roster, "$.items");
        long rosterHouseholds = entries.stream().map(e -> e.get("householdId")).distinct().count();
        long total = ((Number) JsonPath.read(roster, "$.total")).longValue();
        BigDecimal amount = new BigDecimal(JsonPath.read(roster, "$.totalAmount").toString());
        assertThat(total).isEqualTo(persons);
        assertThat(rosterHouseholds).isEqualTo(households);
        assertThat(totals.items()).filteredOn(i -> i.code().equals("PENSION_PREMIUM")).singleElement().satisfies(item -> {
            assertThat(item.label()).isEqualTo("代缴养老保险");
            assertThat(item.persons()).isEqualTo(total);
            assertThat(item.households()).isEqualTo(rosterHouseholds);
            assertThat(item.amount()).isEqualByComparingTo(amount);
        });
    }

    private long published(YearMonth month) {
        return jdbc.sql("select count(*) from outbox_event where topic = :t and aggregateid = :k and type = 'MonthlyTotals'")
                .param("t", Topics.EMPLOYMENT_FEED).param("k", key(month)).query(Long.class).single();
    }

    private static String key(YearMonth month) {
        return COUNTY + "/" + month + "/HUMAN_RESOURCES";
    }

    private static String officer(String username) {
        return "Bearer " + TestTokens.user(username, COUNTY, "hr-officer");
    }

    private static BigDecimal subsidyOf(ResultActions answer) throws Exception {
        return new BigDecimal(JsonPath.read(answer.andReturn().getResponse().getContentAsString(), "$.subsidy").toString());
    }

    private static String ref(UUID person) {
        return (person.toString().replace("-", "") + person.toString().replace("-", "")).substring(0, 64);
    }

    /** Registers a household on the service's clock (its monitoring starts that day); returns its people. */
    private List<UUID> register(String village, HouseholdCategory category, List<String> capacities,
                                List<Integer> birthYears) throws Exception {
        return register(village, category, false, capacities, birthYears).members().stream()
                .map(HouseholdRegistered.Member::personId).toList();
    }

    private HouseholdRegistered register(String village, HouseholdCategory category, boolean notEntitledToPolicy,
                                         List<String> capacities, List<Integer> birthYears) throws Exception {
        UUID householdId = UUID.randomUUID();
        List<HouseholdRegistered.Member> members = new ArrayList<>();
        for (int i = 0; i < capacities.size(); i++) {
            UUID person = UUID.randomUUID();
            members.add(new HouseholdRegistered.Member(person, ref(person), "成员" + i, "2104**********000" + i,
                    i == 0 ? "户主" : "家庭成员", capacities.get(i), birthYears.get(i)));
        }
        HouseholdRegistered registered = new HouseholdRegistered(householdId, village, category, notEntitledToPolicy,
                "成员0", members);
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", householdId.toString(), village,
                registered, clock.instant()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from person where household_id = :h")
                .param("h", householdId).query(Long.class).single() == capacities.size());
        return registered;
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
}
