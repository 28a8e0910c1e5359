package fushun.medicalinsurance.settlement.web;

import static fushun.platform.testsupport.RecordShapes.names;
import static fushun.platform.testsupport.RecordShapes.values;
import static org.assertj.core.api.Assertions.assertThat;

import fushun.medicalinsurance.settlement.SettlementFeed;
import fushun.medicalinsurance.settlement.YearToDate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapstruct.factory.Mappers;

class SettlementViewsTest {

    private final SettlementWebMapper settlements = Mappers.getMapper(SettlementWebMapper.class);
    private final YearToDateWebMapper yearToDate = Mappers.getMapper(YearToDateWebMapper.class);

    static Stream<Arguments> viewsAndTheRecordsTheAnswersWere() {
        return Stream.of(
                Arguments.of(SettlementViews.RowResultView.class, SettlementFeed.RowResult.class),
                Arguments.of(SettlementViews.RowProblemView.class, SettlementFeed.RowProblem.class),
                Arguments.of(SettlementViews.TiersView.class, SettlementFeed.Tiers.class),
                Arguments.of(YearToDateViews.HouseholdYearView.class, YearToDate.HouseholdYear.class),
                Arguments.of(YearToDateViews.PersonYearView.class, YearToDate.PersonYear.class));
    }

    /** The API's JSON fields are the views' components: the same names, in the same order, as before. */
    @ParameterizedTest
    @MethodSource("viewsAndTheRecordsTheAnswersWere")
    void shouldKeepTheApisFieldNamesWhenAnsweringWithAView(Class<? extends Record> view, Class<? extends Record> before) {
        assertThat(names(view)).isEqualTo(names(before));
    }

    @Test
    void shouldCopyEveryRowWithItsTiersOrProblemsWhenMappingABatch() {
        var tiers = new SettlementFeed.Tiers(new BigDecimal("9720.00"), new BigDecimal("1200.00"),
                new BigDecimal("800.00"), new BigDecimal("6880.00"), "DIBAO", "medical.tiers@2026-01");
        var accepted = new SettlementFeed.RowResult(1, "XB-1", SettlementFeed.Outcome.ACCEPTED, List.of(), tiers);
        var problem = new SettlementFeed.RowProblem("hospital", "必须填写医疗机构，且不超过200个字符");
        var rejected = new SettlementFeed.RowResult(2, "XB-2", SettlementFeed.Outcome.REJECTED, List.of(problem), null);

        var views = settlements.toViews(List.of(accepted, rejected));

        assertThat(views).hasSize(2);
        assertThat(values(views.get(0).tiers())).isEqualTo(values(tiers));
        assertThat(List.of(views.get(0).row(), views.get(0).settlementId(), views.get(0).outcome(), views.get(0).problems()))
                .isEqualTo(List.of(1, "XB-1", SettlementFeed.Outcome.ACCEPTED, List.of()));
        assertThat(views.get(1).tiers()).isNull();
        assertThat(views.get(1).problems()).hasSize(1);
        assertThat(values(views.get(1).problems().get(0))).isEqualTo(values(problem));
    }

    @Test
    void shouldCopyEveryPersonWhenMappingAHouseholdsYear() {
        var stays = new YearToDate.PersonYear("210422********9017", 2, new BigDecimal("18600.00"),
                new BigDecimal("9720.00"), new BigDecimal("1200.00"), new BigDecimal("800.00"), new BigDecimal("6880.00"),
                null);
        var left = new YearToDate.PersonYear("210422********1234", 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, LocalDate.of(2026, 5, 31));
        var year = new YearToDate.HouseholdYear(UUID.randomUUID(), 2026, List.of(stays, left),
                new BigDecimal("18600.00"), new BigDecimal("6880.00"));

        var view = yearToDate.toView(year);

        assertThat(List.of(view.householdId(), view.year(), view.totalCost(), view.selfPay()))
                .isEqualTo(List.of(year.householdId(), 2026, year.totalCost(), year.selfPay()));
        assertThat(view.persons()).hasSize(2);
        assertThat(values(view.persons().get(0))).isEqualTo(values(stays));
        assertThat(values(view.persons().get(1))).isEqualTo(values(left));
    }
}
