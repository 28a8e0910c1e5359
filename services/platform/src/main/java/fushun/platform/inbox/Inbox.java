package fushun.platform.inbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * A batch's inbox entries in one statement: the event ids this consumer sees for the first time
     * (an id twice in the batch is first once). {@code eventTypes} is in the order of {@code eventIds}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<UUID> firstDeliveries(String consumer, List<UUID> eventIds, List<String> eventTypes) {
        return new HashSet<>(jdbc.sql("""
                        insert into inbox_event (consumer, event_id, event_type)
                        select :consumer, e.id, e.type from unnest(cast(:ids as uuid[]), cast(:types as varchar[])) as e(id, type)
                        on conflict (consumer, event_id) do nothing
                        returning event_id""")
                .param("consumer", consumer)
                .param("ids", eventIds.stream().map(UUID::toString).toArray(String[]::new))
                .param("types", eventTypes.toArray(String[]::new))
                .query(UUID.class).list());
    }
}
