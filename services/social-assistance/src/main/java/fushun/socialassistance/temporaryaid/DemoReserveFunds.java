package fushun.socialassistance.temporaryaid;

import fushun.platform.demo.DemoSeed;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The local platform's demo: the demo townships' temporary-aid funds, topped up once on first start. */
@Component
class DemoReserveFunds extends DemoSeed {

    private static final List<String> TOWNSHIPS = List.of("210422100", "210423100", "210421100");

    @Override
    protected String table() {
        return "reserve_fund";
    }

    @Override
    protected void seed(JdbcClient jdbc) {
        for (String township : TOWNSHIPS) {
            jdbc.sql("insert into reserve_fund (township_code, balance) values (:t, :a)")
                    .param("t", township).param("a", new BigDecimal("50000.00")).update();
            jdbc.sql("""
                            insert into fund_movement (id, township_code, kind, amount, reason, recorded_by)
                            values (:id, :t, 'TOP_UP', :a, '演示数据：县级拨付临时救助备用金', 'demo')""")
                    .param("id", UUID.randomUUID()).param("t", township).param("a", new BigDecimal("50000.00")).update();
        }
    }
}
