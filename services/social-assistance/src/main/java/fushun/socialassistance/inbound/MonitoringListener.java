package fushun.socialassistance.inbound;

import fushun.contracts.Topics;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.platform.alert.ReceivedAlerts;
import fushun.platform.inbox.InboundEvents;
import fushun.platform.kafka.BatchListeners;
import fushun.socialassistance.benefits.Applications;
import fushun.socialassistance.benefits.Grants;
import fushun.socialassistance.casework.CaseWork;
import fushun.socialassistance.household.HouseholdRoster;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class MonitoringListener {

    private final InboundEvents inbound;
    private final HouseholdRoster roster;
    private final ReceivedAlerts alerts;
    private final CaseWork cases;
    private final Applications applications;
    private final Grants grants;

    MonitoringListener(InboundEvents inbound, HouseholdRoster roster, ReceivedAlerts alerts, CaseWork cases,
                       Applications applications, Grants grants) {
        this.inbound = inbound;
        this.roster = roster;
        this.alerts = alerts;
        this.cases = cases;
        this.applications = applications;
        this.grants = grants;
    }

    /** A poll's household events in one transaction (the registrations of a whole roster arrive at once). */
    @KafkaListener(topics = Topics.MONITORING_HOUSEHOLD, containerFactory = BatchListeners.FACTORY)
    void onHousehold(List<ConsumerRecord<String, String>> records) {
        inbound.dispatchAll("social-assistance.households", records, new InboundEvents.Handlers()
                .on(HouseholdRegistered.class, e -> roster.onRegistered(e.data()))
                .on(HouseholdMonitored.class, e -> roster.onMonitored(e.data()))
                .on(HouseholdChanged.class, e -> roster.onChanged(e.data()).ifPresent(this::follow)));
    }

    /**
     * Received alerts, cases, applications and grants follow the household's division; every member
     * who has left stops their share of a grant (already-stopped shares stay as they are, so a
     * revision missed in between is caught up too).
     */
    private void follow(HouseholdChanged changed) {
        alerts.householdMoved(changed.householdId(), changed.divisionCode());
        cases.householdMoved(changed.householdId(), changed.divisionCode());
        applications.householdMoved(changed.householdId(), changed.divisionCode());
        changed.members().stream().filter(m -> !m.active() && m.leftOn() != null)
                .forEach(m -> grants.memberLeft(changed.householdId(), m.personId(), m.leftOn(),
                        m.leftReason() == null ? "成员减少" : m.leftReason().label()));
    }

    @KafkaListener(topics = Topics.MONITORING_RISK_ALERT)
    void onAlert(String json) {
        inbound.applyOnce("social-assistance.alerts", json, RiskAlertRaised.class, e -> alerts.receive(e.data()));
    }
}
