package fushun.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.Topics;
import fushun.contracts.monitoring.DisabilityRegistered;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 残联's register through monitoring's {@link DisabilityRegistered} (issue 18, ADR 0040): a severely
 * disabled person of insurable age is on the pension-premium roster as 重度残疾人 from the register's year,
 * and the same fact again changes nothing. 大伙房 (210404) village 210404100209, whose roster no other test
 * reads; the household is an ordinary one, so nothing but the register puts anyone on the roster.
 */
@ServiceIntegrationTest
class SevereDisabilityIT {

    private static final String VILLAGE = "210404100209";
    private static final String OFFICER = "Bearer " + TestTokens.user("hr-210404", "210404", "hr-officer");

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;

    @Test
    void shouldListTheSeverelyDisabledPersonOfInsurableAgeAsOfTheRegistersYearAndIgnoreAReplay() throws Exception {
        int year = LocalDate.now(fushun.platform.PlatformTime.CHINA).getYear();
        UUID household = UUID.randomUUID();
        UUID adult = UUID.randomUUID();
        UUID child = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", household.toString(), VILLAGE,
                new HouseholdRegistered(household, VILLAGE, HouseholdCategory.ORDINARY, false, "成员0", List.of(
                        new HouseholdRegistered.Member(adult, ref(adult), "成员0", "2104**********0001", "户主", "NONE", 1980),
                        new HouseholdRegistered.Member(child, ref(child), "成员1", "2104**********0002", "子女", "NONE",
                                year - 10),
                        new HouseholdRegistered.Member(other, ref(other), "成员2", "2104**********0003", "配偶", "FULL",
                                1982)))));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from person where household_id = :h")
                .param("h", household).query(Long.class).single() == 3);
        String roster = "/api/employment/pension-premiums?county=210404&size=500&year=" + year;
        mvc.perform(get(roster).header("Authorization", OFFICER))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + household + "')]").isEmpty());

        LocalDate registeredOn = LocalDate.of(year, 1, 1).plusDays(10);
        EventEnvelope<DisabilityRegistered> adultSevere = EventEnvelope.of("monitoring", household.toString(), VILLAGE,
                new DisabilityRegistered(household, adult, ref(adult), true, registeredOn));
        bus.publish(Topics.MONITORING_HOUSEHOLD, adultSevere);
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", household.toString(), VILLAGE,
                new DisabilityRegistered(household, child, ref(child), true, registeredOn)));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select count(*) from severe_disability where household_id = :h").param("h", household)
                .query(Long.class).single() == 2);

        mvc.perform(get(roster).header("Authorization", OFFICER))
                .andExpect(status().isOk())
                // the adult only: the child is 10, below the insurable age, and the spouse is not on the register
                .andExpect(jsonPath("$.items[?(@.householdId == '" + household + "')].maskedIdNumber")
                        .value(org.hamcrest.Matchers.contains("2104**********0001")))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + household + "')].basis")
                        .value(org.hamcrest.Matchers.contains("重度残疾人")));
        // the year before the register: not listed
        mvc.perform(get("/api/employment/pension-premiums?county=210404&size=500&year=" + (year - 1)).header("Authorization", OFFICER))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + household + "')]").isEmpty());

        // the same event again (a redelivery), and the same fact under a new event id: nothing changes
        bus.publish(Topics.MONITORING_HOUSEHOLD, adultSevere);
        EventEnvelope<DisabilityRegistered> sameFact = EventEnvelope.of("monitoring", household.toString(), VILLAGE,
                new DisabilityRegistered(household, adult, ref(adult), true, registeredOn.plusMonths(2)));
        bus.publish(Topics.MONITORING_HOUSEHOLD, sameFact);
        await().atMost(Duration.ofSeconds(20)).until(() -> inboxRows(sameFact.eventId()) == 1);
        assertThat(inboxRows(adultSevere.eventId())).isEqualTo(1);
        assertThat(jdbc.sql("select severe_from from severe_disability where person_id = :p").param("p", adult)
                .query(LocalDate.class).single()).isEqualTo(registeredOn);
        mvc.perform(get(roster).header("Authorization", OFFICER))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + household + "')].basis")
                        .value(org.hamcrest.Matchers.contains("重度残疾人")));
    }

    private long inboxRows(UUID eventId) {
        return jdbc.sql("select count(*) from inbox_event where consumer = 'employment.households' and event_id = :e")
                .param("e", eventId).query(Long.class).single();
    }

    private static String ref(UUID person) {
        return (person.toString().replace("-", "") + person.toString().replace("-", "")).substring(0, 64);
    }
}
