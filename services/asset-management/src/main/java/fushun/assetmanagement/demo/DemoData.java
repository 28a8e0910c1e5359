package fushun.assetmanagement.demo;

import fushun.platform.demo.DemoSeed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The local platform's demo: a few project assets in the demo villages, with last year's income. */
@Component
class DemoData extends DemoSeed {

    private record Asset(String village, String name, String type, String project, String value, String income) {
    }

    private static final List<Asset> ASSETS = List.of(
            new Asset("210422100201", "村级光伏电站", "OPERATING", "光伏扶贫项目", "500000.00", "36000.00"),
            new Asset("210422100201", "通村水泥路", "PUBLIC_WELFARE", "基础设施项目", "800000.00", null),
            new Asset("210423100201", "食用菌种植大棚", "OPERATING", "产业扶贫项目", "300000.00", "18000.00"),
            new Asset("210421100201", "到户肉牛", "HOUSEHOLD", "产业到户项目", "24000.00", null));

    @Override
    protected String table() {
        return "asset";
    }

    @Override
    protected void seed(JdbcClient jdbc) {
        int lastYear = LocalDate.now().getYear() - 1;
        for (Asset asset : ASSETS) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            insert into asset (id, division_code, name, asset_type, project, value, owner, maintainer,
                                               status, created_by)
                            values (:id, :d, :name, :type, :project, :value, :owner, '村集体经济合作社', 'IN_USE', 'demo')""")
                    .param("id", id).param("d", asset.village()).param("name", asset.name()).param("type", asset.type())
                    .param("project", asset.project()).param("value", new BigDecimal(asset.value()))
                    .param("owner", asset.type().equals("HOUSEHOLD") ? "受益农户" : "村集体").update();
            if (asset.income() != null) {
                jdbc.sql("insert into asset_income (asset_id, year, amount, recorded_by) values (:a, :y, :amount, 'demo')")
                        .param("a", id).param("y", lastYear).param("amount", new BigDecimal(asset.income())).update();
            }
        }
    }
}
