package fushun.medicalinsurance.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One settlement as an integration or the provincial platform reports it: the insured person's ID
 * number (hashed and masked on arrival), the county they are insured in (参保地), the hospital, the
 * date, the total cost, the part inside the policy range (政策范围内费用) and what basic insurance
 * paid. Critical-illness insurance and medical assistance are computed here.
 */
public record SettlementRecord(String settlementId, String idNumber, String insuredCounty, String hospital,
                               LocalDate settledOn, BigDecimal totalCost, BigDecimal policyRangeCost,
                               BigDecimal basicInsurancePaid) {
}
