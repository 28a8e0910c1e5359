package fushun.assetmanagement.ledger.web;

import fushun.assetmanagement.income.AssetIncome;
import fushun.assetmanagement.income.DistributionPlans;
import fushun.assetmanagement.income.VillageHouseholds;
import fushun.assetmanagement.ledger.AssetChanges;
import fushun.assetmanagement.ledger.AssetLedger;
import fushun.assetmanagement.ledger.AuditTrail;
import fushun.assetmanagement.ledger.web.AssetViews.AssetView;
import fushun.assetmanagement.ledger.web.AssetViews.AuditLineView;
import fushun.assetmanagement.ledger.web.AssetViews.ChangeView;
import fushun.assetmanagement.ledger.web.AssetViews.PlanLineView;
import fushun.assetmanagement.ledger.web.AssetViews.PlanView;
import fushun.assetmanagement.ledger.web.AssetViews.VillageHouseholdView;
import fushun.platform.web.Page;
import java.util.List;
import org.mapstruct.Mapper;

/** Every view's property has the same name as its source's. */
@Mapper(componentModel = "spring")
interface AssetWebMapper {

    AssetView toView(AssetLedger.Asset asset);

    List<AssetView> toAssetViews(List<AssetLedger.Asset> assets);

    ChangeView toView(AssetChanges.Change change);

    List<AuditLineView> toAuditViews(List<AuditTrail.AuditLine> lines);

    PlanView toView(DistributionPlans.Plan plan);

    PlanLineView toView(AssetIncome.Line line);

    List<VillageHouseholdView> toHouseholdViews(List<VillageHouseholds.VillageHousehold> households);

    default Page<AssetView> toAssetPage(Page<AssetLedger.Asset> page) {
        return new Page<>(toAssetViews(page.items()), page.page(), page.size(), page.total());
    }

    default Page<AuditLineView> toAuditPage(Page<AuditTrail.AuditLine> page) {
        return new Page<>(toAuditViews(page.items()), page.page(), page.size(), page.total());
    }

    default Page<VillageHouseholdView> toHouseholdPage(Page<VillageHouseholds.VillageHousehold> page) {
        return new Page<>(toHouseholdViews(page.items()), page.page(), page.size(), page.total());
    }
}
