package fushun.assetmanagement.demo;

import fushun.assetmanagement.income.AssetIncome;
import fushun.assetmanagement.ledger.AssetLedger;
import fushun.platform.demo.DemoSeed;
import fushun.platform.security.Jurisdiction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The local platform's demo: a few project assets in the demo villages, with last year's income,
 * registered and recorded through the ledger and income as an operator of the city would (each asset
 * with its audit line).
 */
@Component
class DemoData extends DemoSeed {

    private record Asset(String village, String name, String type, String project, String value, String income) {
    }

    private static final List<Asset> ASSETS = List.of(
            new Asset("210422100201", "村级光伏电站", "OPERATING", "光伏扶贫项目", "500000.00", "36000.00"),
            new Asset("210422100201", "通村水泥路", "PUBLIC_WELFARE", "基础设施项目", "800000.00", null),
            new Asset("210423100201", "食用菌种植大棚", "OPERATING", "产业扶贫项目", "300000.00", "18000.00"),
            new Asset("210421100201", "到户肉牛", "HOUSEHOLD", "产业到户项目", "24000.00", null));

    private final AssetLedger ledger;
    private final AssetIncome income;

    DemoData(AssetLedger ledger, AssetIncome income) {
        this.ledger = ledger;
        this.income = income;
    }

    @Override
    protected String table() {
        return "asset";
    }

    @Override
    protected void seed(JdbcClient jdbc) {
        Jurisdiction city = Jurisdiction.of("210400");
        int lastYear = LocalDate.now().getYear() - 1;
        for (Asset asset : ASSETS) {
            UUID id = ledger.register(asset.village(), asset.name(), asset.type(), asset.project(),
                    new BigDecimal(asset.value()), asset.type().equals("HOUSEHOLD") ? "受益农户" : "村集体",
                    "村集体经济合作社", "demo", city).id();
            if (asset.income() != null) {
                income.record(id, lastYear, new BigDecimal(asset.income()), "demo", city);
            }
        }
    }
}
