package fushun.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
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
    void shouldRefuseThePublishedDemoPersonKeyUnlessAllowed() {
        assertThatThrownBy(() -> configuration.personRefs(properties(PlatformProperties.DEMO_PERSON_KEY, false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PLATFORM_PERSON_KEY");
        assertThat(configuration.personRefs(properties(PlatformProperties.DEMO_PERSON_KEY, true)).of("11010519491231002X"))
                .hasSize(64);
        assertThat(configuration.personRefs(properties("a-secret-of-this-deployment", false)).of("11010519491231002X"))
                .hasSize(64);
    }

    private static PlatformProperties properties(String key, boolean allowDemoKey) {
        return new PlatformProperties(
                new PlatformProperties.Outbox(true, Duration.ofMillis(250), 200, Duration.ofSeconds(20), Duration.ofDays(7)),
                new PlatformProperties.Consumer(3, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(30)),
                new PlatformProperties.Security("fushun-platform"),
                new PlatformProperties.Pii(key, allowDemoKey));
    }
}
