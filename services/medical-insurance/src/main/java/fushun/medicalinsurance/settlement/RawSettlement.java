package fushun.medicalinsurance.settlement;

/**
 * A settlement row as it came, every field as text: a row with an unreadable date or amount is
 * that row's problem, not the batch's.
 */
public record RawSettlement(String settlementId, String idNumber, String insuredCounty, String hospital,
                            String settledOn, String totalCost, String policyRangeCost, String basicInsurancePaid) {
}
