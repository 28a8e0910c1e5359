package fushun.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.Bureau;
import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.household.NewHousehold;
import fushun.platform.PlatformTime;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.security.Jurisdiction;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.MovableClock;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The county's confirmation carries how the procedure went (the December report's channels,
 * timeliness and 脱贫户纳入监测): the channel, the category before, the first clue, the deadline and
 * each step's decision as the procedure recorded them; real broker and PostgreSQL, the clock moved
 * between the steps.
 */
@ServiceIntegrationTest
class IdentificationEventIT {

    private static final String VILLAGE = "210422100201";
    private static final String CADRE = "Bearer " + TestTokens.user("event-cadre", VILLAGE, "village-cadre");
    private static final String TOWNSHIP = "Bearer " + TestTokens.user("event-township", "210422100", "township-reviewer");
    private static final String COUNTY = "Bearer " + TestTokens.user("event-approver", "210422", "county-approver");

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired HouseholdRegistry registry;
    @Autowired MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldCarryTheChannelAndEachStepsDateWhenAnApplicationIsConfirmed() throws Exception {
        UUID household = household(HouseholdCategory.ORDINARY);
        Instant clue = Instant.now().minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);

        clock.set(clue);
        clue(household, "applications", "{\"riskTypes\":[\"ILLNESS\"],\"description\":\"户主患病，医疗支出大\"}")
                .andExpect(jsonPath("$.outcome").value("IDENTIFY")).andExpect(jsonPath("$.greenChannel").value(false));
        String id = procedureOf(household);
        clock.set(clue.plus(Duration.ofDays(2)));
        decide(id, CADRE, null).andExpect(jsonPath("$.stage").value("TOWNSHIP_REVIEW"));
        // after the notice (5 days from the village's step)
        clock.set(clue.plus(Duration.ofDays(8)));
        decide(id, TOWNSHIP, null).andExpect(jsonPath("$.stage").value("COUNTY_CONFIRMATION"));
        clock.set(clue.plus(Duration.ofDays(10)));
        decide(id, COUNTY, "MARGINAL").andExpect(jsonPath("$.stage").value("CONFIRMED"));

