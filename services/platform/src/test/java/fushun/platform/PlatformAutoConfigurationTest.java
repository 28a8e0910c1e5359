package fushun.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class PlatformAutoConfigurationTest {

    private final PlatformAutoConfiguration configuration = new PlatformAutoConfiguration();

    @Test
    void shouldTreatUnreachableDatabaseAsOutageButNotABadRecord() {
        assertThat(PlatformAutoConfiguration.isDatabaseOutage(new ListenerExecutionFailedException("listener",
                new CannotGetJdbcConnectionException("no connection")))).isTrue();
        assertThat(PlatformAutoConfiguration.isDatabaseOutage(new QueryTimeoutException("slow"))).isTrue();
        assertThat(PlatformAutoConfiguration.isDatabaseOutage(new ListenerExecutionFailedException("listener",
                new DataIntegrityViolationException("bad row")))).isFalse();
        assertThat(PlatformAutoConfiguration.isDatabaseOutage(new IllegalStateException("rule"))).isFalse();
    }

    @Test
    void shouldRefuseAMissingOrPublishedPersonKey() {
        for (String published : PlatformProperties.PUBLISHED_PERSON_KEYS) {
            assertThatThrownBy(() -> configuration.personRefs(properties(published)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("published");
        }
        assertThatThrownBy(() -> configuration.personRefs(properties(null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PLATFORM_PERSON_KEY is required");
        assertThatThrownBy(() -> configuration.personRefs(properties(" ")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PLATFORM_PERSON_KEY is required");
        assertThat(configuration.personRefs(properties("a-secret-of-this-deployment")).of("11010519491231002X"))
                .hasSize(64);
    }

    @Test
    void shouldRefuseToStartOnTheBrokerWithoutAPassword() {
        var sasl = new org.springframework.mock.env.MockEnvironment().withProperty("spring.kafka.security.protocol", "SASL_PLAINTEXT");
        assertThatThrownBy(() -> configuration.kafkaSignIn(sasl))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KAFKA_PASSWORD is required");
        assertThat(configuration.kafkaSignIn(sasl.withProperty("KAFKA_PASSWORD", "generated")).protocol())
                .isEqualTo("SASL_PLAINTEXT");
        var open = new org.springframework.mock.env.MockEnvironment().withProperty("spring.kafka.security.protocol", "PLAINTEXT");
        assertThat(configuration.kafkaSignIn(open).protocol()).isEqualTo("PLAINTEXT");
    }

    private static PlatformProperties properties(String key) {
        return new PlatformProperties(
                new PlatformProperties.Outbox(true, Duration.ofSeconds(2), true, 200, Duration.ofSeconds(20), Duration.ofDays(7), 5),
                new PlatformProperties.Consumer(3, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(30)),
                new PlatformProperties.Security("fushun-platform"),
                new PlatformProperties.Pii(key));
    }

    /** A batch listener's failure is dead-lettered with the headers a record listener's gets: the record's error as the cause, the group. */
    @Test
    void shouldDeadLetterABatchListenersFailureAsARecordListenersWithItsGroup() {
        var refused = new IllegalStateException("effect refused");
        var failure = PlatformAutoConfiguration.asRecordListenerFailure(new ListenerExecutionFailedException("listener",
                "social-assistance", new BatchListenerFailedException("effect refused", refused, 3)));

        assertThat(failure).isInstanceOf(ListenerExecutionFailedException.class).hasCause(refused)
                .hasMessageContaining("effect refused");
        assertThat(((ListenerExecutionFailedException) failure).getGroupId()).isEqualTo("social-assistance");
        var recordFailure = new ListenerExecutionFailedException("listener", "monitoring", refused);
        assertThat(PlatformAutoConfiguration.asRecordListenerFailure(recordFailure)).isSameAs(recordFailure);
    }
}
