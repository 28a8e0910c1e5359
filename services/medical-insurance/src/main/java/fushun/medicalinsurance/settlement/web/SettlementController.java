package fushun.medicalinsurance.settlement.web;

import fushun.medicalinsurance.settlement.SettlementFeed;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SettlementController {

    /** Per-row outcome of a batch; {@code rejected} rows carry their problems, field by field. */
    record BatchResult(long accepted, long duplicates, long rejected, List<SettlementViews.RowResultView> rows) {
    }

    private final SettlementFeed feed;
    private final SettlementWebMapper mapper;

    SettlementController(SettlementFeed feed, SettlementWebMapper mapper) {
        this.feed = feed;
        this.mapper = mapper;
    }

    @PostMapping("/api/medical-insurance/settlements")
    @PreAuthorize("hasRole('medical-insurance-integration')")
    BatchResult submit(@Valid @RequestBody SettlementBatchRequest request, Authentication caller) {
        List<SettlementFeed.RowResult> rows = feed.accept(mapper.toRecords(request.settlements()), caller.getName(), "API");
        return new BatchResult(count(rows, SettlementFeed.Outcome.ACCEPTED), count(rows, SettlementFeed.Outcome.DUPLICATE),
                count(rows, SettlementFeed.Outcome.REJECTED), mapper.toViews(rows));
    }

    private static long count(List<SettlementFeed.RowResult> rows, SettlementFeed.Outcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