        HouseholdMonitored m = bus.awaitEvent(Topics.MONITORING_HOUSEHOLD, household.toString(), HouseholdMonitored.class).data();
        assertThat(m.identificationId()).isEqualTo(UUID.fromString(id));
        assertThat(m.channel()).isEqualTo(HouseholdMonitored.DiscoveryChannel.SELF_APPLICATION);
        assertThat(m.category()).isEqualTo(HouseholdCategory.MARGINAL);
        assertThat(m.previousCategory()).isEqualTo(HouseholdCategory.ORDINARY);
        assertThat(m.firstClueAt()).isBetween(clue, clue.plusSeconds(60));
        assertThat(m.dueDate()).isEqualTo(LocalDate.ofInstant(clue, PlatformTime.CHINA).plusDays(15));
        assertThat(m.villageDecidedAt()).isBetween(clue.plus(Duration.ofDays(2)), clue.plus(Duration.ofDays(2)).plusSeconds(60));
        assertThat(m.townshipDecidedAt()).isBetween(clue.plus(Duration.ofDays(8)), clue.plus(Duration.ofDays(8)).plusSeconds(60));
        assertThat(m.confirmedAt()).isBetween(clue.plus(Duration.ofDays(10)), clue.plus(Duration.ofDays(10)).plusSeconds(60));
    }

    @Test
    void shouldCarryTheSameDayStepsWhenAVisitFindsADisasterThroughTheGreenChannel() throws Exception {
        UUID household = household(HouseholdCategory.ORDINARY);
        // a morning in China, so the day's steps stay on one China day
        Instant clue = LocalDate.now(PlatformTime.CHINA).minusDays(10).atTime(8, 0).atZone(PlatformTime.CHINA).toInstant();

        clock.set(clue);
        clue(household, "visits", "{\"visitedOn\":\"" + LocalDate.ofInstant(clue, PlatformTime.CHINA)
                + "\",\"findings\":\"房屋被洪水冲毁\",\"riskTypes\":[\"DISASTER\"]}")
                .andExpect(jsonPath("$.outcome").value("IDENTIFY")).andExpect(jsonPath("$.greenChannel").value(true));
        String id = procedureOf(household);
        clock.set(clue.plus(Duration.ofHours(1)));
        decide(id, CADRE, null).andExpect(jsonPath("$.stage").value("TOWNSHIP_REVIEW"));
        // help first: the township need not wait for the notice to end
        clock.set(clue.plus(Duration.ofHours(3)));
        decide(id, TOWNSHIP, null).andExpect(jsonPath("$.stage").value("COUNTY_CONFIRMATION"));
        clock.set(clue.plus(Duration.ofDays(1)));
        decide(id, COUNTY, "SUDDEN_SEVERE_DIFFICULTY").andExpect(jsonPath("$.stage").value("CONFIRMED"));

        HouseholdMonitored m = bus.awaitEvent(Topics.MONITORING_HOUSEHOLD, household.toString(), HouseholdMonitored.class).data();
        assertThat(m.channel()).isEqualTo(HouseholdMonitored.DiscoveryChannel.CADRE_VISIT);
        assertThat(m.previousCategory()).isEqualTo(HouseholdCategory.ORDINARY);
        assertThat(m.category()).isEqualTo(HouseholdCategory.SUDDEN_SEVERE_DIFFICULTY);
        assertThat(m.dueDate()).isEqualTo(LocalDate.ofInstant(clue, PlatformTime.CHINA).plusDays(15));
        // the green channel skips no step: both are on record, the same China day as the clue
        assertThat(m.villageDecidedAt()).isBetween(clue.plus(Duration.ofHours(1)), clue.plus(Duration.ofHours(1)).plusSeconds(60));
        assertThat(m.townshipDecidedAt()).isBetween(clue.plus(Duration.ofHours(3)), clue.plus(Duration.ofHours(3)).plusSeconds(60));
        assertThat(LocalDate.ofInstant(m.townshipDecidedAt(), PlatformTime.CHINA))
                .isEqualTo(LocalDate.ofInstant(m.firstClueAt(), PlatformTime.CHINA));
    }

    @Test
    void shouldNameDepartmentComparisonAndTheOutOfPovertyCategoryWhenABureausSignalLeadsToConfirmation() throws Exception {
        UUID household = household(HouseholdCategory.OUT_OF_POVERTY);
        bus.publish(Topics.MEDICAL_INSURANCE_SIGNAL, EventEnvelope.of("medical-insurance", household.toString(), VILLAGE,
                new RiskSignalObserved(UUID.randomUUID(), household, Bureau.MEDICAL_INSURANCE, RiskType.ILLNESS,
                        "家庭年度自付医疗费用超过阈值", Map.of("selfPayYearToDate", new BigDecimal("12345.60")),
                        "medical.self-pay-threshold.monitored[*]@2021-01-01", Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from identification where household_id = :h")
                .param("h", household).query(Long.class).single() == 1);
        String id = procedureOf(household);
        Instant clue = jdbc.sql("select first_clue_at from identification where id = :id").param("id", UUID.fromString(id))
                .query(java.sql.Timestamp.class).single().toInstant();

        decide(id, CADRE, null).andExpect(jsonPath("$.stage").value("TOWNSHIP_REVIEW"));
        clock.set(Instant.now().plus(Duration.ofDays(6)));
        decide(id, TOWNSHIP, null).andExpect(jsonPath("$.stage").value("COUNTY_CONFIRMATION"));
        decide(id, COUNTY, "UNSTABLE_OUT_OF_POVERTY").andExpect(jsonPath("$.stage").value("CONFIRMED"));

        HouseholdMonitored m = bus.awaitEvent(Topics.MONITORING_HOUSEHOLD, household.toString(), HouseholdMonitored.class).data();
        assertThat(m.channel()).isEqualTo(HouseholdMonitored.DiscoveryChannel.DEPARTMENT_COMPARISON);
        assertThat(m.previousCategory()).isEqualTo(HouseholdCategory.OUT_OF_POVERTY);
        assertThat(m.category()).isEqualTo(HouseholdCategory.UNSTABLE_OUT_OF_POVERTY);
        assertThat(m.firstClueAt()).isEqualTo(clue);
        assertThat(m.villageDecidedAt()).isNotNull().isBefore(m.townshipDecidedAt());
        assertThat(m.townshipDecidedAt()).isBefore(m.confirmedAt());
    }

    private ResultActions clue(UUID household, String kind, String body) throws Exception {
        return mvc.perform(post("/api/monitoring/households/" + household + "/" + kind).header("Authorization", CADRE)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
    }

    private ResultActions decide(String id, String token, String category) throws Exception {
        String body = "{\"decision\":\"APPROVE\",\"reason\":\"同意（测试）\""
                + (category == null ? "" : ",\"category\":\"" + category + "\"") + "}";
        return mvc.perform(post("/api/monitoring/identifications/" + id + "/decisions").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
    }

    private String procedureOf(UUID household) {
        return jdbc.sql("select id from identification where household_id = :h").param("h", household)
                .query(String.class).single();
    }

    private UUID household(HouseholdCategory category) {
        return registry.register(new NewHousehold(VILLAGE, category, false, List.of(
                new NewHousehold.NewMember("渠道测试", SyntheticIdNumbers.next(new Random(), "210422"), "户主", "FULL"))),
                Jurisdiction.of("210400"));
    }
}
