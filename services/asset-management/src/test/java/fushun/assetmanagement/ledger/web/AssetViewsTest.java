package fushun.assetmanagement.ledger.web;

import static fushun.platform.testsupport.RecordShapes.names;
import static fushun.platform.testsupport.RecordShapes.values;
import static org.assertj.core.api.Assertions.assertThat;

import fushun.assetmanagement.income.AssetIncome;
import fushun.assetmanagement.income.DistributionPlans;
import fushun.assetmanagement.income.VillageHouseholds;
import fushun.assetmanagement.ledger.AssetChanges;
import fushun.assetmanagement.ledger.AssetLedger;
import fushun.assetmanagement.ledger.AuditTrail;
import fushun.platform.web.Page;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapstruct.factory.Mappers;

class AssetViewsTest {

    private final AssetWebMapper mapper = Mappers.getMapper(AssetWebMapper.class);

    static Stream<Arguments> viewsAndTheRecordsTheAnswersWere() {
        return Stream.of(
                Arguments.of(AssetViews.AssetView.class, AssetLedger.Asset.class),
                Arguments.of(AssetViews.ChangeView.class, AssetChanges.Change.class),
                Arguments.of(AssetViews.AuditLineView.class, AuditTrail.AuditLine.class),
                Arguments.of(AssetViews.PlanView.class, DistributionPlans.Plan.class),
                Arguments.of(AssetViews.PlanLineView.class, AssetIncome.Line.class),
                Arguments.of(AssetViews.VillageHouseholdView.class, VillageHouseholds.VillageHousehold.class));
    }

    /** The API's JSON fields are the views' components: the same names, in the same order, as before. */
    @ParameterizedTest
    @MethodSource("viewsAndTheRecordsTheAnswersWere")
    void shouldKeepTheApisFieldNamesWhenAnsweringWithAView(Class<? extends Record> view, Class<? extends Record> before) {
        assertThat(names(view)).isEqualTo(names(before));
    }

    @Test
    void shouldCopyEveryFieldWhenMappingAChange() {
        var change = new AssetChanges.Change(UUID.randomUUID(), UUID.randomUUID(), "TRANSFER", "某合作社", "整合经营",
                "APPROVED", "cun", "210422100201", "xiang", "210422100000", "同意", Instant.parse("2026-11-20T08:00:00Z"),
                null);

        assertThat(values(mapper.toView(change))).isEqualTo(values(change));
    }

    @Test
    void shouldMapEveryLineWhenMappingAPlan() {
        var line = new AssetIncome.Line(AssetIncome.Purpose.MONITORED_HOUSEHOLD, UUID.randomUUID(), new BigDecimal("300.00"));
        var welfare = new AssetIncome.Line(AssetIncome.Purpose.VILLAGE_PUBLIC_WELFARE, null, new BigDecimal("700.00"));
        var plan = new DistributionPlans.Plan(UUID.randomUUID(), "210422100201", 2025, new BigDecimal("1000.00"),
                List.of(line, welfare), "cun", LocalDate.of(2026, 1, 15));

        var view = mapper.toView(plan);

        assertThat(view.lines()).extracting(AssetViews.PlanLineView::purpose, AssetViews.PlanLineView::householdId,
                AssetViews.PlanLineView::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple(line.purpose(), line.householdId(), line.amount()),
                org.assertj.core.groups.Tuple.tuple(welfare.purpose(), null, welfare.amount()));
        assertThat(List.of(view.id(), view.village(), view.year(), view.totalIncome(), view.confirmedBy(), view.confirmedOn()))
                .isEqualTo(List.of(plan.id(), plan.village(), plan.year(), plan.totalIncome(), plan.confirmedBy(),
                        plan.confirmedOn()));
    }

    @Test
    void shouldKeepThePageAndItsCountsWhenMappingAssets() {
        var asset = new AssetLedger.Asset(UUID.randomUUID(), "210422100201", "村级光伏电站", "OPERATING", "光伏扶贫项目",
                new BigDecimal("500000.00"), "村集体", "村委会", "IN_USE");

        Page<AssetViews.AssetView> page = mapper.toAssetPage(new Page<>(List.of(asset), 1, 1, 2));

        assertThat(List.of(page.page(), page.size(), page.total())).isEqualTo(List.of(1, 1, 2L));
        assertThat(values(page.items().get(0))).isEqualTo(values(asset));
    }
}
