package fushun.employment.posts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A welfare post's subsidy for one month (公益性岗位补贴): the full monthly subsidy at the required
 * days or more, otherwise days worked ÷ required days × the monthly subsidy, rounded half up to the
 * fen. Pure: the required days are a policy parameter the caller looks up for the month.
 */
public final class PostSubsidy {

    private PostSubsidy() {
    }

    public static BigDecimal forMonth(BigDecimal monthlySubsidy, int daysWorked, int requiredDays) {
        if (daysWorked < 0 || requiredDays <= 0) {
            throw new IllegalArgumentException("days worked must be 0 or more and required days more than 0");
        }
        BigDecimal subsidy = daysWorked >= requiredDays ? monthlySubsidy
                : monthlySubsidy.multiply(BigDecimal.valueOf(daysWorked))
                        .divide(BigDecimal.valueOf(requiredDays), 2, RoundingMode.HALF_UP);
        return subsidy.setScale(2, RoundingMode.HALF_UP);
    }
}
