package fushun.monitoring.roster;

import fushun.platform.web.Page;

import fushun.monitoring.household.HouseholdChange;
import fushun.monitoring.household.HouseholdChanges;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.household.NewHousehold;
import fushun.monitoring.roster.internal.RosterDiff;
import fushun.monitoring.roster.internal.RosterReaders;
import fushun.monitoring.roster.internal.RosterRules;
import fushun.platform.metrics.ImportMetrics;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.RuleViolationException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import fushun.platform.PlatformTime;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts a roster file, then imports it in the background, one household at a time, each in its
 * own transaction: new households are registered, registered ones get the file's differences as
 * changes (members in and out, head, relationship, capacity, flag, a category a cadre may correct,
 * the division), unchanged ones are counted. A household is imported whole or not at all; one bad
 * household (a refused row, a value the database will not take) is reported with row, column and
 * reason and never stops the others. A preview runs the same comparison without changing anything
 * and keeps the file until the uploader confirms. Jobs run one after another.
 */
@Service
public class RosterImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RosterImports.class);
    private static final int PROGRESS_EVERY = 500;
    /** Row errors kept per job; the rest are counted. */
    static final int STORED_ERRORS = 1000;
    /** How long a previewed file is kept for its confirmation. */
    static final java.time.Duration PREVIEW_KEPT = java.time.Duration.ofHours(24);

    /** A change a job made or would make, for the preview list. */
    public record PlannedChange(int row, UUID householdId, String kind, String summary, boolean applied) {
    }


    private final JdbcClient jdbc;
    private final HouseholdRegistry registry;
    private final HouseholdChanges changes;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** platform_import_rows_total{kind="roster"}: the rows of applied imports (a preview imports nothing). */
    private final ImportMetrics metrics;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "roster-import"));

    public RosterImports(JdbcClient jdbc, HouseholdRegistry registry, HouseholdChanges changes,
                         PlatformTransactionManager transactions, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.metrics = new ImportMetrics(meters, "roster", ImportMetrics.Outcome.ACCEPTED, ImportMetrics.Outcome.REJECTED);
        this.registry = registry;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A job that was running when the service stopped cannot go on (its file is gone): it failed. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedJobs() {
        jdbc.sql("update import_job set status = 'FAILED', failure = '服务重启，导入中断，请重新上传' "
                + "where status in ('QUEUED', 'RUNNING')").update();
        expirePreviews();
    }

    /**
     * A preview not confirmed within a day expires and its file (full ID numbers) is deleted; the
     * uploader previews again if they still want it.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    void expirePreviews() {
        List<String> files = jdbc.sql("""
                        update import_job set status = 'EXPIRED', spool_path = null,
                            failure = '预览超过24小时未确认，文件已删除，请重新上传'
                        where status = 'PREVIEWED' and finished_at < :limit returning spool_path""")
                .param("limit", Timestamp.from(clock.instant().minus(PREVIEW_KEPT))).query(String.class).list();
        for (String file : files) {
            try {
                if (file != null) {
                    Files.deleteIfExists(Path.of(file));
                }
            } catch (IOException e) {
                log.warn("Could not delete an expired preview's file: {}", e.getClass().getSimpleName());
            }
        }
    }

    /**
     * Stores the upload and queues it; the same file in the same scope returns the existing job.
     * {@code preview}: compare only, and keep the file for {@link #confirm}.
     */
    public ImportJob submit(String fileName, InputStream content, String submittedBy, Jurisdiction jurisdiction,
                            boolean preview) throws IOException {
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
                        insert into import_job (id, file_name, sha256, format, scope, status, submitted_by, mode, spool_path)
                        values (:id, :name, :sha, :format, :scope, 'QUEUED', :by, :mode, :spool) on conflict do nothing""")
                .param("id", id).param("name", clip(fileName, 300)).param("sha", sha256).param("format", format)
                .param("scope", jurisdiction.divisionCode()).param("by", submittedBy)
                .param("mode", preview ? "PREVIEW" : "APPLY").param("spool", file.toString()).update();
        if (created == 0) {
            Files.deleteIfExists(file);
            UUID existing = jdbc.sql("select id from import_job where sha256 = :sha and scope = :scope and status <> 'FAILED'")
                    .param("sha", sha256).param("scope", jurisdiction.divisionCode()).query(UUID.class).single();
            return find(existing, submittedBy, jurisdiction);
        }
        worker.submit(() -> run(id, file, format, jurisdiction, preview, submittedBy));
        return find(id, submittedBy, jurisdiction);
    }

    /** Applies a previewed file: the comparison runs again on today's registry, and this time changes it. */
    public ImportJob confirm(UUID id, String caller, Jurisdiction jurisdiction) {
        ImportJob job = find(id, caller, jurisdiction);
        if (!"PREVIEWED".equals(job.status())) {
            throw new RuleViolationException("不能确认", "只有预览完成的导入可以确认导入。");
        }
        record Spool(String path, String scope) {
        }
        Spool spool = jdbc.sql("select spool_path as path, scope from import_job where id = :id").param("id", id)
                .query(Spool.class).single();
        Path file = spool.path() == null ? null : Path.of(spool.path());
        if (file == null || !Files.isReadable(file)) {
            jdbc.sql("update import_job set status = 'FAILED', failure = '预览的文件已不在，请重新上传' where id = :id")
                    .param("id", id).update();
            throw new RuleViolationException("文件已不在", "预览的文件已不在（例如服务重启），请重新上传。");
        }
        int queued = jdbc.sql("""
                        update import_job set status = 'QUEUED', mode = 'APPLY', processed_rows = 0, households_registered = 0,
                            households_changed = 0, households_unchanged = 0, households_refused = 0, rejected_rows = 0,
                            errors_not_stored = 0, finished_at = null where id = :id and status = 'PREVIEWED'""")
                .param("id", id).update();
        if (queued == 0) {
            throw new RuleViolationException("不能确认", "该导入已在确认中。");
        }
        jdbc.sql("delete from import_change where job_id = :id").param("id", id).update();
        jdbc.sql("delete from import_row_error where job_id = :id").param("id", id).update();
        Jurisdiction scope = Jurisdiction.of(spool.scope());
        worker.submit(() -> run(id, file, job.format(), scope, false, caller));
        return find(id, caller, jurisdiction);
    }

    /** A job is visible to whoever submitted it and to anyone whose division contains its scope. */
    public ImportJob find(UUID id, String caller, Jurisdiction jurisdiction) {
        return jdbc.sql("""
                        select id, file_name, format, mode, status, total_rows, processed_rows, households_registered,
                               households_changed, households_unchanged, households_refused, rejected_rows, errors_not_stored,
                               submitted_at, finished_at, failure
                        from import_job where id = :id and (submitted_by = :by or scope like :scope)""")
                .param("id", id).param("by", caller).param("scope", jurisdiction.likePattern())
                .query(ImportJob.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该导入任务。"));
    }

    public Page<RosterRules.RowError> errors(UUID id, String caller, Jurisdiction jurisdiction, int page, int size) {
        find(id, caller, jurisdiction);
        long total = jdbc.sql("select count(*) from import_row_error where job_id = :id").param("id", id)
                .query(Long.class).single();
        List<RosterRules.RowError> items = jdbc.sql("""
                        select row_number, column_name, reason from import_row_error where job_id = :id
                        order by row_number, column_name limit :size offset :offset""")
                .param("id", id).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new RosterRules.RowError(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
        return new Page<>(items, page, size, total);
    }

    /** The changes the job made to registered households, or for a preview would make. */
    public Page<PlannedChange> changes(UUID id, String caller, Jurisdiction jurisdiction, int page, int size) {
        find(id, caller, jurisdiction);
        long total = jdbc.sql("select count(*) from import_change where job_id = :id").param("id", id)
                .query(Long.class).single();
        List<PlannedChange> items = jdbc.sql("""
                        select row_number, household_id, kind, summary, applied from import_change where job_id = :id
                        order by row_number, kind limit :size offset :offset""")
                .param("id", id).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new PlannedChange(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5))).list();
        return new Page<>(items, page, size, total);
    }

    /** {@code by}: who submitted or confirmed the import; the registry's changes are recorded as theirs. */
    void run(UUID id, Path file, String format, Jurisdiction jurisdiction, boolean preview, String by) {
        boolean keepFile = false;
        Timer.Sample took = metrics.start();
        try {
            AtomicInteger total = new AtomicInteger();
            RosterReaders.read(file, format, row -> total.incrementAndGet());
            jdbc.sql("update import_job set status = 'RUNNING', total_rows = :total where id = :id")
                    .param("total", total.get()).param("id", id).update();
            Progress progress = new Progress(id, preview);
            String note = "花名册" + (preview ? "预览" : "导入") + "（任务 " + id + "）";
            List<RosterRow> household = new ArrayList<>();
            RosterReaders.read(file, format, row -> {
                if (!household.isEmpty() && !household.get(0).cell(RosterRow.Column.HOUSEHOLD)
                        .equals(row.cell(RosterRow.Column.HOUSEHOLD))) {
                    importHousehold(household, jurisdiction, progress, preview, note, by);
                    household.clear();
                }
                household.add(row);
            });
            if (!household.isEmpty()) {
                importHousehold(household, jurisdiction, progress, preview, note, by);
            }
            progress.flush();
            if (!preview) {
                metrics.finished(took); // before DONE: whoever sees the job done sees it timed
            }
            jdbc.sql("update import_job set status = :status, finished_at = :at where id = :id")
                    .param("status", preview ? "PREVIEWED" : "DONE")
                    .param("at", Timestamp.from(Instant.now())).param("id", id).update();
            keepFile = preview;
        } catch (IOException | RuntimeException e) {
            log.warn("Import {} failed: {}", id, e.getClass().getSimpleName());
            jdbc.sql("update import_job set status = 'FAILED', finished_at = :at, failure = :failure where id = :id")
                    .param("at", Timestamp.from(Instant.now()))
                    .param("failure", "文件无法读取或处理中断：" + e.getClass().getSimpleName()).param("id", id).update();
        } finally {
            if (!keepFile) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file; the OS cleans up
                }
            }
        }
    }

    private void importHousehold(List<RosterRow> rows, Jurisdiction jurisdiction, Progress progress, boolean preview,
                                 String note, String by) {
        int firstRow = rows.get(0).rowNumber();
        RosterRules.Parsed parsed = RosterRules.parse(rows);
        if (!parsed.errors().isEmpty()) {
            progress.refuse(rows, parsed.errors());
            return;
        }
        NewHousehold household = parsed.household();
        try {
            // A preview does the same work and rolls it back, so it refuses what the import would refuse.
            Result result = transaction.execute(status -> {
                // An import commits without waiting for the disk (many small transactions); if the server
                // crashed in between, the job is failed at restart and the same file imported again
                // fills the gap: households already registered compare as unchanged.
                jdbc.sql("set local synchronous_commit to off").update();
                Result done = importOne(household, jurisdiction, note, by, progress.touched);
                if (preview) {
                    status.setRollbackOnly();
                }
                return done;
            });
            for (RosterDiff.Step step : result.steps()) {
                jdbc.sql("""
                                insert into import_change (job_id, row_number, household_id, kind, summary, applied)
                                values (:job, :row, :h, :kind, :summary, :applied)""")
                        .param("job", progress.id).param("row", firstRow).param("h", result.householdId())
                        .param("kind", step.change().kind().name()).param("summary", clip(step.summary(), 300))
                        .param("applied", !preview).update();
            }
            progress.touched.add(result.householdId());
            progress.count(result.outcome(), rows.size());
        } catch (Refused refused) {
            progress.refuse(rows, List.of(new RosterRules.RowError(firstRow, refused.column, refused.getMessage())));
        } catch (RuleViolationException refused) {
            RosterRow.Column column = refused.title().contains("身份证") ? RosterRow.Column.ID_NUMBER
                    : refused.title().contains("行政区划") || refused.title().contains("管辖") ? RosterRow.Column.DIVISION
                    : RosterRow.Column.HOUSEHOLD;
            progress.refuse(rows, List.of(new RosterRules.RowError(firstRow, column.header(), refused.getMessage())));
        } catch (RuntimeException unexpected) {
            // e.g. a value the database refuses: this household only; the message may quote values, so it is not kept
            log.warn("Import row {} refused: {}", firstRow, unexpected.getClass().getSimpleName());
            progress.refuse(rows, List.of(new RosterRules.RowError(firstRow, RosterRow.Column.HOUSEHOLD.header(),
                    "本户数据无法保存（含有无效字符或内容过长），已跳过")));
        }
    }

    enum Outcome { REGISTERED, CHANGED, UNCHANGED }

    private record Result(Outcome outcome, UUID householdId, List<RosterDiff.Step> steps) {
    }

    private Result importOne(NewHousehold household, Jurisdiction jurisdiction, String note, String by, Set<UUID> touched) {
        List<String> numbers = household.members().stream().map(NewHousehold.NewMember::idNumber).toList();
        List<UUID> matched = registry.householdsOfActiveMembers(numbers);
        if (matched.isEmpty()) {
            return new Result(Outcome.REGISTERED, registry.register(household, jurisdiction), List.of());
        }
        if (matched.size() > 1) {
            throw new Refused(RosterRow.Column.ID_NUMBER.header(), "本户成员分属多个已登记农户");
        }
        if (touched.contains(matched.get(0))) {
            throw new Refused(RosterRow.Column.ID_NUMBER.header(), "本户成员已在本文件的其他户中出现");
        }
        Loaded loaded = load(matched.get(0));
        RosterDiff.Registered registered = loaded.registered();
        if (!jurisdiction.covers(registered.divisionCode()) || !jurisdiction.covers(household.divisionCode())) {
            throw new Refused(RosterRow.Column.ID_NUMBER.header(), "本户成员已在其他农户中登记");
        }
        if (numbers.stream().anyMatch(loaded.departed()::contains)) {
            // an old roster must not bring back someone recorded as dead or gone
            throw new Refused(RosterRow.Column.ID_NUMBER.header(),
                    "名单中有本户已登记减少（死亡、迁出等）的成员；如确已回迁，请单独登记成员增加");
        }
        RosterDiff.Result diff = RosterDiff.diff(household, registered, PlatformTime.today(clock), note);
        if (diff.refused()) {
            throw new Refused(diff.refusedColumn(), diff.refusal());
        }
        if (diff.steps().isEmpty()) {
            return new Result(Outcome.UNCHANGED, registered.householdId(), List.of());
        }
        for (RosterDiff.Step step : diff.steps()) {
            changes.record(registered.householdId(), withMember(step, registered.householdId()), by, jurisdiction);
        }
        return new Result(Outcome.CHANGED, registered.householdId(), diff.steps());
    }

    /** The step's member by ID number, now that earlier steps may have added them. */
    private HouseholdChange withMember(RosterDiff.Step step, UUID householdId) {
        if (step.memberIdNumber() == null) {
            return step.change();
        }
        UUID memberId = registry.activeMemberId(householdId, step.memberIdNumber());
        HouseholdChange c = step.change();
        return new HouseholdChange(c.kind(), c.reason(), c.effectiveOn(), memberId, c.newMember(), c.labourCapacity(),
                c.relationship(), c.formerHeadRelationship(), c.divisionCode(), c.notEntitledToPolicy(), c.category(),
                c.note());
    }

    /** The registered household, locked, and the ID numbers of its members who left (one read of its members). */
    private record Loaded(RosterDiff.Registered registered, Set<String> departed) {
    }

    private Loaded load(UUID householdId) {
        HouseholdRegistry.Roll roll = registry.lockRoll(householdId);
        List<RosterDiff.Member> members = new ArrayList<>();
        Set<String> departed = new HashSet<>();
        for (HouseholdRegistry.RollMember m : roll.members()) {
            if (m.active()) {
                members.add(new RosterDiff.Member(m.id(), m.idNumber(), m.name(), m.relationship(), m.labourCapacity()));
            } else {
                departed.add(m.idNumber());
            }
        }
        return new Loaded(new RosterDiff.Registered(householdId, roll.divisionCode(), roll.category(),
                roll.notEntitledToPolicy(), members), departed);
    }

    /** A household the file cannot apply, with the column to name. */
    private static final class Refused extends RuntimeException {
        private final String column;

        Refused(String column, String reason) {
            super(reason, null, false, false);
            this.column = column;
        }
    }

    /** Counts households and rows, and writes the counts every few hundred rows so the percentage moves. */
    private final class Progress {
        private final UUID id;
        /** Registered households this file has already matched: a second household of the file naming one is refused. */
        private final Set<UUID> touched = new HashSet<>();
        private int processed;
        private int registered;
        private int changed;
        private int unchanged;
        private int refused;
        private int rejectedRows;
        private int storedErrors;
        private int errorsNotStored;
        private int sinceFlush;

        /** A preview's rows are compared, not imported: they are not counted in the metrics. */
        private final boolean preview;

        Progress(UUID id, boolean preview) {
            this.id = id;
            this.preview = preview;
        }

        void count(Outcome outcome, int rows) {
            switch (outcome) {
                case REGISTERED -> registered++;
                case CHANGED -> changed++;
                case UNCHANGED -> unchanged++;
            }
            if (!preview) {
                // after the household's transaction committed
                metrics.rows(ImportMetrics.Outcome.ACCEPTED, rows);
            }
            advance(rows);
        }

        void refuse(List<RosterRow> rows, List<RosterRules.RowError> errors) {
            for (RosterRules.RowError error : errors) {
                if (storedErrors >= STORED_ERRORS) {
                    errorsNotStored++;
                    continue;
                }
                storedErrors++;
                jdbc.sql("insert into import_row_error (job_id, row_number, column_name, reason) values (:id, :row, :column, :reason)")
                        .param("id", id).param("row", error.row()).param("column", clip(error.column(), 50))
                        .param("reason", clip(error.reason(), 500)).update();
            }
            refused++;
            rejectedRows += rows.size();
            if (!preview) {
                metrics.rows(ImportMetrics.Outcome.REJECTED, rows.size());
            }
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
                                households_changed = :changed, households_unchanged = :unchanged,
                                households_refused = :refused, rejected_rows = :rejected, errors_not_stored = :notStored
                            where id = :id""")
                    .param("processed", processed).param("registered", registered).param("changed", changed)
                    .param("unchanged", unchanged).param("refused", refused).param("rejected", rejectedRows)
                    .param("notStored", errorsNotStored).param("id", id).update();
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
