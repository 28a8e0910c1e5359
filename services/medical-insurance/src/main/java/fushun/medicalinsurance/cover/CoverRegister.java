package fushun.medicalinsurance.cover;

import fushun.contracts.Bureau;
import fushun.contracts.Topics;
import fushun.contracts.bureau.MeasureApplied;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.contracts.monitoring.RiskEliminated;
import fushun.contracts.monitoring.RiskEliminationRolledBack;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.platform.PlatformTime;
import fushun.platform.alert.AlertReaction;
import fushun.platform.outbox.OutboxWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is covered by which basis, over time: from civil affairs' status changes (dibao, 特困, per
 * person) and from monitoring's alerts that name medical insurance (the household, from the
 * decision date until its risk is eliminated).
 */
@Service
public class CoverRegister implements AlertReaction {

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final Clock clock;

    public CoverRegister(JdbcClient jdbc, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Dibao or 特困 granted opens a basis per person; stopped closes it from the first month without payment. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onAssistanceStatus(AssistanceStatusChanged change) {
        if (change.programme() == AssistanceStatusChanged.Programme.TEMPORARY_AID) {
            return;
        }
        String basis = change.programme().name();
        for (AssistanceStatusChanged.Person person : change.persons()) {
            if (person.personRef() == null) {
                continue;
            }
            if (change.status() == AssistanceStatusChanged.Status.GRANTED) {
                jdbc.sql("""
                                insert into cover_status (id, basis, person_ref, household_id, valid_from, source_id)
                                values (:id, :basis, :ref, :h, :from, :source)""")
                        .param("id", UUID.randomUUID()).param("basis", basis).param("ref", person.personRef())
                        .param("h", change.householdId()).param("from", change.effectiveFrom())
                        .param("source", change.changeId()).update();
            } else if (change.status() == AssistanceStatusChanged.Status.STOPPED) {
                jdbc.sql("""
                                update cover_status set valid_to = greatest(valid_from, :to)
                                where basis = :basis and person_ref = :ref and valid_to is null""")
                        .param("to", change.effectiveFrom()).param("basis", basis).param("ref", person.personRef())
                        .update();
            }
        }
    }

    /**
     * An alert naming medical insurance tilts the household's cover from the alert's date (the
     * county's decision), and tells monitoring so as the measure for the assignment. This service's
     * reaction to such an alert: once per alert, after the platform's intake acknowledged it.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void onAssigned(RiskAlertRaised alert, RiskAlertRaised.Assignment assignment) {
        LocalDate from = LocalDate.ofInstant(alert.raisedAt(), PlatformTime.CHINA);
        Optional<LocalDate> openSince = openSince(alert.householdId());
        if (openSince.isEmpty()) {
            jdbc.sql("""
                            insert into cover_status (id, basis, household_id, valid_from, source_id)
                            values (:id, 'MONITORED', :h, :from, :source)""")
                    .param("id", UUID.randomUUID()).param("h", alert.householdId()).param("from", from)
                    .param("source", alert.alertId()).update();
        }
        outbox.append(Topics.MEDICAL_INSURANCE_MEASURE, alert.householdId().toString(), alert.divisionCode(),
                new MeasureApplied(UUID.randomUUID(), assignment.assignmentId(), alert.alertId(), alert.householdId(),
                        Bureau.MEDICAL_INSURANCE, "TILTED_COVER",
                        "自 " + openSince.orElse(from)
                                + " 起，该户成员大病保险起付线降低、支付比例提高、取消封顶线，并纳入医疗救助",
                        null, from, clock.instant()));
    }

    /** Risk eliminated: the household's tilt ends that day. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onEliminated(RiskEliminated eliminated) {
        LocalDate to = LocalDate.ofInstant(eliminated.eliminatedAt(), PlatformTime.CHINA);
        jdbc.sql("""
                        update cover_status set valid_to = greatest(valid_from, :to)
                        where basis = 'MONITORED' and household_id = :h and valid_to is null""")
                .param("to", to).param("h", eliminated.householdId()).update();
    }

    /**
     * An elimination taken back: as if it had not happened, the household's tilt that it ended runs
     * on (the interval reopens), so settlements in between are treated as tilted from now on.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onRolledBack(RiskEliminationRolledBack rolledBack) {
        jdbc.sql("""
                        update cover_status set valid_to = null
                        where id = (select id from cover_status where basis = 'MONITORED' and household_id = :h
                                    order by valid_from desc limit 1)
                          and valid_to is not null""")
                .param("h", rolledBack.householdId()).update();
    }

    /** The cover bases of a batch's persons and households, read in one query. */
    public static final class Bases {

        private record Basis(CoverClass coverClass, LocalDate validFrom, LocalDate validTo) {

            boolean inForceOn(LocalDate day) {
                return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
            }
        }

        private final Map<String, List<Basis>> byPerson = new HashMap<>();
        private final Map<UUID, List<Basis>> byHousehold = new HashMap<>();

        /**
         * The strongest basis in force for a person on a day, if any: the person's own, or their
         * household's ({@code householdId} null: none).
         */
        public Optional<CoverClass> classOn(String personRef, UUID householdId, LocalDate day) {
            List<Basis> candidates = new ArrayList<>(byPerson.getOrDefault(personRef, List.of()));
            if (householdId != null) {
                candidates.addAll(byHousehold.getOrDefault(householdId, List.of()));
            }
            return candidates.stream().filter(b -> b.inForceOn(day)).map(Basis::coverClass)
                    .min(Comparator.naturalOrder());
        }
    }

    /**
     * The bases of these persons (their own) and households (the household's, for each member), in
     * one query for a whole batch; {@link Bases#classOn} answers per row.
     */
    public Bases basesOf(Collection<String> personRefs, Collection<UUID> householdIds) {
        Bases bases = new Bases();
        if (personRefs.isEmpty() && householdIds.isEmpty()) {
            return bases;
        }
        // joins, not "= any": a plan that scans the table would compare every row with the whole array
        jdbc.sql("""
                        select c.basis, c.person_ref, c.household_id, c.valid_from, c.valid_to
                        from unnest(cast(:refs as bpchar[])) as r(person_ref)
                        join cover_status c on c.person_ref = r.person_ref
                        union all
                        select c.basis, c.person_ref, c.household_id, c.valid_from, c.valid_to
                        from unnest(cast(:households as uuid[])) as h(household_id)
                        join cover_status c on c.household_id = h.household_id and c.person_ref is null""")
                .param("refs", personRefs.stream().distinct().toArray(String[]::new))
                .param("households", householdIds.stream().distinct().map(UUID::toString).toArray(String[]::new))
                .query((RowCallbackHandler) rs -> {
                    String personRef = rs.getString(2);
                    UUID householdId = rs.getObject(3, UUID.class);
                    Bases.Basis basis = new Bases.Basis(CoverClass.valueOf(rs.getString(1)),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class));
                    if (personRef != null) {
                        bases.byPerson.computeIfAbsent(personRef, k -> new ArrayList<>()).add(basis);
                    } else {
                        bases.byHousehold.computeIfAbsent(householdId, k -> new ArrayList<>()).add(basis);
                    }
                });
        return bases;
    }

