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
 * interval, not one each. A service that cannot reach the broker still takes requests into its
 * outbox; it is only not ready, so a deployment routes to an instance that is.
 */
public class KafkaReachable implements HealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Duration KEPT = Duration.ofSeconds(5);

    private final KafkaAdmin admin;
    private final Clock clock;
    private Health last;
    private Instant checkedAt = Instant.MIN;

    public KafkaReachable(KafkaAdmin admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (last == null || now.isAfter(checkedAt.plus(KEPT))) {
            last = check();
            checkedAt = now;
        }
        return last;
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
