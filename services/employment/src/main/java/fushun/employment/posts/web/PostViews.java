package fushun.employment.posts.web;

import fushun.platform.web.Page;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * What the posts and pension API answers: views, not table rows, so that a column added to a table is
 * not published by accident. Their field names are the API's (clients and the end-to-end tests read them).
 */
final class PostViews {

    private PostViews() {
    }

    record PostView(UUID id, String divisionCode, String postType, int seats, BigDecimal monthlySubsidy, int holders) {
    }

    /** hiredBy is the hirer's username (null for holdings hired before it was recorded). */
    record HoldingView(UUID id, UUID postId, UUID personId, UUID householdId, LocalDate hiredOn, LocalDate exitedOn,
                       String exitReason, String hiredBy) {
    }

    record MonthlySubsidyView(UUID holdingId, YearMonth month, int daysWorked, int requiredDays, BigDecimal subsidy) {
    }

    record SuggestionsView(UUID alertId, UUID householdId, List<UUID> labourers, Page<PostView> posts) {
    }

    record PensionRosterView(String county, int year, BigDecimal lowestTier, int minAge, int pensionAge,
                             List<String> parameterVersions, List<PensionEntryView> items, int page, int size,
                             long total, BigDecimal totalAmount, int ageUnknown) {
    }

    record PensionEntryView(String divisionCode, UUID householdId, String maskedIdNumber, String basis,
                            Integer ageInYear, BigDecimal amount) {
    }
}
