package fushun.medicalinsurance.settlement;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** When a month's settlements arrived, per insured county: what the feed's completeness is judged on. */
@Service
public class SettlementArrivals {

    /** A county's settlements of the month received before the cutoff, from it on, and the first one's arrival. */
    public record Arrived(long onTime, long late, Instant firstReceivedAt) {
    }

    private final JdbcClient jdbc;

    public SettlementArrivals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The month's settlements per county whose code matches {@code countyPattern} (SQL like), in one
     * grouped query; a county without any is absent.
     */
    public Map<String, Arrived> perCounty(YearMonth month, Instant cutoff, String countyPattern) {
        Map<String, Arrived> arrived = new HashMap<>();
        jdbc.sql("""
                        select insured_county, count(*) filter (where received_at < :cutoff),
                               count(*) filter (where received_at >= :cutoff), min(received_at)
                        from settlement
                        where settled_on >= :from and settled_on < :to and insured_county like :scope
                        group by insured_county""")
                .param("cutoff", Timestamp.from(cutoff)).param("from", month.atDay(1))
                .param("to", month.plusMonths(1).atDay(1)).param("scope", countyPattern)
                .query((RowCallbackHandler) rs -> {
                    Timestamp first = rs.getTimestamp(4);
                    arrived.put(rs.getString(1), new Arrived(rs.getLong(2), rs.getLong(3),
                            first == null ? null : first.toInstant()));
                });
        return arrived;
    }
}
