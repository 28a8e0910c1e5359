package fushun.employment.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The local platform's demo: public-welfare posts in the demo villages, set once on first start. */
@Component
class DemoData {

    private record Post(String village, String type, int seats, String subsidy) {
    }

    private static final List<Post> POSTS = List.of(
            new Post("210422100201", "生态护林员", 3, "800.00"),
            new Post("210422100202", "村庄保洁员", 2, "600.00"),
            new Post("210423100201", "农村水管员", 2, "700.00"),
            new Post("210421100201", "乡村护路员", 2, "600.00"));

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
            if (jdbc.sql("select count(*) from welfare_post").query(Long.class).single() > 0) {
                return;
            }
            for (Post post : POSTS) {
                jdbc.sql("""
                                insert into welfare_post (id, division_code, post_type, seats, monthly_subsidy, created_by)
                                values (:id, :d, :type, :seats, :subsidy, 'demo')""")
                        .param("id", UUID.randomUUID()).param("d", post.village()).param("type", post.type())
                        .param("seats", post.seats()).param("subsidy", new BigDecimal(post.subsidy())).update();
            }
        });
    }
}
