package fushun.monitoring.roster;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * An import's state, as the API reports it. {@code mode} PREVIEW lists what the file would change
 * (status PREVIEWED) until the uploader confirms; APPLY registers and changes households. Households
 * are counted by outcome: registered, changed, unchanged, refused; {@code rejectedRows} counts the
 * refused households' rows, {@code errorsNotStored} the row errors beyond the stored limit.
 */
public record ImportJob(UUID id, String fileName, String format, String mode, String status, Integer totalRows,
                        int processedRows, int householdsRegistered, int householdsChanged, int householdsUnchanged,
                        int householdsRefused, int rejectedRows, int errorsNotStored, Instant submittedAt,
                        Instant finishedAt, String failure) {

    /** Share of rows processed, 0-100; 0 until the rows are counted. */
    @JsonProperty("percent")
    public int percent() {
        if ("DONE".equals(status) || "PREVIEWED".equals(status)) {
            return 100;
        }
        return totalRows == null || totalRows == 0 ? 0 : (int) Math.min(99, processedRows * 100L / totalRows);
    }
}
