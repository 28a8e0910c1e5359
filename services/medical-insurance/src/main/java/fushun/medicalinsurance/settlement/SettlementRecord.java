package fushun.medicalinsurance.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One settlement as an integration reports it; the ID number is hashed and masked on arrival. */
public record SettlementRecord(String settlementId, String idNumber, String hospital, LocalDate settledOn,
                               BigDecimal totalCost, BigDecimal basicInsurancePaid, BigDecimal criticalIllnessPaid,
                               BigDecimal medicalAssistancePaid) {
}
