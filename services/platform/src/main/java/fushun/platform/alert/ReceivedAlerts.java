package fushun.platform.alert;

import fushun.contracts.Bureau;
import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alerts this service received ({@code platform.received_alert}): recorded once, acknowledged
 * when they name the service's bureau, listed within the caller's jurisdiction.
 */
public class ReceivedAlerts {

    private static final Logger log = LoggerFactory.getLogger(ReceivedAlerts.class);

    // The table is named with its schema: until a service's own migration drops its old
    // received_alert in public, that one comes first on the search path.
    private static final String SELECT = "select alert_id, household_id, division_code, risk_types, explanation, named,"
            + " assignment_id, due_date, status, received_at from platform.received_alert";

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final Bureau bureau;
    private final String measureTopic;
    private final String caseReferencePrefix;
    private final String[] readers;
    private final Supplier<AlertReaction> reaction;

    /**
     * @param measureTopic where the acknowledgements go: the service's {@code <service>.measure.v1}
     * @param reaction     looked up on first use, so that the service's reaction may itself use this
     *                     class (to move a household's alerts, say) without a cycle at start
     */
    public ReceivedAlerts(JdbcClient jdbc, OutboxWriter outbox, Clock clock, AlertIntakeProperties settings,
                          String measureTopic, Supplier<AlertReaction> reaction) {
        if (settings.readers().isEmpty()) {
            throw new IllegalStateException("platform.alerts.readers is required: the roles that may read the "
                    + "service's received alerts (e.g. hr-officer, analyst)");
        }
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.bureau = settings.bureau();
        this.measureTopic = measureTopic;
        this.caseReferencePrefix = settings.caseReferencePrefix() != null ? settings.caseReferencePrefix()
                : bureau != null ? bureau.name() : null;
        this.readers = settings.readers().toArray(String[]::new);
        this.reaction = reaction;
    }

    /**
     * Records the alert, the first time only; if it names this service's bureau, takes the assignment
     * on (the service's {@link AlertReaction}) and acknowledges it on the measure topic, then lets
     * the service react. Runs in the listener's transaction, with its inbox entry: a redelivery never
     * gets here, and a replay under a new event id finds the alert recorded and does nothing.
     *
     * @return true if the alert was new
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean receive(RiskAlertRaised alert) {
        RiskAlertRaised.Assignment assignment = bureau != null && alert.names(bureau) ? alert.assignmentFor(bureau) : null;
        int inserted = jdbc.sql("""
                        insert into platform.received_alert (alert_id, household_id, division_code, risk_types,
                                                             explanation, named, assignment_id, due_date, status)
                        values (:alert, :household, :division, :types, :explanation, :named, :assignment, :due, :status)
                        on conflict (alert_id) do nothing""")
                .param("alert", alert.alertId()).param("household", alert.householdId())
                .param("division", alert.divisionCode())
                .param("types", alert.riskTypes().stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("explanation", alert.explanation()).param("named", assignment != null)
                .param("assignment", assignment == null ? null : assignment.assignmentId())
                .param("due", assignment == null ? null : assignment.dueDate())
                .param("status", assignment == null ? ReceivedAlert.NOTED : ReceivedAlert.ACKNOWLEDGED)
                .update();
        if (inserted == 0 || assignment == null) {
            if (inserted == 1) {
                log.info("Alert {} for household {} received (names another bureau)", alert.alertId(), alert.householdId());
            }
            return inserted == 1;
        }
        AlertReaction bureauReaction = reaction.get();
        String caseReference = bureauReaction.openCase(alert, assignment)
                .orElseGet(() -> caseReferencePrefix + "-" + alert.alertId().toString().substring(0, 8));
        outbox.append(measureTopic, alert.householdId().toString(), alert.divisionCode(),
                new AssignmentAcknowledged(assignment.assignmentId(), alert.alertId(), alert.householdId(), bureau,
                        caseReference, clock.instant()));
        bureauReaction.onAssigned(alert, assignment);
        log.info("Alert {} for household {} received and acknowledged: assignment {}, {}", alert.alertId(),
                alert.householdId(), assignment.assignmentId(), caseReference);
        return true;
    }

    /**
     * The alerts in the caller's division, newest first (the alert id orders those of one instant, so
     * pages neither repeat nor skip one), with their total. {@code namedOnly} keeps the alerts that
     * name this service's bureau; a service that answers for none has no such alerts.
     */
    public Page<ReceivedAlert> list(Jurisdiction jurisdiction, boolean namedOnly, int page, int size) {
        long total = jdbc.sql("""
                        select count(*) from platform.received_alert
                        where division_code like :scope and (named or not :namedOnly)""")
                .param("scope", jurisdiction.likePattern()).param("namedOnly", namedOnly).query(Long.class).single();
        List<ReceivedAlert> items = jdbc.sql(SELECT + " where division_code like :scope and (named or not :namedOnly)"
                        + " order by received_at desc, alert_id limit :size offset :offset")
                .param("scope", jurisdiction.likePattern()).param("namedOnly", namedOnly)
                .param("size", size).param("offset", (long) page * size)
                .query(ReceivedAlert.class).list();
        return new Page<>(items, page, size, total);
    }

    /** One alert, if it was received and is in the caller's division. */
    public Optional<ReceivedAlert> find(UUID alertId, Jurisdiction jurisdiction) {
        return jdbc.sql(SELECT + " where alert_id = :a and division_code like :scope")
                .param("a", alertId).param("scope", jurisdiction.likePattern())
                .query(ReceivedAlert.class).optional();
    }

    /** The household's alerts that name this service's bureau, newest first. */
    public List<ReceivedAlert> assignedTo(UUID householdId) {
        return jdbc.sql(SELECT + " where household_id = :h and named order by received_at desc, alert_id")
                .param("h", householdId).query(ReceivedAlert.class).list();
    }

    /** The household moved to another division: its alerts go with it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void householdMoved(UUID householdId, String divisionCode) {
        jdbc.sql("""
                        update platform.received_alert set division_code = :d
                        where household_id = :h and division_code <> :d""")
                .param("d", divisionCode).param("h", householdId).update();
    }

    /** The household moved to another division: these of its alerts go with it (the others stay where they were worked). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void householdMoved(UUID householdId, String divisionCode, Collection<UUID> alertIds) {
        if (alertIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update platform.received_alert set division_code = :d
                        where household_id = :h and division_code <> :d and alert_id in (:alerts)""")
                .param("d", divisionCode).param("h", householdId).param("alerts", alertIds).update();
    }

    /** Whether this service answers for a bureau, i.e. whether an alert can name it. */
    public boolean answersForABureau() {
        return bureau != null;
    }

    /** The roles that may read the list ({@code platform.alerts.readers}), for {@code @PreAuthorize}. */
    public String[] readers() {
        return readers.clone();
    }
}
