package fushun.platform.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Part of readiness: the broker answers this service's principal (the cluster's description, within
 * a few seconds). The answer is kept for a while, so probes every few seconds cost one sign-in per
 * interval, not one each. The broker is shared: an outage makes every instance unready at once, so
 * a short one (a broker's restart) is tolerated for {@link #GRACE}: meanwhile requests go on into
 * the outbox, and the detail says since when the broker has not answered.
 */
public class KafkaReachable implements HealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Duration KEPT = Duration.ofSeconds(5);
    static final Duration GRACE = Duration.ofSeconds(60);

    private final KafkaAdmin admin;
    private final Clock clock;
    private Health last;
    private Instant checkedAt = Instant.MIN;
    private Instant unreachableSince;

    public KafkaReachable(KafkaAdmin admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (last == null || now.isAfter(checkedAt.plus(KEPT))) {
            last = withGrace(check(), now);
            checkedAt = now;
        }
        return last;
    }

    private Health withGrace(Health answer, Instant now) {
        if (answer.getStatus().equals(org.springframework.boot.health.contributor.Status.UP)) {
            unreachableSince = null;
            return answer;
        }
        if (unreachableSince == null) {
            unreachableSince = now;
        }
        if (now.isBefore(unreachableSince.plus(GRACE))) {
            return Health.up().withDetail("unreachableSince", unreachableSince.toString())
                    .withDetails(answer.getDetails()).build();
        }
        return Health.down().withDetail("unreachableSince", unreachableSince.toString())
                .withDetails(answer.getDetails()).build();
    }

    private Health check() {
        AdminClient client = null;
        try {
            client = AdminClient.create(admin.getConfigurationProperties());
            int brokers = client.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("brokers", brokers).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        } catch (Exception e) {
            // the kind of failure only: a message can name hosts and principals
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        } finally {
            if (client != null) {
                client.close(Duration.ofSeconds(1));
            }
        }
    }
}
