package fushun.medicalinsurance.premium.web;

import fushun.medicalinsurance.premium.PremiumSubsidyRule;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What the premium-subsidy roster answers: the same fields as {@code PremiumSubsidies}' records. */
final class PremiumViews {

    private PremiumViews() {
    }

    record RosterView(String county, int year, BigDecimal premium, BigDecimal transitionShare, String parameterVersions,
                      List<EntryView> items, int page, int size, long total, BigDecimal totalAmount) {
    }

    record EntryView(String divisionCode, UUID householdId, String maskedIdNumber, PremiumSubsidyRule.Kind kind,
                     String basis, BigDecimal amount) {
    }
}
