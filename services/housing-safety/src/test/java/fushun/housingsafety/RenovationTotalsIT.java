package fushun.housingsafety;

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
import fushun.contracts.monitoring.HouseholdRegistered;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A county's month of renovations published as {@link MonthlyTotals} for the December report, in the
 * transaction of each start and completion; the figures are the renovations list's own. County 210423,
 * July to September 2025, which no other test uses; real broker and PostgreSQL.
 */
@ServiceIntegrationTest
class RenovationTotalsIT {

    private static final String COUNTY = "210423";
    private static final YearMonth JULY = YearMonth.of(2025, 7);
    private static final YearMonth AUGUST = YearMonth.of(2025, 8);
    private static final YearMonth SEPTEMBER = YearMonth.of(2025, 9);

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired MovableClock clock;

    @Test
    void shouldPublishTheMonthsOfStartsAndCompletionsAsTheRenovationsListStandsAndNothingWhenRefused() throws Exception {
        String appraiser = inspector("appraiser-210423");
        String starter = inspector("starter-210423");
        String acceptor = inspector("acceptor-210423");
        UUID rebuilt = register("210423100241");
        UUID repaired = register("210423100242");
        appraise(appraiser, rebuilt, "D").andExpect(status().isCreated());
        appraise(appraiser, repaired, "C").andExpect(status().isCreated());
        String rebuild = renovationOf(rebuilt);
        String repair = renovationOf(repaired);
        Instant counted = Instant.parse("2026-01-15T02:00:00Z");
        try {
            // the service's clock, not the machine's, says when the month was counted
            clock.set(counted);
            start(starter, rebuild, JULY.atDay(10)).andExpect(status().isOk());
            MonthlyTotals first = bus.awaitEvent(Topics.HOUSING_SAFETY_FEED, key(JULY), MonthlyTotals.class).data();
            assertThat(first.items()).singleElement().satisfies(item -> {
                assertThat(item.households()).isEqualTo(1);
                assertThat(item.amount()).isEqualByComparingTo("35000");
            });
            assertThat(first.computedAt()).isBetween(counted, counted.plus(Duration.ofMinutes(5)));

            Instant second = clock.instant();
            start(starter, repair, JULY.atDay(20)).andExpect(status().isOk());
            EventEnvelope<MonthlyTotals> july = bus.awaitEvent(Topics.HOUSING_SAFETY_FEED, key(JULY), MonthlyTotals.class,
                    t -> !t.computedAt().isBefore(second));
            assertThat(july.divisionCode()).isEqualTo(COUNTY);
            assertThat(july.data().bureau()).isEqualTo(Bureau.HOUSING);
            assertThat(july.data().county()).isEqualTo(COUNTY);
            assertThat(july.data().month()).isEqualTo("2025-07");
            assertThat(july.data().items()).extracting(MonthlyTotals.Item::code).containsExactly("RENOVATION_STARTED");
            assertFigures(july.data(), "RENOVATION_STARTED", "危房改造开工", "startedOn", JULY);

            // a refused acceptance (four eyes: the starter) changes nothing and publishes nothing
            long julyBefore = published(JULY);
            complete(starter, rebuild, AUGUST.atDay(5)).andExpect(status().isForbidden());
            complete(acceptor, rebuild, JULY.atDay(5)).andExpect(status().isUnprocessableContent());
            assertThat(published(AUGUST)).isZero();
            assertThat(published(JULY)).isEqualTo(julyBefore);

            Instant third = clock.instant();
            complete(acceptor, rebuild, AUGUST.atDay(5)).andExpect(status().isOk());
            MonthlyTotals august = bus.awaitEvent(Topics.HOUSING_SAFETY_FEED, key(AUGUST), MonthlyTotals.class,
                    t -> !t.computedAt().isBefore(third)).data();
            assertThat(august.items()).extracting(MonthlyTotals.Item::code).containsExactly("RENOVATION_COMPLETED");
            assertFigures(august, "RENOVATION_COMPLETED", "危房改造竣工", "completedOn", AUGUST);
            assertThat(published(AUGUST)).isEqualTo(1);
            assertThat(published(JULY)).isEqualTo(julyBefore);
        } finally {
            clock.reset();
        }
    }

