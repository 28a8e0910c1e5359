package fushun.monitoring.inbound;

import fushun.contracts.assetmanagement.AssetIncomeDistributed;
import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.contracts.bureau.CaseClosed;
import fushun.contracts.bureau.MeasureApplied;
import fushun.monitoring.assignment.Assignments;
import fushun.monitoring.income.AssetIncomeShares;
import fushun.platform.inbox.InboundEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every bureau's {@code <bureau>.measure.v1}: the answers that close the loop. */
@Component
class BureauMeasureListener {

    private static final String CONSUMER = "monitoring.measures";

    private final InboundEvents inbound;
    private final Assignments assignments;
    private final AssetIncomeShares shares;

    BureauMeasureListener(InboundEvents inbound, Assignments assignments, AssetIncomeShares shares) {
        this.inbound = inbound;
        this.assignments = assignments;
        this.shares = shares;
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
        shares.record(event.data());
    }
}
