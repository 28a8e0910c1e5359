package fushun.monitoring.assistance;

import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.contracts.socialassistance.AssistanceStatusChanged.Programme;
import fushun.contracts.socialassistance.AssistanceStatusChanged.Status;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The households' dibao / 特困 periods and temporary aid, from civil affairs' status changes. A change
 * is applied once: the inbox drops a redelivered event, and the change's own id drops a replay under
 * a new event id.
 */
@Service
public class AssistanceStatuses {

    /** A person's dibao or 特困 period: from the first paid month to the first unpaid one (null while it lasts). */
    public record Period(Programme programme, String label, UUID personId, LocalDate validFrom, LocalDate validTo) {

        public boolean activeOn(LocalDate day) {
            return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
        }
    }

    private final JdbcClient jdbc;

    public AssistanceStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies a change; false when this change was applied before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean apply(AssistanceStatusChanged change) {
        int inserted = jdbc.sql("""
                        insert into assistance_change (change_id, household_id, programme, status, persons, amount,
                                                       effective_from, summary, recorded_at)
                        values (:id, :h, :programme, :status, :persons, :amount, :from, :summary, :at)
                        on conflict (change_id) do nothing""")
                .param("id", change.changeId()).param("h", change.householdId())
                .param("programme", change.programme().name()).param("status", change.status().name())
                .param("persons", change.persons().size()).param("amount", change.amount())
                .param("from", change.effectiveFrom()).param("summary", AssistanceStatusText.summary(change))
                .param("at", Timestamp.from(change.recordedAt()))
                .update();
        if (inserted == 0 || change.programme() == Programme.TEMPORARY_AID) {
            return inserted > 0;
        }
        for (AssistanceStatusChanged.Person person : change.persons()) {
            if (change.status() == Status.GRANTED) {
                jdbc.sql("""
                                insert into assistance_period (id, household_id, person_id, programme, valid_from)
                                values (:id, :h, :p, :programme, :from)
                                on conflict (person_id, programme) where valid_to is null do nothing""")
                        .param("id", UUID.randomUUID()).param("h", change.householdId()).param("p", person.personId())
                        .param("programme", change.programme().name()).param("from", change.effectiveFrom())
                        .update();
            } else if (change.status() == Status.STOPPED) {
                jdbc.sql("""
                                update assistance_period set valid_to = greatest(valid_from, :to)
                                where person_id = :p and programme = :programme and valid_to is null""")
                        .param("to", change.effectiveFrom()).param("p", person.personId())
                        .param("programme", change.programme().name())
                        .update();
            }
        }
        return true;
    }

    /** The household's dibao and 特困 periods, oldest first. */
    public List<Period> periodsOf(UUID householdId) {
        return jdbc.sql("""
                        select programme, person_id, valid_from, valid_to from assistance_period
                        where household_id = :h order by valid_from, programme, person_id""")
                .param("h", householdId)
                .query((rs, n) -> {
                    Programme programme = Programme.valueOf(rs.getString(1));
                    return new Period(programme, AssistanceStatusText.label(programme), rs.getObject(2, UUID.class),
                            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class));
                })
                .list();
    }
}
