package fushun.platform.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.Bureau;
import fushun.contracts.EventCodec;
import fushun.contracts.feed.FeedDeadlineMissed;
import fushun.platform.outbox.OutboxRelay;
import fushun.platform.testapp.PlatformTestApplication;
import fushun.platform.testsupport.ContractSchemas;
import fushun.platform.testsupport.MovableClock;
import fushun.platform.testsupport.TestDatabases;
import fushun.platform.testsupport.TestTokens;
import fushun.platform.testsupport.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feed completeness as a service uses it (the platform's test app tracking civil affairs and health):
 * arrivals, the monthly check with its event on the real broker, and the endpoint. Real KRaft broker
 * and PostgreSQL; the check is called, not scheduled.
 */
@SpringBootTest(classes = {PlatformTestApplication.class, FeedCompletenessIT.Clocks.class}, properties = {
        "platform.feeds.enabled=true", "platform.feeds.duties=CIVIL_AFFAIRS, HEALTH",
        "platform.feeds.readers=analyst", "platform.feeds.check-enabled=false"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {FeedCompletenessIT.TOPIC, FeedCompletenessIT.TOPIC + ".DLT"},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class FeedCompletenessIT {

    static final String TOPIC = "platform-test.feed.v1";
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final List<String> COUNTIES = List.of("210402", "210403", "210404", "210411", "210421", "210422", "210423");

    static class Clocks {
        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.newDatabase("platform_feeds"));
    }

    @Autowired FeedCompleteness feeds;
    @Autowired MovableClock clock;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;
    @Autowired OutboxRelay relay;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired EventCodec codec;
    @Autowired MockMvc mvc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldPublishOneEventForTheLateBureausMonthAndNoneForTheOnTimeOneWhenCheckedTwice() {
        Instant inOctober = Instant.parse("2026-10-20T02:00:00Z");
        Instant afterTheDeadline = Instant.parse("2026-11-07T02:00:00Z");
        // civil affairs: every county on time (one of them late as well, which does not matter)
        for (String county : COUNTIES) {
            arrive(Bureau.CIVIL_AFFAIRS, county + "100201", inOctober);
        }
        arrive(Bureau.CIVIL_AFFAIRS, "210422100201", afterTheDeadline);
        // health: 抚顺县 only after the deadline, 清原 never
        for (String county : COUNTIES.subList(0, 5)) {
            if (!county.equals("210421")) {
                arrive(Bureau.HEALTH, county, inOctober);
            }
        }
        arrive(Bureau.HEALTH, "210421100", afterTheDeadline);
        arrive(Bureau.HEALTH, "210421100", afterTheDeadline);
        arrive(Bureau.HEALTH, "210422", inOctober);

        // the 5th in China is not over yet at 15:59 UTC: nothing checked
        clock.set(Instant.parse("2026-11-05T15:59:00Z"));
        assertThat(feeds.check(OCTOBER)).isEmpty();
        assertThat(checks()).isZero();

        clock.set(Instant.parse("2026-11-05T16:00:01Z"));
        List<FeedDeadlineMissed> first = feeds.check(OCTOBER);
        List<FeedDeadlineMissed> again = feeds.check(OCTOBER);

        assertThat(first).singleElement().satisfies(missed -> {
            assertThat(missed.bureau()).isEqualTo(Bureau.HEALTH);
            assertThat(missed.month()).isEqualTo("2026-10");
            assertThat(missed.deadline()).isEqualTo("2026-11-05");
            assertThat(missed.expectedCounties()).isEqualTo(COUNTIES);
            assertThat(missed.lateCounties()).containsExactly("210421");
            assertThat(missed.missingCounties()).containsExactly("210423");
        });
        assertThat(again).isEmpty();
        // both bureaus' months are checked, once each
        assertThat(checks()).isEqualTo(2);

        relay.publishPending();
        List<ConsumerRecord<String, String>> records = TopicReader.readToEnd(broker.getBrokersAsString(), TOPIC,
                Duration.ofSeconds(30));
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("2026-10/HEALTH");
            ContractSchemas.assertConforms(record.value());
            FeedDeadlineMissed published = codec.read(record.value(), FeedDeadlineMissed.class).data();
            assertThat(published.missingCounties()).containsExactly("210423");
        });
    }

    @Test
    void shouldExpectABureausOwnCountiesFromTheirDateAndEveryCountyBefore() {
        jdbc.sql("""
                        insert into feed_expected_county (bureau, county_code, county_name, effective_from)
                        values ('CIVIL_AFFAIRS', '210422', '新宾满族自治县', date '2027-01-01')""").update();

        assertThat(feeds.expected(Bureau.CIVIL_AFFAIRS, YearMonth.of(2026, 12))).hasSize(7);
        assertThat(feeds.expected(Bureau.CIVIL_AFFAIRS, YearMonth.of(2027, 1)))
                .containsExactly(new FeedCompleteness.County("210422", "新宾满族自治县"));
        assertThat(feeds.expected(Bureau.HEALTH, YearMonth.of(2027, 1))).hasSize(7);
    }

    /** Data dated before feeds were tracked (a backdated record): accepted, counted nowhere, checked never. */
    @Test
    void shouldIgnoreAnArrivalForAMonthBeforeTheFeedWasTracked() {
        YearMonth before = YearMonth.of(2019, 5);
        arrive(Bureau.CIVIL_AFFAIRS, "210422", before, Instant.parse("2026-10-20T02:00:00Z"));

        assertThat(jdbc.sql("select count(*) from feed_arrival where month = :m").param("m", before.atDay(1))
                .query(Long.class).single()).isZero();
        assertThat(feeds.deadline(Bureau.CIVIL_AFFAIRS, before)).isEmpty();
        assertThat(feeds.check(before)).isEmpty();
    }

    @Test
    void shouldRefuseAnArrivalOfABureauItDoesNotTrack() {
        assertThatThrownBy(() -> arrive(Bureau.WATER, "210422", Instant.parse("2026-10-20T02:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> feeds.arrived(Bureau.HEALTH, "210422", OCTOBER, Instant.now()))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void shouldPageTheCountiesOfTheCallersDivisionWithTheTotal() throws Exception {
        arrive(Bureau.CIVIL_AFFAIRS, "210423100201", YearMonth.of(2026, 9), Instant.parse("2026-09-20T02:00:00Z"));
        String analyst = "Bearer " + TestTokens.user("city-analyst", "210400", "analyst");

        mvc.perform(get("/api/platform-test/feeds?bureau=CIVIL_AFFAIRS&month=2026-09&size=5&page=1")
                        .header("Authorization", analyst))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(7))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[1].county").value("210423"))
                .andExpect(jsonPath("$.items[1].state").value("ON_TIME"))
                .andExpect(jsonPath("$.items[1].onTime").value(1))
                .andExpect(jsonPath("$.items[0].state").value("MISSING"))
                .andExpect(jsonPath("$.deadline").value("2026-10-05"))
                .andExpect(jsonPath("$.missedDeadline").value(true));
        // a county's analyst sees their county only
        mvc.perform(get("/api/platform-test/feeds?bureau=CIVIL_AFFAIRS&month=2026-09")
                        .header("Authorization", "Bearer " + TestTokens.user("qy", "210423", "analyst")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.missedDeadline").value(false));
    }

    @Test
    void shouldAnswerAProblemWhenTheInputIsBad() throws Exception {
        String analyst = "Bearer " + TestTokens.user("city-analyst", "210400", "analyst");

        mvc.perform(get("/api/platform-test/feeds?bureau=WATER&month=2026-09").header("Authorization", analyst))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/platform-test/feeds?bureau=NOBODY&month=2026-09").header("Authorization", analyst))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
        mvc.perform(get("/api/platform-test/feeds?bureau=HEALTH&month=2026-13").header("Authorization", analyst))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/platform-test/feeds?bureau=HEALTH").header("Authorization", analyst))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/platform-test/feeds?bureau=HEALTH&month=2019-01").header("Authorization", analyst))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/platform-test/feeds?bureau=HEALTH&month=2026-09&size=0").header("Authorization", analyst))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/platform-test/feeds?bureau=HEALTH&month=2026-09")
                        .header("Authorization", "Bearer " + TestTokens.user("someone", "210400", "cadre")))
                .andExpect(status().isForbidden());
    }

    /** Data of October received at {@code at}. */
    private void arrive(Bureau bureau, String division, Instant at) {
        arrive(bureau, division, OCTOBER, at);
    }

    private void arrive(Bureau bureau, String division, YearMonth month, Instant at) {
        transaction.executeWithoutResult(s -> feeds.arrived(bureau, division, month, at));
    }

    private long checks() {
        return jdbc.sql("select count(*) from feed_deadline_check where month = :m").param("m", OCTOBER.atDay(1))
                .query(Long.class).single();
    }
}
