package fushun.medicalinsurance.settlement.web;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /api/medical-insurance/settlements}. Rows are checked one by one: a bad row is
 * reported and skipped, the good rows are kept.
 */
public record SettlementBatchRequest(
        @NotEmpty(message = "至少需要一条结算记录") @Size(max = 1000, message = "每批最多1000条") List<Row> settlements) {

    public record Row(String settlementId, String idNumber, String hospital, LocalDate settledOn,
                      BigDecimal totalCost, BigDecimal basicInsurancePaid, BigDecimal criticalIllnessPaid,
                      BigDecimal medicalAssistancePaid) {
    }
}
