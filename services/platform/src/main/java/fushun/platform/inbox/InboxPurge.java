package fushun.platform.inbox;

import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes inbox entries older than the retention ({@code platform.inbox.retention}, 30 days by
 * default). The retention must outlast the topics' (7 days here): an event can only come again while
 * its topic still holds it, and until then its entry keeps it from being applied twice.
 */
public class InboxPurge {

    private final JdbcClient jdbc;
    private final Duration retention;
    private final Clock clock;

    public InboxPurge(JdbcClient jdbc, Duration retention, Clock clock) {
        if (retention.compareTo(Duration.ofDays(8)) < 0) {
            throw new IllegalArgumentException("platform.inbox.retention must outlast the topics' retention (7 days)");
        }
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${platform.inbox.purge-interval:1h}", initialDelayString = "${platform.inbox.purge-interval:1h}")
    public int purge() {
        return jdbc.sql("delete from inbox_event where received_at < :cutoff")
                .param("cutoff", java.sql.Timestamp.from(clock.instant().minus(retention)))
                .update();
    }
}
