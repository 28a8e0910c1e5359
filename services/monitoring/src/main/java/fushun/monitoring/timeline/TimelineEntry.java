package fushun.monitoring.timeline;

import java.time.Instant;
import org.springframework.jdbc.core.RowMapper;

/** One line of a household's timeline. */
public record TimelineEntry(Instant at, String kind, String summary) {

    /** Reads the columns {@code at}, {@code kind} and {@code summary}, as every source selects them. */
    public static final RowMapper<TimelineEntry> ROWS = (rs, n) ->
            new TimelineEntry(rs.getTimestamp("at").toInstant(), rs.getString("kind"), rs.getString("summary"));
}
