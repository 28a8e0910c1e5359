package fushun.platform.outbox;

import fushun.platform.web.ConflictException;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox as an administrator sees it: its figures, the parked rows (never their payload: it
 * may name a household's members), and the two ways out of parking, each audited: retry (the relay
 * tries the row again, e.g. after the broker's limit was raised) and discard (the row is settled
 * without leaving; the later rows of its key go on).
 */
public class OutboxAdmin {

    private final JdbcClient jdbc;
    private final RelayWake wake;

    /** @param wake wakes the relays when a retry or a discard gives them rows to send */
    public OutboxAdmin(JdbcClient jdbc, RelayWake wake) {
        this.jdbc = jdbc;
        this.wake = wake;
    }

    /** @param oldestUnsentSeconds 0 when nothing waits */
    @io.swagger.v3.oas.annotations.media.Schema(name = "OutboxFigures", description = "发件箱概况：待发布数、搁置数、最早待发布事件已等待的秒数")
    public record Figures(long unsent, long parked, double oldestUnsentSeconds) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "ParkedOutboxRow", description = "一条搁置的事件（不含事件内容）：尝试次数和最后一次错误")
    public record ParkedRow(long id, UUID eventId, String type, String topic, String key, int attempts, String lastError,
                            Instant createdAt, Instant parkedAt) {
    }

    /** The figures, read at most once per {@code maxAge} (the metrics' three gauges share one read). */
    public static final class RecentFigures {
        private final OutboxAdmin outbox;
        private final long maxAgeNanos;
        private Figures figures;
        private long readAt;

        public RecentFigures(OutboxAdmin outbox, java.time.Duration maxAge) {
            this.outbox = outbox;
            this.maxAgeNanos = maxAge.toNanos();
        }

        public synchronized Figures get() {
            if (figures == null || System.nanoTime() - readAt > maxAgeNanos) {
                figures = outbox.figures();
                readAt = System.nanoTime();
            }
            return figures;
        }
    }

    public Figures figures() {
        return jdbc.sql("""
                        select count(*) as unsent, count(*) filter (where parked_at is not null) as parked,
                               coalesce(extract(epoch from now() - min(created_at)), 0) as oldest_unsent_seconds
                        from outbox_event where sent_at is null""")
                .query(Figures.class).single();
    }

    public Page<ParkedRow> parked(int page, int size) {
        long total = jdbc.sql("select count(*) from outbox_event where sent_at is null and parked_at is not null")
                .query(Long.class).single();
        var items = jdbc.sql("""
                        select id, event_id, type, topic, aggregateid as key, attempts, last_error, created_at, parked_at
                        from outbox_event where sent_at is null and parked_at is not null
                        order by id limit :size offset :offset""")
                .param("size", size).param("offset", (long) page * size)
                .query(ParkedRow.class).list();
        return new Page<>(items, page, size, total);
    }

    /** Back to the relay with its attempts reset. */
    @Transactional
    public void retry(long id, String actor) {
        requireParked(id);
        jdbc.sql("update outbox_event set parked_at = null, attempts = 0 where id = :id").param("id", id).update();
        audit(id, "RETRY", actor);
        wake.onCommit();
    }

    /** Settled without leaving: it never reaches the bus, and its key goes on. */
    @Transactional
    public void discard(long id, String actor) {
        requireParked(id);
        jdbc.sql("update outbox_event set sent_at = now(), discarded_at = now() where id = :id").param("id", id).update();
        audit(id, "DISCARD", actor);
        wake.onCommit(); // the rows of its key that waited behind it can go
    }

    private void requireParked(long id) {
        Boolean parked = jdbc.sql("select parked_at is not null and sent_at is null from outbox_event where id = :id for update")
                .param("id", id).query(Boolean.class).optional()
                .orElseThrow(() -> new NotFoundException("没有这条待发事件。"));
        if (!parked) {
            throw new ConflictException("该事件未被搁置", "只有被搁置的待发事件可以重试或放弃。");
        }
    }

    private void audit(long id, String action, String actor) {
        jdbc.sql("insert into outbox_admin_audit (outbox_id, action, actor) values (:id, :action, :actor)")
                .param("id", id).param("action", action).param("actor", actor).update();
    }
}