    /**
     * A work under way follows its household to another county with its start's subsidy: both counties'
     * month of the start are counted again, the one it left without it. September 2025; 顺城区 (210411),
     * where no other test counts households.
     */
    @Test
    void shouldCountAStartedWorkInTheCountyItsHouseholdMovedTo() throws Exception {
        HouseholdRegistered household = registered("210423100243");
        appraise(inspector("appraiser-210423"), household.householdId(), "C").andExpect(status().isCreated());
        String repair = renovationOf(household.householdId());
        start(inspector("starter-210423"), repair, SEPTEMBER.atDay(3)).andExpect(status().isOk());
        assertThat(bus.awaitEvent(Topics.HOUSING_SAFETY_FEED, key(COUNTY, SEPTEMBER), MonthlyTotals.class).data().items())
                .singleElement().satisfies(item -> assertThat(item.amount()).isEqualByComparingTo("10000"));

        Instant moved = clock.instant();
        bus.publish(Topics.MONITORING_HOUSEHOLD, HouseholdChanges.envelope(
                HouseholdChanges.of(household).movedTo("210411100243", SEPTEMBER.atDay(20))));

        MonthlyTotals left = bus.awaitEvent(Topics.HOUSING_SAFETY_FEED, key(COUNTY, SEPTEMBER), MonthlyTotals.class,
                t -> !t.computedAt().isBefore(moved)).data();
        MonthlyTotals arrived = bus.awaitEvent(Topics.HOUSING_SAFETY_FEED, key("210411", SEPTEMBER), MonthlyTotals.class,
                t -> !t.computedAt().isBefore(moved)).data();
        assertThat(left.items()).isEmpty();
        assertThat(arrived.county()).isEqualTo("210411");
        assertThat(arrived.items()).singleElement().satisfies(item -> {
            assertThat(item.code()).isEqualTo("RENOVATION_STARTED");
            assertThat(item.households()).isEqualTo(1);
            assertThat(item.amount()).isEqualByComparingTo("10000");
        });
    }

    /** The item's households and amount are the renovations list's, for the county and month. */
    private void assertFigures(MonthlyTotals totals, String code, String label, String dateField, YearMonth month)
            throws Exception {
        String list = mvc.perform(get("/api/housing-safety/renovations?size=500").header("Authorization", inspector("city-housing")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> items = JsonPath.read(list, "$.items");
        List<Map<String, Object>> inMonth = items.stream()
                .filter(r -> String.valueOf(r.get("divisionCode")).startsWith(COUNTY))
                .filter(r -> r.get(dateField) != null && YearMonth.from(LocalDate.parse((String) r.get(dateField))).equals(month))
                .toList();
        BigDecimal subsidies = inMonth.stream().map(r -> new BigDecimal(r.get("subsidy").toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long households = inMonth.stream().map(r -> r.get("householdId")).distinct().count();
        Optional<MonthlyTotals.Item> item = totals.items().stream().filter(i -> i.code().equals(code)).findFirst();
        assertThat(households).isPositive();
        assertThat(item).hasValueSatisfying(i -> {
            assertThat(i.label()).isEqualTo(label);
            assertThat(i.households()).isEqualTo(households);
            assertThat(i.persons()).isZero();
            assertThat(i.amount()).isEqualByComparingTo(subsidies);
        });
    }

    private long published(YearMonth month) {
        return jdbc.sql("select count(*) from outbox_event where topic = :t and aggregateid = :k and type = 'MonthlyTotals'")
                .param("t", Topics.HOUSING_SAFETY_FEED).param("k", key(month)).query(Long.class).single();
    }

    private static String key(YearMonth month) {
        return key(COUNTY, month);
    }

    private static String key(String county, YearMonth month) {
        return county + "/" + month + "/HOUSING";
    }

    private static String inspector(String username) {
        return "Bearer " + TestTokens.user(username, username.equals("city-housing") ? "210400" : COUNTY, "housing-inspector");
    }

    private UUID register(String village) throws Exception {
        return registered(village).householdId();
    }

    private HouseholdRegistered registered(String village) throws Exception {
        UUID id = UUID.randomUUID();
        HouseholdRegistered registered = new HouseholdRegistered(id, village, HouseholdCategory.OUT_OF_POVERTY, false,
                "测试户主", List.of(new HouseholdRegistered.Member(UUID.randomUUID(), "c".repeat(64), "测试户主",
                "2104**********0000", "户主", "FULL")));
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", id.toString(), village, registered));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from household where household_id = :h")
                .param("h", id).query(Long.class).single() == 1);
        return registered;
    }

    private ResultActions appraise(String token, UUID householdId, String grade) throws Exception {
        return mvc.perform(post("/api/housing-safety/appraisals").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"householdId":"%s","grade":"%s","inspector":"王示工","appraisedOn":"2025-06-20","findings":"承重墙体开裂"}"""
                        .formatted(householdId, grade)));
    }

    private String renovationOf(UUID householdId) {
        return jdbc.sql("select id::text from renovation where household_id = :h").param("h", householdId)
                .query(String.class).single();
    }

    private ResultActions start(String token, String renovationId, LocalDate on) throws Exception {
        return mvc.perform(post("/api/housing-safety/renovations/" + renovationId + "/start").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"startedOn\":\"" + on + "\"}"));
    }

    private ResultActions complete(String token, String renovationId, LocalDate on) throws Exception {
        return mvc.perform(post("/api/housing-safety/renovations/" + renovationId + "/complete").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"completedOn\":\"" + on + "\",\"inspector\":\"李示工\",\"grade\":\"A\"}"));
    }
}
