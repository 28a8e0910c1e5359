package fushun.socialassistance.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrantShareTest {

    @ParameterizedTest(name = "{0} for {1}, {2} still covered, {3} stopped -> {4}")
    @CsvSource({
            "1043.34, 3, 3, 0, 347.78",
            "1043.34, 3, 2, 347.78, 347.78",
            "1043.34, 3, 1, 695.56, 347.78",
            "1000.00, 3, 3, 0, 333.33",
            "1000.00, 3, 1, 666.66, 333.34",
            "680.00, 1, 1, 0, 680.00"})
    void shouldStopAnEqualShareAndLeaveTheLastMemberWhatRemains(BigDecimal amount, int covered, int remaining,
                                                               BigDecimal stopped, BigDecimal share) {
        assertThat(GrantShare.ofLeaver(amount, covered, remaining, stopped)).isEqualByComparingTo(share);
    }

    @Test
    void shouldAddUpToTheAmountWhenEveryoneLeaves() {
        BigDecimal amount = new BigDecimal("1000.00");
        BigDecimal first = GrantShare.ofLeaver(amount, 3, 3, BigDecimal.ZERO);
        BigDecimal second = GrantShare.ofLeaver(amount, 3, 2, first);
        BigDecimal last = GrantShare.ofLeaver(amount, 3, 1, first.add(second));

        assertThat(first.add(second).add(last)).isEqualByComparingTo(amount);
    }

    @Test
    void shouldRefuseALeaverWhoWasNotCovered() {
        assertThatThrownBy(() -> GrantShare.ofLeaver(BigDecimal.TEN, 2, 3, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
