package fushun.assetmanagement.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.assetmanagement.income.AssetIncome;
import fushun.platform.testsupport.ServiceIntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo goes through the ledger and income, as an operator would; seeded and rolled back, on a real PostgreSQL. */
@ServiceIntegrationTest
class DemoDataIT {

    @Autowired DemoData demo;
    @Autowired AssetIncome income;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    @Test
    void shouldRegisterEachAssetWithItsAuditLineAndRecordLastYearsIncomeWhenSeeding() {
        int lastYear = LocalDate.now().getYear() - 1;
        transaction.executeWithoutResult(status -> {
            // as on a first start: no village's plan confirmed yet (other tests' plans would refuse the income)
            jdbc.sql("delete from distribution_line").update();
            jdbc.sql("delete from distribution_plan").update();
            BigDecimal xinbin = income.incomeOf("210422100201", lastYear);
            BigDecimal qingyuan = income.incomeOf("210423100201", lastYear);

            demo.seed(jdbc);

            assertThat(jdbc.sql("""
                            select name || ' ' || owner || ' ' || maintainer || ' ' || status from asset
                            where created_by = 'demo' order by name""").query(String.class).list())
                    .containsExactly("到户肉牛 受益农户 村集体经济合作社 IN_USE", "村级光伏电站 村集体 村集体经济合作社 IN_USE",
                            "通村水泥路 村集体 村集体经济合作社 IN_USE", "食用菌种植大棚 村集体 村集体经济合作社 IN_USE");
            assertThat(jdbc.sql("""
                            select count(*) from asset_audit u join asset a on a.id = u.asset_id
                            where a.created_by = 'demo' and u.action = 'REGISTER' and u.actor = 'demo'""")
                    .query(Long.class).single()).isEqualTo(4);
            assertThat(income.incomeOf("210422100201", lastYear).subtract(xinbin)).isEqualByComparingTo("36000.00");
            assertThat(income.incomeOf("210423100201", lastYear).subtract(qingyuan)).isEqualByComparingTo("18000.00");
            status.setRollbackOnly();
        });
    }
}
