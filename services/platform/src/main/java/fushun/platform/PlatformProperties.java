package fushun.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the shared mechanisms, under {@code platform.*}. */
@ConfigurationProperties("platform")
public record PlatformProperties(
        @DefaultValue Outbox outbox,
        @DefaultValue Consumer consumer,
        @DefaultValue Security security,
        @DefaultValue Pii pii) {

    /**
     * @param relayEnabled  whether the relay runs on its own thread, woken by commits and notifications
     *                      (tests that drive it by hand turn it off)
     * @param relayInterval the fallback poll: the longest a relay waits for a wake-up before a pass of its
     *                      own. Commits wake it (in process, and every instance through LISTEN/NOTIFY), so
     *                      the poll only catches what no wake-up announced: a row whose notification an
     *                      instance missed while its listening connection was away, a broker that came
     *                      back, a refused row's next attempt (docs/adr/0031)
     * @param listen        whether the relay listens for the outbox notifications of other instances
     * @param batchSize     rows published per transaction
     * @param sendTimeout   how long a batch waits for the broker's acknowledgements
     * @param retention     sent rows older than this are purged
     * @param maxAttempts   refusals by the broker after which a row is parked
     */
    public record Outbox(
            @DefaultValue("true") boolean relayEnabled,
            @DefaultValue("2s") Duration relayInterval,
            @DefaultValue("true") boolean listen,
            @DefaultValue("200") int batchSize,
            @DefaultValue("20s") Duration sendTimeout,
            @DefaultValue("7d") Duration retention,
            @DefaultValue("5") int maxAttempts) {
    }

    /**
     * Retries before a record goes to its dead-letter topic, with exponential back-off. When the
     * database itself is unreachable the record is not at fault: it is retried for up to
     * {@code outageRetryFor} before it is given up.
     */
    public record Consumer(
            @DefaultValue("3") int maxRetries,
            @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("2s") Duration maxBackoff,
            @DefaultValue("30m") Duration outageRetryFor) {
    }

    /** @param clientId the Keycloak client whose client roles count as the platform's roles */
    public record Security(@DefaultValue("fushun-platform") String clientId) {
    }

    /**
     * @param personKey secret for the keyed hash of ID numbers that travels on the bus instead of the
     *                  number itself. Whoever knows it can recover numbers from the hash and the
     *                  masked form, so every deployment sets its own (PLATFORM_PERSON_KEY); there is
     *                  no default, and keys that were ever published are refused.
     */
    public record Pii(String personKey) {
    }

    /** Keys once published with the platform's demo; refused everywhere. */
    public static final java.util.Set<String> PUBLISHED_PERSON_KEYS = java.util.Set.of("demo-only-person-key-change-me");
}
