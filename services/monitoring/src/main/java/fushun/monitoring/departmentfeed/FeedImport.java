package fushun.monitoring.departmentfeed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A feed import as the API reports it. Rows: read, refused (with row errors, {@code errorsNotStored}
 * beyond the stored limit), {@code findings} that met the condition for a registered household in the
 * uploader's division. Households: {@code signals} signalled for the first time for this kind and date,
 * and what those signals led to by discovery's rules: an alert, the identification procedure, nothing
 * because the risk is already monitored, or nothing because the household is 脱贫不享受政策户.
 */
public record FeedImport(UUID id, String kind, LocalDate kindVersion, String bureau, String fileName, String format,
                         LocalDate asOf, String status, int totalRows, int processedRows, int rejectedRows,
                         int errorsNotStored, int findings, int signals, int alertsRaised, int identifications,
                         int alreadyMonitored, int excluded, Instant submittedAt, Instant finishedAt, String failure) {
}
