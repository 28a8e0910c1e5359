package fushun.medicalinsurance.settlement.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the year-to-date endpoint answers: the same fields as {@code YearToDate}'s records. */
final class YearToDateViews {

    private YearToDateViews() {
    }

    record HouseholdYearView(UUID householdId, int year, List<PersonYearView> persons, BigDecimal totalCost,
                             BigDecimal selfPay) {
    }

    record PersonYearView(String maskedIdNumber, long settlements, BigDecimal totalCost, BigDecimal basicInsurance,
                          BigDecimal criticalIllness, BigDecimal medicalAssistance, BigDecimal selfPay,
                          LocalDate leftOn) {
    }
}
