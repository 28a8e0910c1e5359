package fushun.platform.inbox;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Insert-first duplicate detection; must run in the transaction that applies the effect. */
public class Inbox {

    private final JdbcClient jdbc;

    public Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time this consumer sees the event; false when it already applied it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId, String eventType) {
        return jdbc.sql("""
                        insert into inbox_event (consumer, event_id, event_type) values (:consumer, :eventId, :type)
                        on conflict (consumer, event_id) do nothing""")
                .param("consumer", consumer)
                .param("eventId", eventId)
                .param("type", eventType)
                .update() == 1;
    }
}
