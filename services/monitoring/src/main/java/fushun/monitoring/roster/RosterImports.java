package fushun.monitoring.roster;

import fushun.platform.web.Page;

import fushun.monitoring.household.HouseholdChange;
import fushun.monitoring.household.HouseholdChanges;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.household.NewHousehold;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.monitoring.roster.internal.RosterDiff;
import fushun.monitoring.roster.internal.RosterMatch;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts a roster file, then imports it in the background, a chunk of whole households at a time,
 * each chunk as a set in one transaction (ADR 0032; a chunk that fails is imported again one household
 * at a time, each in its own transaction): new households are registered, registered ones get the file's differences as
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
    /**
     * Households imported as one set, in one transaction (ADR 0032): large enough that a chunk's dozen
     * statements cost little per household, small enough that a chunk that fails and is imported
     * again one household at a time costs little.
     */
    static final int CHUNK_HOUSEHOLDS = 1000;
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
    /** A savepoint inside a chunk's transaction: one household's refused change leaves the chunk's others. */
    private final TransactionTemplate nested;
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
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
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
        run(id, file, format, jurisdiction, preview, by, CHUNK_HOUSEHOLDS);
    }

    /** {@code chunkHouseholds} 1: one household at a time, each in its own transaction (the fallback path). */
    void run(UUID id, Path file, String format, Jurisdiction jurisdiction, boolean preview, String by,
             int chunkHouseholds) {
        boolean keepFile = false;
        Timer.Sample took = metrics.start();
        try {
            AtomicInteger total = new AtomicInteger();
            RosterReaders.read(file, format, row -> total.incrementAndGet());
            jdbc.sql("update import_job set status = 'RUNNING', total_rows = :total where id = :id")
                    .param("total", total.get()).param("id", id).update();
            Progress progress = new Progress(id, preview);
            Job job = new Job(jurisdiction, progress, preview, "花名册" + (preview ? "预览" : "导入") + "（任务 " + id + "）", by);
            // households are adjacent rows: one is complete when the next begins, so a chunk never splits one
            List<RosterRow> household = new ArrayList<>();
            List<List<RosterRow>> chunk = new ArrayList<>();
            RosterReaders.read(file, format, row -> {
                if (!household.isEmpty() && !household.get(0).cell(RosterRow.Column.HOUSEHOLD)
                        .equals(row.cell(RosterRow.Column.HOUSEHOLD))) {
                    chunk.add(List.copyOf(household));
                    household.clear();
                    if (chunk.size() >= chunkHouseholds) {
                        importChunk(chunk, job);
                        chunk.clear();
                    }
                }
                household.add(row);
            });
            if (!household.isEmpty()) {
                chunk.add(List.copyOf(household));
            }
            if (!chunk.isEmpty()) {
                importChunk(chunk, job);
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

    /** What every household of a job shares. */
    private record Job(Jurisdiction jurisdiction, Progress progress, boolean preview, String note, String by) {
    }

    /**
     * A chunk of whole households as a set, in one transaction; if that transaction fails (a value the
     * database refuses, a number registered meanwhile), the chunk again one household at a time, so
     * only the household at fault is refused.
     */
    private void importChunk(List<List<RosterRow>> chunk, Job job) {
        if (chunk.size() > 1) {
            List<Done> done;
            try {
                done = importSet(chunk, job);
            } catch (RuntimeException failed) {
                // the message may quote values: only its kind is logged
                log.warn("Import {}: a chunk of {} households from row {} failed ({}); importing it one household at a time",
                        job.progress().id, chunk.size(), chunk.get(0).get(0).rowNumber(), failed.getClass().getSimpleName());
                done = null;
            }
            if (done != null) {
                for (Done d : done) {
                    if (d.outcome() == null) {
                        job.progress().refuse(d.rows(), d.errors());
                    } else {
                        job.progress().changed(d.rows().get(0).rowNumber(), d.householdId(), d.steps());
                        job.progress().touched.add(d.householdId());
                        job.progress().count(d.outcome(), d.rows().size());
                    }
                }
                job.progress().flush();
                return;
            }
        }
        for (List<RosterRow> rows : chunk) {
            importHousehold(rows, job);
        }
        job.progress().flush();
    }

    /** A household's outcome in a chunk: {@code outcome} null when refused, with its errors. */
    private record Done(List<RosterRow> rows, Outcome outcome, UUID householdId, List<RosterDiff.Step> steps,
                        List<RosterRules.RowError> errors) {

        static Done refused(List<RosterRow> rows, List<RosterRules.RowError> errors) {
            return new Done(rows, null, null, List.of(), errors);
        }
    }

    /**
     * The chunk's households checked in memory, its registered households found in one query and read
     * (locked) in two, each household decided as one at a time would be, in file order, with what
     * earlier households of the chunk did counted (who they registered, who joined or left); a changed
     * household's changes recorded as one at a time (a savepoint each: a refused change leaves the
     * others), then the new households registered in three statements. Writes nothing to the job.
     */
    private List<Done> importSet(List<List<RosterRow>> chunk, Job job) {
        LocalDate today = PlatformTime.today(clock);
        Done[] done = new Done[chunk.size()];
        NewHousehold[] parsed = new NewHousehold[chunk.size()];
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < chunk.size(); i++) {
            RosterRules.Parsed p = RosterRules.parse(chunk.get(i));
            if (!p.errors().isEmpty()) {
                done[i] = Done.refused(chunk.get(i), p.errors());
            } else {
                parsed[i] = p.household();
                p.household().members().forEach(m -> numbers.add(m.idNumber()));
            }
        }
        Set<UUID> touchedByJob = job.progress().touched;
        return transaction.execute(status -> {
            jdbc.sql("set local synchronous_commit to off").update();
            // number -> household its holder lives in, as the chunk's earlier households leave it
            Map<String, UUID> living = new HashMap<>(registry.householdsByActiveMember(numbers));
            Map<UUID, HouseholdRegistry.Roll> rolls = registry.lockRolls(new HashSet<>(living.values()));
            Set<UUID> touchedHere = new HashSet<>();
            List<NewHousehold> toRegister = new ArrayList<>();
            List<Integer> registeredAt = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                if (parsed[i] == null) {
                    continue;
                }
                List<RosterRow> rows = chunk.get(i);
                int firstRow = rows.get(0).rowNumber();
                NewHousehold household = parsed[i];
                List<UUID> matched = household.members().stream().map(m -> living.get(m.idNumber()))
                        .filter(java.util.Objects::nonNull).distinct().toList();
                RosterMatch.Decision decision = RosterMatch.decide(household, matched,
                        h -> touchedByJob.contains(h) || touchedHere.contains(h), h -> registered(rolls.get(h)),
                        job.jurisdiction(), today, job.note());
                switch (decision.kind()) {
                    case REFUSED -> done[i] = Done.refused(rows,
                            List.of(new RosterRules.RowError(firstRow, decision.refusedColumn(), decision.refusal())));
                    case UNCHANGED -> {
                        touchedHere.add(decision.householdId());
                        done[i] = new Done(rows, Outcome.UNCHANGED, decision.householdId(), List.of(), List.of());
                    }
                    case REGISTER -> {
                        try {
                            registry.checkRegistrable(household, job.jurisdiction());
                        } catch (RuleViolationException refused) {
                            done[i] = Done.refused(rows, List.of(refusal(refused, firstRow)));
                            continue;
                        }
                        // stands for the household until it is registered with the others
                        UUID standIn = UUID.randomUUID();
                        household.members().forEach(m -> living.put(m.idNumber(), standIn));
                        touchedHere.add(standIn);
                        toRegister.add(household);
                        registeredAt.add(i);
                    }
                    case CHANGE -> {
                        UUID householdId = decision.householdId();
                        try {
                            nested.executeWithoutResult(savepoint -> record(householdId, decision.steps(), job));
                        } catch (RuleViolationException refused) {
                            done[i] = Done.refused(rows, List.of(refusal(refused, firstRow)));
                            continue;
                        } catch (org.springframework.dao.DataAccessException unexpected) {
                            log.warn("Import row {} refused: {}", firstRow, unexpected.getClass().getSimpleName());
                            done[i] = Done.refused(rows, List.of(unsaved(firstRow)));
                            continue;
                        }
                        for (RosterDiff.Step step : decision.steps()) {
                            if (step.change().kind() == HouseholdChanged.Kind.MEMBER_ADDED) {
                                living.put(step.change().newMember().idNumber(), householdId);
                            } else if (step.change().kind() == HouseholdChanged.Kind.MEMBER_LEFT) {
                                living.remove(step.memberIdNumber(), householdId);
                            }
                        }
                        touchedHere.add(householdId);
                        done[i] = new Done(rows, Outcome.CHANGED, householdId, decision.steps(), List.of());
                    }
                }
            }
            List<UUID> ids = registry.registerAll(toRegister, job.jurisdiction());
            for (int k = 0; k < ids.size(); k++) {
                int i = registeredAt.get(k);
                done[i] = new Done(chunk.get(i), Outcome.REGISTERED, ids.get(k), List.of(), List.of());
            }
            if (job.preview()) {
                // a preview does the same work and rolls it back, so it refuses what the import would refuse
                status.setRollbackOnly();
            }
            return List.of(done);
        });
    }

    /** One household in its own transaction: the path a chunk falls back to, and the reference for it. */
    private void importHousehold(List<RosterRow> rows, Job job) {
        Progress progress = job.progress();
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
                Result done = importOne(household, job, progress.touched);
                if (job.preview()) {
                    status.setRollbackOnly();
                }
                return done;
            });
            progress.changed(firstRow, result.householdId(), result.steps());
            progress.touched.add(result.householdId());
            progress.count(result.outcome(), rows.size());
        } catch (Refused refused) {
            progress.refuse(rows, List.of(new RosterRules.RowError(firstRow, refused.column, refused.getMessage())));
        } catch (RuleViolationException refused) {
            progress.refuse(rows, List.of(refusal(refused, firstRow)));
        } catch (RuntimeException unexpected) {
            // e.g. a value the database refuses: this household only; the message may quote values, so it is not kept
            log.warn("Import row {} refused: {}", firstRow, unexpected.getClass().getSimpleName());
            progress.refuse(rows, List.of(unsaved(firstRow)));
        }
    }

    /** A registry's refusal as a row error, naming the column its title is about. */
    private static RosterRules.RowError refusal(RuleViolationException refused, int firstRow) {
        RosterRow.Column column = refused.title().contains("身份证") ? RosterRow.Column.ID_NUMBER
                : refused.title().contains("行政区划") || refused.title().contains("管辖") ? RosterRow.Column.DIVISION
                : RosterRow.Column.HOUSEHOLD;
        return new RosterRules.RowError(firstRow, column.header(), refused.getMessage());
    }

    private static RosterRules.RowError unsaved(int firstRow) {
        return new RosterRules.RowError(firstRow, RosterRow.Column.HOUSEHOLD.header(),
                "本户数据无法保存（含有无效字符或内容过长），已跳过");
    }

    enum Outcome { REGISTERED, CHANGED, UNCHANGED }

    private record Result(Outcome outcome, UUID householdId, List<RosterDiff.Step> steps) {
    }

    private Result importOne(NewHousehold household, Job job, Set<UUID> touched) {
        List<String> numbers = household.members().stream().map(NewHousehold.NewMember::idNumber).toList();
        List<UUID> matched = registry.householdsOfActiveMembers(numbers);
        RosterMatch.Decision decision = RosterMatch.decide(household, matched, touched::contains,
                h -> registered(registry.lockRoll(h)), job.jurisdiction(), PlatformTime.today(clock), job.note());
        return switch (decision.kind()) {
            case REGISTER -> new Result(Outcome.REGISTERED, registry.register(household, job.jurisdiction()), List.of());
            case REFUSED -> throw new Refused(decision.refusedColumn(), decision.refusal());
            case UNCHANGED -> new Result(Outcome.UNCHANGED, decision.householdId(), List.of());
            case CHANGE -> {
                record(decision.householdId(), decision.steps(), job);
                yield new Result(Outcome.CHANGED, decision.householdId(), decision.steps());
            }
        };
    }

    /** The household's differences as registry changes, in the diff's order (each may refuse). */
    private void record(UUID householdId, List<RosterDiff.Step> steps, Job job) {
        for (RosterDiff.Step step : steps) {
            changes.record(householdId, withMember(step, householdId), job.by(), job.jurisdiction());
        }
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

    /** The registered household as the file is compared with it, and the ID numbers of its members who left. */
    private static RosterMatch.Registered registered(HouseholdRegistry.Roll roll) {
        List<RosterDiff.Member> members = new ArrayList<>();
        Set<String> departed = new HashSet<>();
        for (HouseholdRegistry.RollMember m : roll.members()) {
            if (m.active()) {
                members.add(new RosterDiff.Member(m.id(), m.idNumber(), m.name(), m.relationship(), m.labourCapacity()));
            } else {
                departed.add(m.idNumber());
            }
        }
        return new RosterMatch.Registered(new RosterDiff.Registered(roll.householdId(), roll.divisionCode(),
                roll.category(), roll.notEntitledToPolicy(), members), departed);
    }

    /** A household the file cannot apply, with the column to name. */
    private static final class Refused extends RuntimeException {
        private final String column;

        Refused(String column, String reason) {
            super(reason, null, false, false);
            this.column = column;
        }
    }

    private record ChangeLine(int row, UUID householdId, String kind, String summary) {
    }

    /**
     * Counts households and rows, and writes the counts, the row errors and the changes every few
     * hundred rows and after each chunk, so the percentage moves.
     */
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
        private final List<RosterRules.RowError> errorsToWrite = new ArrayList<>();
        private final List<ChangeLine> changesToWrite = new ArrayList<>();

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
                errorsToWrite.add(error);
            }
            refused++;
            rejectedRows += rows.size();
            if (!preview) {
                metrics.rows(ImportMetrics.Outcome.REJECTED, rows.size());
            }
            advance(rows.size());
        }

        /** The changes a household got (or, in a preview, would get), for the job's list. */
        void changed(int row, UUID householdId, List<RosterDiff.Step> steps) {
            for (RosterDiff.Step step : steps) {
                changesToWrite.add(new ChangeLine(row, householdId, step.change().kind().name(), clip(step.summary(), 300)));
            }
        }

        private void advance(int rows) {
            processed += rows;
            sinceFlush += rows;
            if (sinceFlush >= PROGRESS_EVERY) {
                flush();
            }
        }

        /** Writes the rows' errors and the changes since the last flush (one statement each), then the counts. */
        void flush() {
            sinceFlush = 0;
            if (!errorsToWrite.isEmpty()) {
                jdbc.sql("""
                                insert into import_row_error (job_id, row_number, column_name, reason)
                                select :id, e.* from unnest(cast(:rows as int[]), cast(:columns as varchar[]),
                                                            cast(:reasons as varchar[])) as e""")
                        .param("id", id)
                        .param("rows", errorsToWrite.stream().map(RosterRules.RowError::row).toArray(Integer[]::new))
                        .param("columns", errorsToWrite.stream().map(e -> clip(e.column(), 50)).toArray(String[]::new))
                        .param("reasons", errorsToWrite.stream().map(e -> clip(e.reason(), 500)).toArray(String[]::new))
                        .update();
                errorsToWrite.clear();
            }
            if (!changesToWrite.isEmpty()) {
                jdbc.sql("""
                                insert into import_change (job_id, row_number, household_id, kind, summary, applied)
                                select :id, c.*, :applied from unnest(cast(:rows as int[]), cast(:households as uuid[]),
                                                                      cast(:kinds as varchar[]), cast(:summaries as varchar[])) as c""")
                        .param("id", id).param("applied", !preview)
                        .param("rows", changesToWrite.stream().map(ChangeLine::row).toArray(Integer[]::new))
                        .param("households", changesToWrite.stream().map(c -> c.householdId().toString()).toArray(String[]::new))
                        .param("kinds", changesToWrite.stream().map(ChangeLine::kind).toArray(String[]::new))
                        .param("summaries", changesToWrite.stream().map(ChangeLine::summary).toArray(String[]::new))
                        .update();
                changesToWrite.clear();
            }
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
