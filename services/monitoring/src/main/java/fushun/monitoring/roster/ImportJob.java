package fushun.monitoring.roster;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** An import's state, as the API reports it. */
public record ImportJob(UUID id, String fileName, String format, String status, Integer totalRows, int processedRows,
                        int householdsRegistered, int householdsUnchanged, int rejectedRows, Instant submittedAt,
                        Instant finishedAt, String failure) {

    /** Share of rows processed, 0-100; 0 until the rows are counted. */
    @JsonProperty("percent")
    public int percent() {
        if ("DONE".equals(status)) {
            return 100;
        }
        return totalRows == null || totalRows == 0 ? 0 : (int) Math.min(99, processedRows * 100L / totalRows);
    }
}
