package fushun.socialassistance.benefits;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A covered member's share of a grant's monthly amount. Dibao is the per-person gap times the
 * members covered, so each covered member's share is the amount over the members covered at the
 * decision, to the fen; the last member to leave takes what remains, so the shares add up to the
 * amount exactly. Pure.
 */
public final class GrantShare {

    private GrantShare() {
    }

    /**
     * @param covered   members the grant covered when decided
     * @param remaining members still covered, the leaver included
     * @param stopped   shares already stopped
     */
    public static BigDecimal ofLeaver(BigDecimal monthlyAmount, int covered, int remaining, BigDecimal stopped) {
        if (covered < 1 || remaining < 1 || remaining > covered) {
            throw new IllegalArgumentException("a leaver is one of the members covered");
        }
        if (remaining == 1) {
            return monthlyAmount.subtract(stopped).setScale(2, RoundingMode.HALF_UP);
        }
        return monthlyAmount.divide(BigDecimal.valueOf(covered), 2, RoundingMode.HALF_UP);
    }
}
