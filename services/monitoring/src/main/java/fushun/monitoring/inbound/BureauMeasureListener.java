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
        inbound.applyOnce(CONSUMER, json, AssignmentAcknowledged.class, event -> assignments.onAcknowledged(event.data(), event.source()));
        inbound.applyOnce(CONSUMER, json, MeasureApplied.class, event -> assignments.onMeasure(event.data(), event.source()));
        inbound.applyOnce(CONSUMER, json, CaseClosed.class, event -> assignments.onClosed(event.data(), event.source()));
        inbound.applyOnce(CONSUMER, json, AssetIncomeDistributed.class, event -> {
            // only asset management distributes asset income
            if ("asset-management".equals(event.source())) {
                jdbc.sql("""
                                insert into asset_income_share (distribution_id, household_id, plan_id, year, purpose, amount,
                                                                distributed_on)
                                values (:id, :h, :p, :y, :purpose, :amount, :on) on conflict do nothing""")
                        .param("id", event.data().distributionId()).param("h", event.data().householdId())
                        .param("p", event.data().planId()).param("y", event.data().year())
                        .param("purpose", event.data().purpose()).param("amount", event.data().amount())
                        .param("on", event.data().distributedOn()).update();
            }
        });
    }
}
