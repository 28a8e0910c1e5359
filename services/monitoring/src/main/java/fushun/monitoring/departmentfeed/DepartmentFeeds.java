package fushun.monitoring.departmentfeed;

import static fushun.platform.PlatformTime.CHINA;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.contracts.monitoring.DisabilityRegistered;
import fushun.monitoring.assignment.BureauRoles;
import fushun.monitoring.departmentfeed.internal.FeedFiles;
import fushun.monitoring.discovery.ClueDecision;
import fushun.monitoring.discovery.Discovery;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.platform.PlatformTime;
import fushun.platform.feed.FeedCompleteness;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.ForbiddenException;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import fushun.platform.web.RuleViolationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a department's data file by its kind's definition (ADR 0040), one importer for every kind:
 * no branch per bureau. The file is stored and hashed; the same file of the same kind in the same
 * division is the same import. Its rows are streamed in chunks of {@link #CHUNK_ROWS}, each chunk one
 * transaction: the pure {@link DepartmentFeedRule} per row, one query for the households of the
 * findings' ID numbers, one insert that keeps a household's first finding per kind and date, and for
 * each household found the first time a {@link RiskSignalObserved} through {@link Discovery#onSignal},
 * the department-comparison path every bureau's signal takes; a kind with a
 * {@link FeedKind.PersonEvent} also publishes it for each finding's person, once per kind, date and
 * person. A bad row is a row error and never stops the others; a chunk that fails is done again one
 * row at a time. The import counts as the bureau's arrival for the uploader's county and the month
 * the file describes (ADR 0036).
 */
@Service
public class DepartmentFeeds {

    private static final Logger log = LoggerFactory.getLogger(DepartmentFeeds.class);
    /** Rows per transaction: a few statements per chunk, and a failed chunk done again row by row costs little. */
    static final int CHUNK_ROWS = 1000;
    /** Row errors kept per import; the rest are counted. */
    static final int STORED_ERRORS = 1000;

    /** An import, and whether this upload created it (false: the same file was imported before). */
    public record Submitted(FeedImport feedImport, boolean created) {
    }

    /** A row error as the API lists it. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "DepartmentFeedRowError",
            description = "部门数据被拒的行：行号（首行列名为第1行）、列名和原因")
    public record RowError(int row, String column, String reason) {
    }

    private final JdbcClient jdbc;
    private final HouseholdRegistry households;
    private final Discovery discovery;
    private final FeedCompleteness feeds;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final OutboxWriter outbox;

    public DepartmentFeeds(JdbcClient jdbc, HouseholdRegistry households, Discovery discovery, FeedCompleteness feeds,
                           PlatformTransactionManager transactions, Clock clock, OutboxWriter outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.households = households;
        this.discovery = discovery;
        this.feeds = feeds;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * An import that was running when a service stopped did not finish: the same file may be sent again.
     * Only one started over half an hour ago counts as interrupted (an upload answers when its file is
     * done, in seconds), so a second instance's running import is left alone.
     */
    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedImports() {
        jdbc.sql("update department_feed_import set status = 'FAILED', failure = '服务重启，导入中断，请重新上传' "
                + "where status = 'RUNNING' and submitted_at < now() - interval '30 minutes'").update();
    }

    private static final String KIND_COLUMNS = """
            select code, effective_from, bureau, label, risk_type, id_column, value_column, allowed_values, condition,
                   condition_values, age_from, age_to, finding, person_event
            from department_feed_kind""";
    /** The newest version in force on the day wins if versions overlap (as in the measure catalogue). */
    private static final String IN_FORCE = " k where k.effective_from <= :on and (k.effective_to is null or k.effective_to >= :on)"
            + " and k.effective_from = (select max(n.effective_from) from department_feed_kind n where n.code = k.code"
            + " and n.effective_from <= :on and (n.effective_to is null or n.effective_to >= :on))";

    /** The version of the kind in force on the day; 404 for an unknown kind, 422 for none in force. */
    public FeedKind kind(String code, LocalDate on) {
        return jdbc.sql(KIND_COLUMNS + IN_FORCE + " and code = :code").param("on", on).param("code", code)
                .query(DepartmentFeeds::kindOf).optional().orElseThrow(() -> {
                    boolean known = jdbc.sql("select count(*) from department_feed_kind where code = :code")
                            .param("code", code).query(Long.class).single() > 0;
                    return known ? new RuleViolationException("数据类型在该日期无效", "部门数据类型 " + code + " 在 " + on + " 无效。")
                            : new NotFoundException("没有该部门数据类型：" + code + "。");
                });
    }

    /** The kinds in force on the day, by bureau and code, paged with the total. */
    public Page<FeedKind> kinds(LocalDate on, int page, int size) {
        long total = jdbc.sql("select count(*) from department_feed_kind" + IN_FORCE).param("on", on)
                .query(Long.class).single();
        List<FeedKind> items = jdbc.sql(KIND_COLUMNS + IN_FORCE + " order by bureau, code limit :size offset :offset")
                .param("on", on).param("size", size).param("offset", (long) page * size)
                .query(DepartmentFeeds::kindOf).list();
        return new Page<>(items, page, size, total);
    }

    private static FeedKind kindOf(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new FeedKind(rs.getString("code"), rs.getObject("effective_from", LocalDate.class),
                Bureau.valueOf(rs.getString("bureau")), rs.getString("label"), RiskType.valueOf(rs.getString("risk_type")),
                rs.getString("id_column"), rs.getString("value_column"), strings(rs.getArray("allowed_values")),
                FeedKind.Condition.valueOf(rs.getString("condition")), strings(rs.getArray("condition_values")),
                (Integer) rs.getObject("age_from"), (Integer) rs.getObject("age_to"), rs.getString("finding"),
                rs.getString("person_event") == null ? null : FeedKind.PersonEvent.valueOf(rs.getString("person_event")));
    }

    /**
     * Stores the upload and imports it; the same file of the same kind in the same division answers
     * the import it had the first time and changes nothing. Refused before anything is written: a kind
     * of another bureau (403), a caller without a county, a date in the future, a file that is not a
     * readable .xlsx or .csv, or one without the kind's columns (422).
     */
    public Submitted submit(String kindCode, LocalDate asOf, String fileName, InputStream content, String submittedBy,
                            Set<String> roles, Jurisdiction jurisdiction) throws IOException {
        LocalDate today = PlatformTime.today(clock);
        if (asOf.isAfter(today)) {
            throw new RuleViolationException("数据日期无效", "数据日期不能晚于今天。");
        }
        FeedKind kind = kind(kindCode, asOf);
        String role = BureauRoles.apiRoleOf(kind.bureau()).orElse(null);
        if (role == null || !roles.contains(role)) {
            throw new ForbiddenException("不是本部门的数据", kind.label() + "只能由" + kind.bureau().label() + "的经办人员上传。");
        }
        if (jurisdiction.divisionCode() == null || jurisdiction.prefix().length() < 6) {
            throw new RuleViolationException("请以县级账号上传", "部门数据按县报送：上传人须属于一个县（区）或其下的行政区划。");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String format = name.endsWith(".xlsx") ? "xlsx" : name.endsWith(".csv") ? "csv" : "";
        if (format.isEmpty()) {
            throw new RuleViolationException("文件格式不支持", "请上传 .xlsx 或 .csv 格式的文件。");
        }
        Path file = Files.createTempFile("department-feed-", "." + format);
        try {
            String sha256 = spool(content, file);
            Columns columns = columns(file, format, kind);
            UUID id = UUID.randomUUID();
            // the same file's import cut off by a restart (running for over half an hour: an upload answers when
            // its file is done) no longer stands in the way of sending it again
            jdbc.sql("""
                            update department_feed_import set status = 'FAILED', failure = '导入中断，请重新上传'
                            where kind = :kind and scope = :scope and sha256 = :sha and status = 'RUNNING'
                            and submitted_at < now() - interval '30 minutes'""")
                    .param("kind", kind.code()).param("scope", jurisdiction.divisionCode()).param("sha", sha256).update();
            int created = jdbc.sql("""
                            insert into department_feed_import (id, kind, kind_version, bureau, file_name, sha256, format, scope,
                                                                as_of, status, total_rows, submitted_by)
                            values (:id, :kind, :version, :bureau, :name, :sha, :format, :scope, :asOf, 'RUNNING', :total, :by)
                            on conflict do nothing""")
                    .param("id", id).param("kind", kind.code()).param("version", kind.effectiveFrom())
                    .param("bureau", kind.bureau().name()).param("name", clip(fileName, 300)).param("sha", sha256)
                    .param("format", format).param("scope", jurisdiction.divisionCode()).param("asOf", asOf)
                    .param("total", columns.dataRows()).param("by", submittedBy).update();
            if (created == 0) {
                UUID existing = jdbc.sql("""
                                select id from department_feed_import
                                where kind = :kind and scope = :scope and sha256 = :sha and status <> 'FAILED'""")
                        .param("kind", kind.code()).param("scope", jurisdiction.divisionCode()).param("sha", sha256)
                        .query(UUID.class).single();
                return new Submitted(find(existing, submittedBy, jurisdiction), false);
            }
            try {
                run(new Run(id, kind, asOf, jurisdiction, columns, today), file, format);
            } catch (RuntimeException e) {
                // e.g. the database went away: the same file may be sent again
                fail(id, "导入失败，请稍后重新上传");
                throw e;
            }
            return new Submitted(find(id, submittedBy, jurisdiction), true);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** An import is visible to whoever uploaded it and to anyone whose division contains the uploader's. */
    public FeedImport find(UUID id, String caller, Jurisdiction jurisdiction) {
        return jdbc.sql("""
                        select id, kind, kind_version, bureau, file_name, format, as_of, status, total_rows, processed_rows,
                               rejected_rows, errors_not_stored, findings, signals, alerts_raised, identifications,
                               already_monitored, excluded, submitted_at, finished_at, failure
                        from department_feed_import where id = :id and (submitted_by = :by or scope like :scope)""")
                .param("id", id).param("by", caller).param("scope", jurisdiction.likePattern())
                .query(FeedImport.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该部门数据导入。"));
    }

    /** The import's row errors, by row, paged with the total. */
    public Page<RowError> errors(UUID id, String caller, Jurisdiction jurisdiction, int page, int size) {
        find(id, caller, jurisdiction);
        long total = jdbc.sql("select count(*) from department_feed_row_error where import_id = :id").param("id", id)
                .query(Long.class).single();
        List<RowError> items = jdbc.sql("""
                        select row_number, column_name, reason from department_feed_row_error where import_id = :id
                        order by row_number, column_name limit :size offset :offset""")
                .param("id", id).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new RowError(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
        return new Page<>(items, page, size, total);
    }

    private static String spool(InputStream content, Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(content, MessageDigest.getInstance("SHA-256"));
             OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the kind's two columns are in the file (by their headers, in any order), and how many data rows follow. */
    private record Columns(int id, int value, int dataRows) {
    }

    private static Columns columns(Path file, String format, FeedKind kind) {
        List<String> header = new ArrayList<>();
        int[] rows = {0};
        try {
            FeedFiles.read(file, format, row -> {
                if (rows[0]++ == 0) {
                    row.cells().forEach(c -> header.add(c == null ? "" : c.strip().replace("\uFEFF", "")));
                }
            });
        } catch (IOException e) {
            throw new RuleViolationException("文件无法读取", "不是有效的 ." + format + " 文件，请检查后重新上传。");
        }
        List<String> missing = new ArrayList<>();
        for (String column : List.of(kind.idColumn(), kind.valueColumn())) {
            if (!header.contains(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw new RuleViolationException("缺少列", "首行应为列名，" + kind.label() + "须有列：" + kind.idColumn() + "、"
                    + kind.valueColumn() + "；缺少：" + String.join("、", missing) + "。");
        }
        return new Columns(header.indexOf(kind.idColumn()), header.indexOf(kind.valueColumn()), Math.max(0, rows[0] - 1));
    }

    /** One import's settings while it runs. */
    private record Run(UUID id, FeedKind kind, LocalDate asOf, Jurisdiction jurisdiction, Columns columns, LocalDate today) {
    }

    /** What a chunk (or one row) did, added to the import's counts in the same transaction. */
    private static final class Counts {
        int processed;
        int rejected;
        int findings;
        int signals;
        int alerts;
        int identifications;
        int alreadyMonitored;
        int excluded;
        final List<RowError> errors = new ArrayList<>();
    }

    private void run(Run run, Path file, String format) {
        int[] storedErrors = {0};
        try {
            List<FeedFiles.Row> chunk = new ArrayList<>(CHUNK_ROWS);
            boolean[] header = {true};
            FeedFiles.read(file, format, row -> {
                if (header[0]) {
                    header[0] = false;
                    return;
                }
                chunk.add(row);
                if (chunk.size() == CHUNK_ROWS) {
                    chunk(run, chunk, storedErrors);
                    chunk.clear();
                }
            });
            if (!chunk.isEmpty()) {
                chunk(run, chunk, storedErrors);
            }
        } catch (IOException e) {
            // read once already when its columns were found: the spooled file changed under us
            throw new UncheckedIOException(e);
        }
        transaction.executeWithoutResult(status -> {
            jdbc.sql("update department_feed_import set status = 'DONE', finished_at = :at where id = :id")
                    .param("at", Timestamp.from(clock.instant())).param("id", run.id()).update();
            if (feeds.tracks(run.kind().bureau())) {
                feeds.arrived(run.kind().bureau(), run.jurisdiction().divisionCode(), YearMonth.from(run.asOf()),
                        clock.instant());
            }
        });
    }

    private void fail(UUID id, String reason) {
        jdbc.sql("update department_feed_import set status = 'FAILED', failure = :reason, finished_at = now() where id = :id")
                .param("reason", reason).param("id", id).update();
    }

    /** A chunk in one transaction; if it fails, each of its rows in its own, so only a row at fault is refused. */
    private void chunk(Run run, List<FeedFiles.Row> rows, int[] storedErrors) {
        try {
            transaction.executeWithoutResult(status -> write(run, apply(run, rows), storedErrors));
        } catch (RuntimeException chunkFailed) {
            log.warn("Department feed import {}: a chunk failed ({}), its rows one at a time", run.id(),
                    chunkFailed.getClass().getSimpleName());
            for (FeedFiles.Row row : rows) {
                try {
                    transaction.executeWithoutResult(status -> write(run, apply(run, List.of(row)), storedErrors));
                } catch (RuntimeException rowFailed) {
                    // only the kind: a database's message may quote the row's values
                    log.warn("Department feed import {} row {} refused: {}", run.id(), row.number(),
                            rowFailed.getClass().getSimpleName());
                    Counts refused = new Counts();
                    refused.processed = 1;
                    refused.rejected = 1;
                    refused.errors.add(new RowError(row.number(), run.kind().idColumn(), "本行无法处理，已跳过"));
                    transaction.executeWithoutResult(status -> write(run, refused, storedErrors));
                }
            }
        }
    }

    /** The rows by the kind's rule, their households in one query, and the households' signals. */
    private Counts apply(Run run, List<FeedFiles.Row> rows) {
        FeedKind kind = run.kind();
        Counts counts = new Counts();
        counts.processed = rows.size();
        Map<FeedFiles.Row, DepartmentFeedRule.Finding> found = new LinkedHashMap<>();
        for (FeedFiles.Row row : rows) {
            DepartmentFeedRule.Outcome outcome = DepartmentFeedRule.apply(kind, row.cell(run.columns().id()),
                    row.cell(run.columns().value()), run.asOf(), run.today());
            if (outcome instanceof DepartmentFeedRule.Refused refused) {
                counts.rejected++;
                counts.errors.add(new RowError(row.number(), refused.column(), refused.reason()));
            } else if (outcome instanceof DepartmentFeedRule.Finding finding) {
                found.put(row, finding);
            }
        }
        Map<String, HouseholdRegistry.MemberHousehold> members = households.householdsWithDivisionByActiveMember(
                found.values().stream().map(DepartmentFeedRule.Finding::idNumber).toList());
        // the household's first finding in the chunk: its row's figures go with the signal
        Map<UUID, DepartmentFeedRule.Finding> byHousehold = new LinkedHashMap<>();
        Map<UUID, String> divisions = new LinkedHashMap<>();
        List<HouseholdRegistry.MemberHousehold> persons = new ArrayList<>();
        for (Map.Entry<FeedFiles.Row, DepartmentFeedRule.Finding> e : found.entrySet()) {
            HouseholdRegistry.MemberHousehold member = members.get(e.getValue().idNumber());
            if (member == null || !run.jurisdiction().covers(member.divisionCode())) {
                // one reason for both: another county's registry is not for this officer to probe
                counts.rejected++;
                counts.errors.add(new RowError(e.getKey().number(), kind.idColumn(), "本辖区登记册中没有此人（应为已登记农户的在户成员）"));
            } else {
                counts.findings++;
                persons.add(member);
                byHousehold.putIfAbsent(member.householdId(), e.getValue());
                divisions.putIfAbsent(member.householdId(), member.divisionCode());
            }
        }
        if (byHousehold.isEmpty()) {
            return counts;
        }
        if (kind.personEvent() != null) {
            publishPersonEvents(run, persons);
        }
        // a household is signalled once per kind and date: a finding already kept (this file's earlier
        // rows, or another file of the same day) signals nothing more
        Map<UUID, UUID> signalIds = new LinkedHashMap<>();
        byHousehold.keySet().forEach(h -> signalIds.put(h, signalId(kind, run.asOf(), h)));
        List<UUID> fresh = jdbc.sql("""
                        insert into department_feed_signal (kind, as_of, household_id, import_id, signal_id)
                        select :kind, :asOf, s.household_id, :import, s.signal_id
                        from unnest(cast(:households as uuid[]), cast(:signals as uuid[])) as s(household_id, signal_id)
                        on conflict do nothing returning household_id""")
                .param("kind", kind.code()).param("asOf", run.asOf()).param("import", run.id())
                .param("households", signalIds.keySet().stream().map(UUID::toString).toArray(String[]::new))
                .param("signals", signalIds.values().stream().map(UUID::toString).toArray(String[]::new))
                .query(UUID.class).list();
        for (UUID household : byHousehold.keySet()) {
            if (!fresh.contains(household)) {
                continue;
            }
            DepartmentFeedRule.Finding finding = byHousehold.get(household);
            RiskSignalObserved signal = new RiskSignalObserved(signalIds.get(household), household, kind.bureau(),
                    kind.riskType(), kind.finding() + "，数据日期 " + run.asOf(),
                    finding.ageAtDate() == null ? null : Map.of("ageAtDate", BigDecimal.valueOf(finding.ageAtDate())),
                    kind.version(), run.asOf().atStartOfDay(CHINA).toInstant());
            ClueDecision decision = discovery.onSignal(signal);
            counts.signals++;
            switch (decision.outcome()) {
                case ALERT, ALERT_AND_IDENTIFY -> counts.alerts++;
                case IDENTIFY -> counts.identifications++;
                case ALREADY_MONITORED -> counts.alreadyMonitored++;
                case EXCLUDED, NO_RISK -> counts.excluded++;
            }
        }
        return counts;
    }

    /**
     * The kind's second output: for each finding's person (a member living in a registered household of
     * the uploader's division), once per kind, date and person, the kind's {@link FeedKind.PersonEvent}
     * on the household's topic, keyed by the household so it stays in order with the household's events.
     * The person is named by id and keyed reference, never by the ID number.
     */
    private void publishPersonEvents(Run run, List<HouseholdRegistry.MemberHousehold> persons) {
        FeedKind kind = run.kind();
        Map<UUID, HouseholdRegistry.MemberHousehold> byPerson = new LinkedHashMap<>();
        persons.forEach(p -> byPerson.putIfAbsent(p.personId(), p));
        Set<UUID> fresh = Set.copyOf(jdbc.sql("""
                        insert into department_feed_person_event (kind, as_of, person_id, import_id)
                        select :kind, :asOf, p.person_id, :import from unnest(cast(:persons as uuid[])) as p(person_id)
                        on conflict do nothing returning person_id""")
                .param("kind", kind.code()).param("asOf", run.asOf()).param("import", run.id())
                .param("persons", byPerson.keySet().stream().map(UUID::toString).toArray(String[]::new))
                .query(UUID.class).list());
        List<OutboxWriter.Pending> events = new ArrayList<>();
        for (HouseholdRegistry.MemberHousehold person : byPerson.values()) {
            if (!fresh.contains(person.personId())) {
                continue;
            }
            Object data = switch (kind.personEvent()) {
                case DISABILITY_REGISTERED -> new DisabilityRegistered(person.householdId(), person.personId(),
                        person.personRef(), true, run.asOf());
            };
            events.add(new OutboxWriter.Pending(person.householdId().toString(), person.divisionCode(), data));
        }
        if (!events.isEmpty()) {
            outbox.appendAll(Topics.MONITORING_HOUSEHOLD, events);
        }
    }

    /** The same household, kind and date is the same signal, whichever file brought it. */
    static UUID signalId(FeedKind kind, LocalDate asOf, UUID household) {
        return UUID.nameUUIDFromBytes(("department-feed:" + kind.code() + ":" + asOf + ":" + household)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The counts added to the import's and the row errors written (up to the stored limit), in the caller's transaction. */
    private void write(Run run, Counts counts, int[] storedErrors) {
        List<RowError> stored = new ArrayList<>();
        int notStored = 0;
        for (RowError error : counts.errors) {
            if (storedErrors[0] + stored.size() < STORED_ERRORS) {
                stored.add(error);
            } else {
                notStored++;
            }
        }
        if (!stored.isEmpty()) {
            jdbc.sql("""
                            insert into department_feed_row_error (import_id, row_number, column_name, reason)
                            select :id, e.* from unnest(cast(:rows as int[]), cast(:columns as varchar[]),
                                                        cast(:reasons as varchar[])) as e""")
                    .param("id", run.id())
                    .param("rows", stored.stream().map(RowError::row).toArray(Integer[]::new))
                    .param("columns", stored.stream().map(e -> clip(e.column(), 50)).toArray(String[]::new))
                    .param("reasons", stored.stream().map(e -> clip(e.reason(), 500)).toArray(String[]::new))
                    .update();
        }
        jdbc.sql("""
                        update department_feed_import set processed_rows = processed_rows + :processed,
                            rejected_rows = rejected_rows + :rejected, errors_not_stored = errors_not_stored + :notStored,
                            findings = findings + :findings, signals = signals + :signals,
                            alerts_raised = alerts_raised + :alerts, identifications = identifications + :identifications,
                            already_monitored = already_monitored + :alreadyMonitored, excluded = excluded + :excluded
                        where id = :id""")
                .param("processed", counts.processed).param("rejected", counts.rejected).param("notStored", notStored)
                .param("findings", counts.findings).param("signals", counts.signals).param("alerts", counts.alerts)
                .param("identifications", counts.identifications).param("alreadyMonitored", counts.alreadyMonitored)
                .param("excluded", counts.excluded).param("id", run.id()).update();
        // counted once the transaction is bound to commit; a rollback throws before this matters
        storedErrors[0] += stored.size();
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
