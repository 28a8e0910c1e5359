package fushun.monitoring.income;

import fushun.contracts.assetmanagement.AssetIncomeDistributed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A household's shares of its village's asset income (资产收益分配), as asset management distributed them. */
@Service
public class AssetIncomeShares {

    private final JdbcClient jdbc;

    public AssetIncomeShares(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the share once: the distribution's id is the key, so a redelivery changes nothing. */
    public void record(AssetIncomeDistributed share) {
        jdbc.sql("""
                        insert into asset_income_share (distribution_id, household_id, plan_id, year, purpose, amount,
                                                        distributed_on)
                        values (:id, :h, :p, :y, :purpose, :amount, :on) on conflict do nothing""")
                .param("id", share.distributionId()).param("h", share.householdId())
                .param("p", share.planId()).param("y", share.year())
                .param("purpose", share.purpose()).param("amount", share.amount())
                .param("on", share.distributedOn()).update();
    }
}
