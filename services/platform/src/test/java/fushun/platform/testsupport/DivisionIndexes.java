package fushun.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks that a jurisdiction query ({@code division_code like '<prefix>%'}) can be served by an index
 * on a database whose collation is not C: the tests' PostgreSQL runs C.UTF-8 (libc), under which a
 * plain btree index does not serve LIKE prefixes, just as en_US.UTF-8 or zh_CN.UTF-8 in production.
 * With sequential scans priced out, the plan must bound an index scan by the prefix.
 */
public final class DivisionIndexes {

    private DivisionIndexes() {
    }

    public static void assertPrefixServedByIndex(JdbcClient jdbc, TransactionTemplate transaction, List<String> tables) {
        String collation = jdbc.sql("select datcollate from pg_database where datname = current_database()")
                .query(String.class).single();
        assertThat(collation).as("the test database's collation").isNotIn("C", "POSIX");
        for (String table : tables) {
            String plan = transaction.execute(status -> {
                jdbc.sql("set local enable_seqscan = off").update();
                return String.join("\n", jdbc.sql("explain select * from " + table + " where division_code like '210422%'")
                        .query(String.class).list());
            });
            // the prefix bounds the index scan (an index read whole, with the prefix as a filter, does not count)
            assertThat(plan).as(table + ": " + plan).containsPattern("Index Cond: .*division_code.*~>=~")
                    .doesNotContain("Seq Scan");
        }
    }
}
