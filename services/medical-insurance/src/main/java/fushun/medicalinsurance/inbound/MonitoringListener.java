package fushun.medicalinsurance.inbound;

import fushun.contracts.Topics;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.contracts.monitoring.RiskEliminated;
import fushun.contracts.monitoring.RiskEliminationRolledBack;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.medicalinsurance.cover.CoverRegister;
import fushun.medicalinsurance.insured.InsuredRoster;
import fushun.medicalinsurance.settlement.MonthlyPayments;
import fushun.platform.alert.ReceivedAlerts;
import fushun.platform.inbox.InboundEvents;
import fushun.platform.kafka.BatchListeners;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class MonitoringListener {

    private final InboundEvents inbound;
    private final InsuredRoster roster;
    private final ReceivedAlerts alerts;
    private final CoverRegister cover;
    private final MonthlyPayments monthlyPayments;

    MonitoringListener(InboundEvents inbound, InsuredRoster roster, ReceivedAlerts alerts, CoverRegister cover,
                       MonthlyPayments monthlyPayments) {
        this.monthlyPayments = monthlyPayments;
        this.cover = cover;
        this.inbound = inbound;
        this.roster = roster;
        this.alerts = alerts;
    }

    /** A poll's household events in one transaction (the registrations of a whole roster arrive at once). */
    @KafkaListener(topics = Topics.MONITORING_HOUSEHOLD, containerFactory = BatchListeners.FACTORY)
    void onHousehold(List<ConsumerRecord<String, String>> records) {
        inbound.dispatchAll("medical-insurance.households", records, new InboundEvents.Handlers()
                .on(HouseholdRegistered.class, e -> roster.onRegistered(e.data()))
                .on(HouseholdChanged.class, e -> roster.onChanged(e.data()))
                .on(HouseholdMonitored.class, e -> roster.onMonitored(e.data()))
                .on(RiskEliminated.class, e -> cover.onEliminated(e.data()))
                .on(RiskEliminationRolledBack.class,
                e -> cover.onRolledBack(e.data())));
    }

    /** Civil affairs' dibao and 特困 decisions: the basis of tilted cover, assistance and premium subsidies. */
    @KafkaListener(topics = Topics.SOCIAL_ASSISTANCE_STATUS)
    void onAssistanceStatus(String json) {
        inbound.applyOnce("medical-insurance.assistance-status", json, AssistanceStatusChanged.class,
                e -> {
                    cover.onAssistanceStatus(e.data());
                    if (e.data().programme() != AssistanceStatusChanged.Programme.TEMPORARY_AID) {
                        // the premium subsidies of the status's year (and this year's) follow it
                        monthlyPayments.markSubsidiesDue(e.data().divisionCode().substring(0, 6), e.data().effectiveFrom().getYear());
                    }
                });
    }

    @KafkaListener(topics = Topics.MONITORING_RISK_ALERT)
    void onAlert(String json) {
        inbound.applyOnce("medical-insurance.alerts", json, RiskAlertRaised.class, e -> alerts.receive(e.data()));
    }
}
