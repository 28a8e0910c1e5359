package fushun.socialassistance.inbound;

import fushun.contracts.Topics;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.platform.inbox.InboundEvents;
import fushun.socialassistance.casework.CaseWork;
import fushun.socialassistance.household.HouseholdRoster;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class MonitoringListener {

    private final InboundEvents inbound;
    private final HouseholdRoster roster;
    private final CaseWork cases;

    MonitoringListener(InboundEvents inbound, HouseholdRoster roster, CaseWork cases) {
        this.inbound = inbound;
        this.roster = roster;
        this.cases = cases;
    }

    @KafkaListener(topics = Topics.MONITORING_HOUSEHOLD)
    void onHousehold(String json) {
        inbound.dispatch("social-assistance.households", json, new InboundEvents.Handlers()
                .on(HouseholdRegistered.class, e -> roster.onRegistered(e.data()))
                .on(HouseholdMonitored.class, e -> roster.onMonitored(e.data())));
    }

    @KafkaListener(topics = Topics.MONITORING_RISK_ALERT)
    void onAlert(String json) {
        inbound.applyOnce("social-assistance.alerts", json, RiskAlertRaised.class, e -> cases.onAlert(e.data()));
    }
}
