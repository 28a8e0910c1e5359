package fushun.assetmanagement.income;

import fushun.assetmanagement.ledger.AssetLedger;
import fushun.platform.PlatformTime;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.RuleViolationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Income of operating assets per year (经营性资产收益), recorded once per asset and year, and not after
 * the village's {@link DistributionPlans plan} for that year is confirmed. A plan's lines serve one of
 * the {@link Purpose purposes}.
 */
@Service
public class AssetIncome {

    public enum Purpose { MONITORED_HOUSEHOLD, OUT_OF_POVERTY_HOUSEHOLD, MAINTENANCE, VILLAGE_PUBLIC_WELFARE }

    public record Line(Purpose purpose, UUID householdId, BigDecimal amount) {
    }

    private final JdbcClient jdbc;
    private final AssetLedger ledger;
    private final Clock clock;

    public AssetIncome(JdbcClient jdbc, AssetLedger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A year's income of an operating asset, once, and not after the village's plan for that year. */
    @Transactional
    public void record(UUID assetId, int year, BigDecimal amount, String by, Jurisdiction jurisdiction) {
        AssetLedger.Asset asset = ledger.find(assetId, jurisdiction);
        PlanLock.lock(jdbc, asset.divisionCode(), year);
        if (PlanLock.confirmed(jdbc, asset.divisionCode(), year)) {
            throw new RuleViolationException("方案已确认", "该村 " + year + " 年的收益分配方案已经确认，不能再登记收益。");
        }
        String type = asset.assetType();
        if (!type.equals("OPERATING")) {
            throw new RuleViolationException("非经营性资产", "只有经营性资产登记年度收益。");
        }
        if (year > PlatformTime.today(clock).getYear()) {
            throw new RuleViolationException("年份未到", "不能登记未来年度的收益。");
        }
        int inserted = jdbc.sql("""
                        insert into asset_income (asset_id, year, amount, recorded_by) values (:a, :y, :amount, :by)
                        on conflict do nothing""")
                .param("a", assetId).param("y", year).param("amount", amount).param("by", by).update();
        if (inserted == 0) {
            throw new RuleViolationException("收益已登记", year + " 年收益已经登记。");
        }
    }

    /** The village's income of the year: all its operating assets' income (the ledger says which they are). */
    public BigDecimal incomeOf(String village, int year) {
        List<UUID> operating = ledger.operatingAssetsOf(village);
        if (operating.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return jdbc.sql("select coalesce(sum(amount), 0) from asset_income where asset_id = any(:assets) and year = :y")
                .param("assets", new SqlArrayValue("uuid", operating.toArray())).param("y", year)
                .query(BigDecimal.class).single();
    }
}
