package fushun.socialassistance.temporaryaid.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** What the reserve-fund endpoints answer: the same fields as the fund's records, not its table rows. */
final class ReserveFundViews {

    private ReserveFundViews() {
    }

    record FundView(String townshipCode, BigDecimal balance) {
    }

    record MovementView(UUID id, String kind, BigDecimal amount, UUID householdId, String reason, boolean greenChannel,
                        String status, String recordedBy, Instant recordedAt, String reviewedBy, Instant reviewedAt,
                        Boolean reviewApproved, String reviewNote) {
    }

    record PayoutTakenView(String townshipCode, BigDecimal balance, MovementView payout) {
    }
}
