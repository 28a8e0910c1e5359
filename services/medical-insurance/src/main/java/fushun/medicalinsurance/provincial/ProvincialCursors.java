package fushun.medicalinsurance.provincial;

import fushun.medicalinsurance.settlement.SettlementFeed;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where each county's pull stands: its cursor (the provincial platform's {@code nextCursor}), what
 * it pulled, its last success and failure, and the rows the feed rejected.
 */
@Component
class ProvincialCursors {

    private final JdbcClient jdbc;

    ProvincialCursors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cursor, creating the county's row on first use. */
    String cursorOf(String county) {
        jdbc.sql("insert into provincial_cursor (county_code) values (:c) on conflict do nothing").param("c", county).update();
        return jdbc.sql("select cursor_value from provincial_cursor where county_code = :c").param("c", county)
                .query((rs, n) -> rs.getString(1)).list().get(0);
    }

    /**
     * Moves the cursor past a stored page, compare-and-set: false if a concurrent run moved it
     * first (the caller rolls its page back). A page without a next cursor leaves it where it was.
     */
    boolean advance(String county, String before, String next, int accepted) {
        return jdbc.sql("""
                        update provincial_cursor set cursor_value = coalesce(:next, cursor_value),
                            pulled = pulled + :accepted,
                            last_success = now()
                        where county_code = :c and cursor_value is not distinct from :before""")
                .param("next", next).param("accepted", accepted)
                .param("c", county).param("before", before).update() == 1;
    }

    /** Keeps a row the feed rejected, with its problems, for the county to follow up. */
    void rejected(String county, SettlementFeed.RowResult row) {
        jdbc.sql("insert into provincial_rejected (settlement_id, county_code, problems) values (:id, :c, :p)")
                .param("id", String.valueOf(row.settlementId())).param("c", county)
                .param("p", row.problems().stream().map(p -> p.field() + ": " + p.message())
                        .reduce((a, b) -> a + "; " + b).orElse("")).update();
    }

    void failed(String county, String error) {
        jdbc.sql("update provincial_cursor set last_failure = now(), last_error = :error where county_code = :c")
                .param("error", error).param("c", county).update();
    }

    List<ProvincialPull.CountyState> states() {
        return jdbc.sql("""
                        select county_code, cursor_value, pulled, last_success, last_failure, last_error
                        from provincial_cursor order by county_code""")
                .query((rs, n) -> new ProvincialPull.CountyState(rs.getString(1), rs.getString(2), rs.getLong(3),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), rs.getString(6)))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
