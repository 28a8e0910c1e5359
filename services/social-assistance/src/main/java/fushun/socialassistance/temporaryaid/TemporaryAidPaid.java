package fushun.socialassistance.temporaryaid;

import java.time.YearMonth;

/**
 * A temporary-aid payout from {@code township}'s fund was paid in {@code month} (the green channel
 * when recorded, any other when its review approved it): the month's figures changed. Announced
 * inside the payment's transaction, so whoever listens writes in it.
 *
 * @param township the fund's nine-digit township code
 */
public record TemporaryAidPaid(String township, YearMonth month) {

    /** The six-digit county the fund belongs to. */
    public String county() {
        return township.substring(0, 6);
    }
}
