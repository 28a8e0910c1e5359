package fushun.assetmanagement.ledger.web;

import fushun.assetmanagement.income.AssetIncome.Purpose;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the asset API answers: views, not table rows, so that a column added to a table is not
 * published by accident. Their field names are the API's (clients and the end-to-end tests read them).
 */
final class AssetViews {

    private AssetViews() {
    }

    record AssetView(UUID id, String divisionCode, String name, String assetType, String project, BigDecimal value,
                     String owner, String maintainer, String status) {
    }

    record ChangeView(UUID id, UUID assetId, String kind, String newOwner, String reason, String status,
                      String requestedBy, String requesterDivision, String decidedBy, String deciderDivision,
                      String decisionReason, Instant decidedAt, Instant executedAt) {
    }

    record AuditLineView(String action, String outcome, String actor, String division, String detail, Instant at) {
    }

    record PlanView(UUID id, String village, int year, BigDecimal totalIncome, List<PlanLineView> lines,
                    String confirmedBy, LocalDate confirmedOn) {
    }

    record PlanLineView(Purpose purpose, UUID householdId, BigDecimal amount) {
    }

    record VillageHouseholdView(UUID householdId, String headName, String category, boolean monitored) {
    }
}
