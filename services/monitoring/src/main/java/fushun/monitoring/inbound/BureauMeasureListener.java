package fushun.monitoring.inbound;

import fushun.contracts.assetmanagement.AssetIncomeDistributed;
import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.contracts.bureau.CaseClosed;
import fushun.contracts.bureau.MeasureApplied;
import fushun.monitoring.assignment.Assignments;
import fushun.platform.inbox.InboundEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every bureau's {@code <bureau>.measure.v1}: the answers that close the loop. */
@Component
class BureauMeasureListener {

    private static final String CONSUMER = "monitoring.measures";

    private final InboundEvents inbound;
    private final Assignments assignments;
    private final JdbcClient jdbc;

    BureauMeasureListener(InboundEvents inbound, Assignments assignments, JdbcClient jdbc) {
        this.inbound = inbound;
        this.assignments = assignments;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = "#{T(fushun.contracts.Topics).measures()}")
    void on(String json) {
        inbound.dispatch(CONSUMER, json, new InboundEvents.Handlers()
                .on(AssignmentAcknowledged.class, event -> assignments.onAcknowledged(event.data(), event.source()))
                .on(MeasureApplied.class, event -> assignments.onMeasure(event.data(), event.source()))
                .on(CaseClosed.class, event -> assignments.onClosed(event.data(), event.source()))
                .on(AssetIncomeDistributed.class, this::recordAssetIncome));
    }

    /** A household's share of its village's asset income; heard only from asset management, which distributes it. */
    private void recordAssetIncome(fushun.contracts.EventEnvelope<AssetIncomeDistributed> event) {
        if (!"asset-management".equals(event.source())) {
            return;
        }
        jdbc.sql("""
                        insert into asset_income_share (distribution_id, household_id, plan_id, year, purpose, amount,
                                                        distributed_on)
                        values (:id, :h, :p, :y, :purpose, :amount, :on) on conflict do nothing""")
                .param("id", event.data().distributionId()).param("h", event.data().householdId())
                .param("p", event.data().planId()).param("y", event.data().year())
                .param("purpose", event.data().purpose()).param("amount", event.data().amount())
                .param("on", event.data().distributedOn()).update();
    }
}
