package fushun.medicalinsurance.settlement.web;

import fushun.medicalinsurance.settlement.SettlementFeed;
import java.math.BigDecimal;
import java.util.List;

/** What a batch's rows answer: the same fields as {@link SettlementFeed}'s row results. */
final class SettlementViews {

    private SettlementViews() {
    }

    record RowResultView(int row, String settlementId, SettlementFeed.Outcome outcome, List<RowProblemView> problems,
                         TiersView tiers) {
    }

    record RowProblemView(String field, String message) {
    }

    record TiersView(BigDecimal basicInsurance, BigDecimal criticalIllness, BigDecimal medicalAssistance,
                     BigDecimal selfPay, String coverClass, String parameterVersions) {
    }
}
