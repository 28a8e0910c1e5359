package fushun.socialassistance.temporaryaid.web;

import static fushun.platform.testsupport.RecordShapes.names;
import static fushun.platform.testsupport.RecordShapes.values;
import static org.assertj.core.api.Assertions.assertThat;

import fushun.platform.web.Page;
import fushun.socialassistance.temporaryaid.ReserveFunds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapstruct.factory.Mappers;

class ReserveFundViewsTest {

    private final ReserveFundWebMapper mapper = Mappers.getMapper(ReserveFundWebMapper.class);

    static Stream<Arguments> viewsAndTheRecordsTheAnswersWere() {
        return Stream.of(
                Arguments.of(ReserveFundViews.FundView.class, ReserveFunds.Fund.class),
                Arguments.of(ReserveFundViews.MovementView.class, ReserveFunds.Movement.class),
                Arguments.of(ReserveFundViews.PayoutTakenView.class, ReserveFunds.PayoutTaken.class));
    }

    /** The API's JSON fields are the views' components: the same names, in the same order, as before. */
    @ParameterizedTest
    @MethodSource("viewsAndTheRecordsTheAnswersWere")
    void shouldKeepTheApisFieldNamesWhenAnsweringWithAView(Class<? extends Record> view, Class<? extends Record> before) {
        assertThat(names(view)).isEqualTo(names(before));
    }

    private static ReserveFunds.Movement reviewedPayout() {
        return new ReserveFunds.Movement(UUID.randomUUID(), "PAYOUT", new BigDecimal("2000.00"), UUID.randomUUID(),
                "火灾后临时救助", true, "DONE", "operator", Instant.parse("2026-11-20T08:00:00Z"), "reviewer",
                Instant.parse("2026-11-21T08:00:00Z"), true, "属实");
    }

    @Test
    void shouldCopyEveryFieldWhenMappingTheFundAndAPayoutTaken() {
        var fund = new ReserveFunds.Fund("210422100", new BigDecimal("48000.00"));
        var payout = reviewedPayout();
        var taken = new ReserveFunds.PayoutTaken("210422100", new BigDecimal("46000.00"), payout);

        var view = mapper.toView(taken);

        assertThat(values(mapper.toView(fund))).isEqualTo(values(fund));
        assertThat(List.of(view.townshipCode(), view.balance())).isEqualTo(List.of(taken.townshipCode(), taken.balance()));
        assertThat(values(view.payout())).isEqualTo(values(payout));
    }

    @Test
    void shouldKeepThePageAndItsCountsWhenMappingMovements() {
        var topUp = new ReserveFunds.Movement(UUID.randomUUID(), "TOP_UP", new BigDecimal("50000.00"), null, "县级拨付",
                false, "DONE", "operator", Instant.parse("2026-11-01T08:00:00Z"), null, null, null, null);
        var payout = reviewedPayout();

        Page<ReserveFundViews.MovementView> page = mapper.toMovementPage(new Page<>(List.of(payout, topUp), 0, 2, 5));

        assertThat(List.of(page.page(), page.size(), page.total())).isEqualTo(List.of(0, 2, 5L));
        assertThat(page.items()).hasSize(2);
        assertThat(values(page.items().get(0))).isEqualTo(values(payout));
        assertThat(values(page.items().get(1))).isEqualTo(values(topUp));
    }
}
