package fushun.socialassistance.benefits.web;

import fushun.socialassistance.benefits.Programme;
import fushun.socialassistance.eligibility.SupportAssessment.Capacity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * What the application and grant endpoints answer: the same fields as the workflow's records (so
 * the same JSON), not the records that mirror its tables.
 */
final class BenefitViews {

    private BenefitViews() {
    }

    record ApplicationView(UUID id, UUID householdId, UUID caseId, String divisionCode, Programme programme,
                           String status, DeclarationView declaration, List<MemberView> members,
                           String submittedBy, Instant submittedAt, String reviewedBy, Instant reviewedAt,
                           Boolean reviewRecommends, String reviewOpinion, String decidedBy, LocalDate decidedOn,
                           String decisionReason, DecidedView determination, UUID grantId) {
    }

    record DeclarationView(BigDecimal totalIncome, BigDecimal basicPension, BigDecimal illnessSpending,
                           BigDecimal schoolingSpending, BigDecimal employmentCosts) {
    }

    record MemberView(UUID personId, Capacity capacity, BigDecimal ownYearlyIncome, BigDecimal ownBasicPension,
                      boolean underSixteen, boolean covered) {
    }

    record DecidedView(BigDecimal countedIncome, BigDecimal incomePerPerson, BigDecimal standardMonthly,
                       BigDecimal monthlyAmount, String parameterVersions, String explanation) {
    }

    record GrantView(UUID id, UUID applicationId, UUID householdId, String divisionCode, Programme programme,
                     List<UUID> coveredPersons, BigDecimal monthlyAmount, YearMonth firstMonth, YearMonth stopMonth,
                     LocalDate nextReview, String status, LocalDate grantedOn, String reviewReason) {
    }

    record CoveredPersonView(UUID personId, YearMonth stopMonth, BigDecimal share) {
    }

    record ScheduledPaymentView(YearMonth month, BigDecimal amount, boolean paid) {
    }

    record ReviewView(boolean eligible, String reason, LocalDate decidedOn, String decidedBy) {
    }

    record PayrollRunView(String county, YearMonth month, int paid, BigDecimal total, int alreadyPaid) {
    }
}
