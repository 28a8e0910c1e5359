package fushun.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.Topics;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.contracts.socialassistance.AssistanceStatusChanged.Programme;
import fushun.contracts.socialassistance.AssistanceStatusChanged.Status;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.household.NewHousehold;
import fushun.platform.PlatformTime;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.security.Jurisdiction;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Civil affairs' status changes reach monitoring once each, through the inbox; real broker and PostgreSQL. */
@ServiceIntegrationTest
class AssistanceStatusIT {

    private static final String VILLAGE = "210422103201";
    private static final String ANALYST = "Bearer " + TestTokens.user("city-analyst", "210400", "analyst");

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired HouseholdRegistry registry;
    @Autowired Clock clock;

    @Test
    void shouldApplyAStatusChangeOnceWhenDeliveredTwiceAndShowItOnTheHousehold() throws Exception {
        Random random = new Random();
        UUID household = registry.register(new NewHousehold(VILLAGE, HouseholdCategory.ORDINARY, false, List.of(
                new NewHousehold.NewMember("低保甲", SyntheticIdNumbers.next(random, "210422"), "户主", "NONE"),
                new NewHousehold.NewMember("低保乙", SyntheticIdNumbers.next(random, "210422"), "配偶", "PARTIAL"))),
                Jurisdiction.of("210400"));
        List<AssistanceStatusChanged.Person> persons = jdbc.sql("select id from household_member where household_id = :h")
                .param("h", household).query(UUID.class).list().stream()
                .map(id -> new AssistanceStatusChanged.Person(id, "d".repeat(64))).toList();
        LocalDate firstOfMonth = PlatformTime.today(clock).withDayOfMonth(1);
        mvc.perform(get("/api/monitoring/households/" + household).header("Authorization", ANALYST))
                .andExpect(jsonPath("$.ruralLowIncome").value(false));

        AssistanceStatusChanged granted = change(household, Programme.DIBAO, Status.GRANTED, persons, "1043.34", firstOfMonth);
        EventEnvelope<AssistanceStatusChanged> grant = EventEnvelope.of("social-assistance", household.toString(), VILLAGE, granted);
        bus.publish(Topics.SOCIAL_ASSISTANCE_STATUS, grant);
        bus.publish(Topics.SOCIAL_ASSISTANCE_STATUS, grant);
        // the same change replayed under a new event id, and one claimed by another service: neither counts
        bus.publish(Topics.SOCIAL_ASSISTANCE_STATUS, EventEnvelope.of("social-assistance", household.toString(), VILLAGE, granted));
        bus.publish(Topics.SOCIAL_ASSISTANCE_STATUS, EventEnvelope.of("employment", household.toString(), VILLAGE,
                change(household, Programme.TEKUN, Status.GRANTED, persons.subList(0, 1), "680", firstOfMonth)));
        // a later change of the same household, on the same partition: once it is applied, the ones before it were handled
        bus.publish(Topics.SOCIAL_ASSISTANCE_STATUS, EventEnvelope.of("social-assistance", household.toString(), VILLAGE,
                change(household, Programme.TEMPORARY_AID, Status.PAID, persons.subList(0, 1), "2000", firstOfMonth)));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from assistance_change where household_id = :h and programme = 'TEMPORARY_AID'", household) == 1);

        assertThat(count("select count(*) from assistance_change where household_id = :h", household)).isEqualTo(2);
        assertThat(count("select count(*) from assistance_period where household_id = :h", household)).isEqualTo(2);
        assertThat(count("select count(*) from assistance_period where household_id = :h and programme = 'TEKUN'", household))
                .isZero();
        assertThat(jdbc.sql("select count(*) from inbox_event where consumer = 'monitoring.assistance-status' and event_id = :e")
                .param("e", grant.eventId()).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/monitoring/households/" + household).header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assistance.length()").value(2))
                .andExpect(jsonPath("$.assistance[0].programme").value("DIBAO"))
                .andExpect(jsonPath("$.assistance[0].validFrom").value(firstOfMonth.toString()))
                .andExpect(jsonPath("$.assistance[0].validTo").isEmpty())
                .andExpect(jsonPath("$.ruralLowIncome").value(true));
        mvc.perform(get("/api/monitoring/households/" + household + "/timeline").header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.kind == 'ASSISTANCE_STATUS')].summary").value(org.hamcrest.Matchers.contains(
                        "民政：低保 批准，2 人，自 " + firstOfMonth + " 起，每月 1043.34 元",
                        "民政：临时救助 发放 2000.00 元（" + firstOfMonth + "）")));

        // stopped from the first day of this month: no longer on dibao today, the period keeps its dates
        bus.publish(Topics.SOCIAL_ASSISTANCE_STATUS, EventEnvelope.of("social-assistance", household.toString(), VILLAGE,
                change(household, Programme.DIBAO, Status.STOPPED, persons, null, firstOfMonth)));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from assistance_period where household_id = :h and valid_to is not null", household) == 2);
        mvc.perform(get("/api/monitoring/households/" + household).header("Authorization", ANALYST))
                .andExpect(jsonPath("$.assistance[0].validTo").value(firstOfMonth.toString()))
                .andExpect(jsonPath("$.ruralLowIncome").value(false));
    }

    private static AssistanceStatusChanged change(UUID household, Programme programme, Status status,
                                                  List<AssistanceStatusChanged.Person> persons, String amount,
                                                  LocalDate effectiveFrom) {
        return new AssistanceStatusChanged(UUID.randomUUID(), household, VILLAGE, programme, status, persons,
                amount == null ? null : new BigDecimal(amount), effectiveFrom, "测试", Instant.now());
    }

    private long count(String sql, UUID household) {
        return jdbc.sql(sql).param("h", household).query(Long.class).single();
    }
}