    /**
     * The persons' dibao or 特困 basis in force on any day of {@code [from, to)}, 特困 before dibao,
     * in one query for the whole batch; persons with neither are absent.
     */
    public Map<String, CoverClass> assistanceBasesOf(Collection<String> personRefs, LocalDate from, LocalDate to) {
        Map<String, CoverClass> bases = new HashMap<>();
        if (personRefs.isEmpty()) {
            return bases;
        }
        jdbc.sql("""
                        select person_ref, bool_or(basis = 'TEKUN') from cover_status
                        where person_ref = any(cast(:refs as bpchar[])) and basis in ('TEKUN', 'DIBAO')
                          and valid_from < :to and (valid_to is null or valid_to > :from)
                        group by person_ref""")
                .param("refs", personRefs.stream().distinct().toArray(String[]::new))
                .param("from", from).param("to", to)
                .query((RowCallbackHandler) rs -> bases.put(rs.getString(1),
                        rs.getBoolean(2) ? CoverClass.TEKUN : CoverClass.DIBAO));
        return bases;
    }

    private Optional<LocalDate> openSince(UUID householdId) {
        return jdbc.sql("""
                        select valid_from from cover_status where basis = 'MONITORED' and household_id = :h
                          and valid_to is null order by valid_from limit 1""")
                .param("h", householdId).query(LocalDate.class).optional();
    }
}
