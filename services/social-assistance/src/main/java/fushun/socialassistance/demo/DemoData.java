package fushun.socialassistance.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The local platform's demo: the demo townships' temporary-aid funds, topped up once on first start. */
@Component
class DemoData {

    private static final List<String> TOWNSHIPS = List.of("210422100", "210423100", "210421100");

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final boolean enabled;

    DemoData(JdbcClient jdbc, TransactionTemplate transaction, @Value("${platform.demo-data:false}") boolean enabled) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!enabled) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            if (jdbc.sql("select count(*) from reserve_fund").query(Long.class).single() > 0) {
                return;
            }
            for (String township : TOWNSHIPS) {
                jdbc.sql("insert into reserve_fund (township_code, balance) values (:t, :a)")
                        .param("t", township).param("a", new BigDecimal("50000.00")).update();
                jdbc.sql("""
                                insert into fund_movement (id, township_code, kind, amount, reason, recorded_by)
                                values (:id, :t, 'TOP_UP', :a, '演示数据：县级拨付临时救助备用金', 'demo')""")
                        .param("id", UUID.randomUUID()).param("t", township).param("a", new BigDecimal("50000.00")).update();
            }
        });
    }
}
