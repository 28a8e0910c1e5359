package fushun.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fushun.contracts.EventCodec;
import fushun.contracts.EventEnvelope;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.platform.testapp.HouseholdListener;
import fushun.platform.testapp.PlatformTestApplication;
import fushun.platform.testsupport.Events;
import fushun.platform.testsupport.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A record the listener gave up on is listed, and replayed after a fix: applied once, however often replayed. */
@SpringBootTest(classes = PlatformTestApplication.class, properties = {
        // the index caught up on a short schedule and the gauge read afresh, so the metric test waits seconds
        "platform.dead-letters.index-interval=500ms", "platform.dead-letters.metrics-max-age=0s"})
@EmbeddedKafka(partitions = 1, topics = {PlatformTestApplication.TOPIC, PlatformTestApplication.TOPIC + ".DLT"},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class DeadLettersIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.newDatabase("platform_dead_letters"));
    }

    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired EventCodec codec;
    @Autowired JdbcClient jdbc;
    @Autowired DeadLetters deadLetters;
    @Autowired MeterRegistry meters;

    @AfterEach
    void unrepair() {
        HouseholdListener.repaired = false;
    }

    @Test
    void shouldListADeadLetterAndApplyItOnceAfterAFixHoweverOftenReplayed() throws Exception {
        EventEnvelope<HouseholdRegistered> failing = Events.envelope(Events.household(UUID.randomUUID(), "FAIL"));
        kafka.send(PlatformTestApplication.TOPIC, failing.key(), codec.write(failing)).get();

        DeadLetters.DeadLetter letter = await().atMost(Duration.ofSeconds(30)).until(
                () -> deadLetters.list("HouseholdRegistered", 0, 50).items().stream()
                        .filter(d -> failing.key().equals(d.key())).findFirst().orElse(null), d -> d != null);
        assertThat(letter.topic()).isEqualTo(PlatformTestApplication.TOPIC + ".DLT");
        assertThat(letter.originalTopic()).isEqualTo(PlatformTestApplication.TOPIC);
        assertThat(letter.error()).contains("IllegalStateException").contains("effect refused");
        assertThat(applied(failing.data().householdId())).isZero();

        // replayed before the fix: it fails again and says why, nothing applied
        DeadLetters.Replay early = deadLetters.replay(letter.topic(), letter.partition(), letter.offset(), "city-admin");
        assertThat(early.outcome()).isEqualTo("FAILED");
        assertThat(applied(failing.data().householdId())).isZero();

        HouseholdListener.repaired = true;
        assertThat(deadLetters.replay(letter.topic(), letter.partition(), letter.offset(), "city-admin").outcome())
                .isEqualTo("APPLIED");
        assertThat(deadLetters.replayAll("HouseholdRegistered", "city-admin"))
                .anyMatch(r -> r.offset() == letter.offset() && r.outcome().equals("APPLIED"));
        assertThat(applied(failing.data().householdId())).as("replayed three times, applied once").isEqualTo(1);
        assertThat(deadLetters.list("HouseholdRegistered", 0, 50).items().stream()
                .filter(d -> d.offset() == letter.offset()).findFirst().orElseThrow().replays()).isEqualTo(3);
    }

    /** The list pages an index of the topics: each dead letter once, however often listed, with a total. */
    @Test
    void shouldPageTheDeadLettersWithATotalAndIndexEachOnce() throws Exception {
        long before = deadLetters.list(null, 0, 1).total();
        for (int i = 0; i < 3; i++) {
            EventEnvelope<HouseholdRegistered> failing = Events.envelope(Events.household(UUID.randomUUID(), "FAIL"));
            kafka.send(PlatformTestApplication.TOPIC, failing.key(), codec.write(failing)).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.list(null, 0, 1).total(), total -> total == before + 3);
        var first = deadLetters.list(null, 0, 2);
        var all = deadLetters.list(null, 0, 200);
        assertThat(first.items()).hasSize(2);
        assertThat(first.total()).isEqualTo(before + 3);
        assertThat(all.items()).hasSize((int) (before + 3))
                .extracting(DeadLetters.DeadLetter::offset).doesNotHaveDuplicates();
        assertThat(deadLetters.list("RiskAlertRaised", 0, 20).total()).isZero();
        assertThat(jdbc.sql("select count(*) from dead_letter").query(Long.class).single())
                .as("listed again and again, indexed once").isEqualTo(before + 3);
    }

    /**
     * The gauge counts a dead letter without anybody listing them (the scheduled catch-up indexes it)
     * and stops counting it once a replay applied it; a failed replay leaves it waiting.
     */
    @Test
    void shouldCountADeadLetterWaitingUntilAReplayAppliesIt() throws Exception {
        double before = await().atMost(Duration.ofSeconds(30)).until(this::waiting, w -> !Double.isNaN(w));
        EventEnvelope<HouseholdRegistered> failing = Events.envelope(Events.household(UUID.randomUUID(), "FAIL"));
        kafka.send(PlatformTestApplication.TOPIC, failing.key(), codec.write(failing)).get();

        await().atMost(Duration.ofSeconds(30)).until(this::waiting, w -> w == before + 1);
        DeadLetters.DeadLetter letter = deadLetters.list("HouseholdRegistered", 0, 200).items().stream()
                .filter(d -> failing.key().equals(d.key())).findFirst().orElseThrow();
        assertThat(deadLetters.replay(letter.topic(), letter.partition(), letter.offset(), "city-admin").outcome())
                .isEqualTo("FAILED");
        assertThat(waiting()).as("a failed replay leaves it waiting").isEqualTo(before + 1);

        HouseholdListener.repaired = true;
        assertThat(deadLetters.replay(letter.topic(), letter.partition(), letter.offset(), "city-admin").outcome())
                .isEqualTo("APPLIED");
        assertThat(waiting()).isEqualTo(before);
        assertThat(meters.find(DeadLetterMetrics.WAITING).gauges()).as("one series per consumed topic")
                .extracting(g -> g.getId().getTag("topic")).containsExactly(PlatformTestApplication.TOPIC);
    }

    private double waiting() {
        return meters.get(DeadLetterMetrics.WAITING).tag("topic", PlatformTestApplication.TOPIC).gauge().value();
    }

    private long applied(UUID household) {
        return jdbc.sql("select count(*) from applied_effect where household_id = :id").param("id", household)
                .query(Long.class).single();
    }
}
