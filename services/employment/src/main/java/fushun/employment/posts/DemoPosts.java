package fushun.employment.posts;

import fushun.platform.demo.DemoSeed;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The local platform's demo: public-welfare posts in the demo villages, set once on first start. */
@Component
class DemoPosts extends DemoSeed {

    private record Post(String village, String type, int seats, String subsidy) {
    }

    private static final List<Post> POSTS = List.of(
            new Post("210422100201", "生态护林员", 3, "800.00"),
            new Post("210422100202", "村庄保洁员", 2, "600.00"),
            new Post("210423100201", "农村水管员", 2, "700.00"),
            new Post("210421100201", "乡村护路员", 2, "600.00"));

    @Override
    protected String table() {
        return "welfare_post";
    }

    @Override
    protected void seed(JdbcClient jdbc) {
        for (Post post : POSTS) {
            jdbc.sql("""
                            insert into welfare_post (id, division_code, post_type, seats, monthly_subsidy, created_by)
                            values (:id, :d, :type, :seats, :subsidy, 'demo')""")
                    .param("id", UUID.randomUUID()).param("d", post.village()).param("type", post.type())
                    .param("seats", post.seats()).param("subsidy", new BigDecimal(post.subsidy())).update();
        }
    }
}
