package fushun.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/** Deletes sent outbox rows older than the retention; unsent rows are never purged. */
public class OutboxPurge {

    private final JdbcClient jdbc;
    private final Duration retention;

    public OutboxPurge(JdbcClient jdbc, Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${platform.outbox.purge-interval:1h}", initialDelayString = "${platform.outbox.purge-interval:1h}")
    public int purge() {
        return jdbc.sql("delete from outbox_event where sent_at is not null and sent_at < :cutoff")
                .param("cutoff", java.sql.Timestamp.from(Instant.now().minus(retention)))
                .update();
    }
}
