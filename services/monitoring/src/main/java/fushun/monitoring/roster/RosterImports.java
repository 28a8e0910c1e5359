package fushun.monitoring.roster;

import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.household.NewHousehold;
import fushun.monitoring.roster.internal.RosterReaders;
import fushun.monitoring.roster.internal.RosterRules;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.RuleViolationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts a roster file, then imports it in the background, one household at a time: valid
 * households are registered (each in its own transaction, with its event), refused rows are
 * recorded with row, column and reason, members already registered in the same household count
 * as unchanged. Jobs run one after another.
 */
@Service
public class RosterImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RosterImports.class);
    private static final int PROGRESS_EVERY = 500;

    private final JdbcClient jdbc;
    private final HouseholdRegistry registry;
    private final TransactionTemplate transaction;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "roster-import"));

    public RosterImports(JdbcClient jdbc, HouseholdRegistry registry, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A job that was running when the service stopped cannot go on (its file is gone): it failed. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedJobs() {
        jdbc.sql("update import_job set status = 'FAILED', failure = '服务重启，导入中断，请重新上传' "
                + "where status in ('QUEUED', 'RUNNING')").update();
    }

    /** Stores the upload and queues it; the same file in the same scope returns the existing job. */
    public ImportJob submit(String fileName, InputStream content, String submittedBy, Jurisdiction jurisdiction)
            throws IOException {
        String format = fileName == null ? "" : fileName.toLowerCase().endsWith(".xlsx") ? "xlsx"
                : fileName.toLowerCase().endsWith(".csv") ? "csv" : "";
        if (format.isEmpty()) {
            throw new RuleViolationException("文件格式不支持", "请上传 .xlsx 或 .csv 格式的花名册。");
        }
        if (jurisdiction.divisionCode() == null) {
            throw new RuleViolationException("超出管辖范围", "没有所属行政区划，不能导入。");
        }
        Path file = Files.createTempFile("roster-", "." + format);
        String sha256;
        try (DigestInputStream in = new DigestInputStream(content, MessageDigest.getInstance("SHA-256"));
             OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
            sha256 = HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        UUID id = UUID.randomUUID();
        int created = jdbc.sql("""
                        insert into import_job (id, file_name, sha256, format, scope, status, submitted_by)
                        values (:id, :name, :sha, :format, :scope, 'QUEUED', :by) on conflict do nothing""")
                .param("id", id).param("name", fileName).param("sha", sha256).param("format", format)
                .param("scope", jurisdiction.divisionCode()).param("by", submittedBy).update();
        if (created == 0) {
            Files.deleteIfExists(file);
            UUID existing = jdbc.sql("select id from import_job where sha256 = :sha and scope = :scope and status <> 'FAILED'")
                    .param("sha", sha256).param("scope", jurisdiction.divisionCode()).query(UUID.class).single();
            return find(existing, submittedBy, jurisdiction);
        }
        worker.submit(() -> run(id, file, format, jurisdiction));
        return find(id, submittedBy, jurisdiction);
    }

    /** A job is visible to whoever submitted it and to anyone whose division contains its scope. */
    public ImportJob find(UUID id, String caller, Jurisdiction jurisdiction) {
        return jdbc.sql("""
                        select id, file_name, format, status, total_rows, processed_rows, households_registered,
                               households_unchanged, rejected_rows, submitted_at, finished_at, failure
                        from import_job where id = :id and (submitted_by = :by or scope like :scope)""")
                .param("id", id).param("by", caller).param("scope", jurisdiction.likePattern())
                .query(ImportJob.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该导入任务。"));
    }

    public List<RosterRules.RowError> errors(UUID id, String caller, Jurisdiction jurisdiction, int page, int size) {
        find(id, caller, jurisdiction);
        return jdbc.sql("""
                        select row_number, column_name, reason from import_row_error where job_id = :id
                        order by row_number, column_name limit :size offset :offset""")
                .param("id", id).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new RosterRules.RowError(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
    }

    void run(UUID id, Path file, String format, Jurisdiction jurisdiction) {
        try {
            AtomicInteger total = new AtomicInteger();
            RosterReaders.read(file, format, row -> total.incrementAndGet());
            jdbc.sql("update import_job set status = 'RUNNING', total_rows = :total where id = :id")
                    .param("total", total.get()).param("id", id).update();
            Progress progress = new Progress(id);
            List<RosterRow> household = new ArrayList<>();
            RosterReaders.read(file, format, row -> {
                if (!household.isEmpty() && !household.get(0).cell(RosterRow.Column.HOUSEHOLD)
                        .equals(row.cell(RosterRow.Column.HOUSEHOLD))) {
                    importHousehold(household, jurisdiction, progress);
                    household.clear();
                }
                household.add(row);
            });
            if (!household.isEmpty()) {
                importHousehold(household, jurisdiction, progress);
            }
            progress.flush();
            jdbc.sql("update import_job set status = 'DONE', finished_at = :at where id = :id")
                    .param("at", Timestamp.from(Instant.now())).param("id", id).update();
        } catch (IOException | RuntimeException e) {
            log.warn("Import {} failed: {}", id, e.getClass().getSimpleName());
            jdbc.sql("update import_job set status = 'FAILED', finished_at = :at, failure = :failure where id = :id")
                    .param("at", Timestamp.from(Instant.now()))
                    .param("failure", "文件无法读取或处理中断：" + e.getClass().getSimpleName()).param("id", id).update();
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file; the OS cleans up
            }
        }
    }

    private void importHousehold(List<RosterRow> rows, Jurisdiction jurisdiction, Progress progress) {
        RosterRules.Parsed parsed = RosterRules.parse(rows);
        if (!parsed.errors().isEmpty()) {
            progress.reject(rows, parsed.errors());
            return;
        }
        NewHousehold household = parsed.household();
        List<String> numbers = household.members().stream().map(NewHousehold.NewMember::idNumber).toList();
        record Existing(UUID householdId, String divisionCode, long size) {
        }
        List<Existing> existing = jdbc.sql("""
                        select m.household_id, h.division_code,
                               (select count(*) from household_member x where x.household_id = m.household_id) as size
                        from household_member m join household h on h.id = m.household_id
                        where m.id_number in (:numbers)""")
                .param("numbers", numbers).query(Existing.class).list();
        // unchanged only if exactly this household is already there, same members, same place
        if (existing.size() == numbers.size() && existing.stream().map(Existing::householdId).distinct().count() == 1
                && existing.get(0).size() == numbers.size()
                && existing.get(0).divisionCode().equals(household.divisionCode())
                && jurisdiction.covers(existing.get(0).divisionCode())) {
            progress.unchanged(rows.size());
            return;
        }
        if (!existing.isEmpty()) {
            progress.reject(rows, List.of(new RosterRules.RowError(rows.get(0).rowNumber(), RosterRow.Column.ID_NUMBER.header(),
                    "本户成员已在其他农户中登记")));
            return;
        }
        try {
            // An import commits without waiting for the disk (many small transactions); if the server
            // crashed in between, the job is failed at restart and the same file imported again
            // fills the gap: households already registered count as unchanged.
            transaction.executeWithoutResult(status -> {
                jdbc.sql("set local synchronous_commit to off").update();
                registry.register(household, jurisdiction);
            });
            progress.registered(rows.size());
        } catch (RuleViolationException refused) {
            RosterRow.Column column = refused.title().contains("身份证") ? RosterRow.Column.ID_NUMBER : RosterRow.Column.DIVISION;
            progress.reject(rows, List.of(new RosterRules.RowError(rows.get(0).rowNumber(), column.header(),
                    refused.getMessage())));
        }
    }

    /** Counts rows and writes the counts every few hundred rows, so the percentage moves. */
    private final class Progress {
        private final UUID id;
        private int processed;
        private int registered;
        private int unchanged;
        private int rejected;
        private int sinceFlush;

        Progress(UUID id) {
            this.id = id;
        }

        void registered(int rows) {
            registered++;
            advance(rows);
        }

        void unchanged(int rows) {
            unchanged++;
            advance(rows);
        }

        void reject(List<RosterRow> rows, List<RosterRules.RowError> errors) {
            for (RosterRules.RowError error : errors) {
                jdbc.sql("insert into import_row_error (job_id, row_number, column_name, reason) values (:id, :row, :column, :reason)")
                        .param("id", id).param("row", error.row()).param("column", error.column())
                        .param("reason", error.reason()).update();
            }
            rejected += rows.size();
            advance(rows.size());
        }

        private void advance(int rows) {
            processed += rows;
            sinceFlush += rows;
            if (sinceFlush >= PROGRESS_EVERY) {
                flush();
            }
        }

        void flush() {
            sinceFlush = 0;
            jdbc.sql("""
                            update import_job set processed_rows = :processed, households_registered = :registered,
                                households_unchanged = :unchanged, rejected_rows = :rejected where id = :id""")
                    .param("processed", processed).param("registered", registered).param("unchanged", unchanged)
                    .param("rejected", rejected).param("id", id).update();
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
