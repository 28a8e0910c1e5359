package fushun.console.report;

import fushun.console.report.ReportTables.Submission;
import fushun.console.report.internal.FirstPage;
import fushun.console.report.internal.ReportDocuments;
import fushun.platform.PlatformTime;
import fushun.platform.pii.PiiMasking;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.ConflictException;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import fushun.platform.web.RuleViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * The December report's workflow: drafted for every county on the draft date, the county approver
 * writes the narrative (each save a new version), submits by the deadline; a submitted version is
 * frozen with its documents (the database refuses to change it) and only one is taken per county
 * and year. The dates are effective-dated parameters per county ({@code report.annual.*}).
 *
 * <p>The narrative is the approver's free text: it is stored here and in the documents, never put
 * into an event or a log line.
 */
@Service
public class AnnualReports {

    private static final Logger log = LoggerFactory.getLogger(AnnualReports.class);
    static final int MAX_NARRATIVE = 20_000;

    /** A version of a county's report, without its documents. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "AnnualReportVersion")
    public record Version(String county, int year, int version, String problems, String nextYear, Instant createdAt,
                          String createdBy, Instant submittedAt, String submittedBy) {

        public boolean submitted() {
            return submittedAt != null;
        }
    }

    /** A county's report for the city's list (and the county's own page). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "AnnualReportStatus")
    public record CountyStatus(String county, String name, int year, Integer latestVersion, boolean drafted,
                               boolean submitted, String submittedBy, Instant submittedAt, LocalDate draftDate,
                               LocalDate deadline, boolean late) {
    }

    /** A document to download. */
    public record Document(String fileName, String contentType, byte[] body) {
    }

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Reports drawn at once (see {@link #rendered}). */
    static final int RENDERS = 2;
    private final Semaphore renders = new Semaphore(RENDERS);
    private final JdbcClient jdbc;
    private final AnnualFigures figures;
    private final PolicyParameters parameters;
    private final Clock clock;

    public AnnualReports(JdbcClient jdbc, AnnualFigures figures, PolicyParameters parameters, Clock clock) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.parameters = parameters;
        this.clock = clock;
    }

    private LocalDate today() {
        return PlatformTime.today(clock);
    }

    /** The year's date of a month-day parameter for a county, as in force on the cut-off day. */
    LocalDate dateOf(String name, String county, int year) {
        return ReportRules.dateOf(year, parameters.required(name, county, ReportRules.cutoff(year, today())).value());
    }

    public LocalDate draftDate(String county, int year) {
        return dateOf("report.annual.draft-date", county, year);
    }

    public LocalDate deadline(String county, int year) {
        return dateOf("report.annual.deadline", county, year);
    }

    /** Each day: every county whose draft date has come gets this year's draft, once. */
    @Scheduled(cron = "${console.report.draft-cron:0 10 0 * * *}", zone = "Asia/Shanghai")
    public void draftWhenDue() {
        int drafted = draftDue(today());
        if (drafted > 0) {
            log.info("Drafted {} county reports for {}", drafted, today().getYear());
        }
    }

    /** The counties whose draft date is on or before {@code today} and that have no report for the year get version 1. */
    @Transactional
    public int draftDue(LocalDate today) {
        int year = today.getYear();
        int drafted = 0;
        for (String county : AnnualFigures.COUNTIES.keySet()) {
            if (!today.isBefore(draftDate(county, year)) && draft(county, year, "system")) {
                drafted++;
            }
        }
        return drafted;
    }

    /** Drafts now (the analyst for every county of the caller's jurisdiction, a county approver for theirs). */
    @Transactional
    public List<CountyStatus> draftNow(int year, Jurisdiction jurisdiction, String actor) {
        checkYear(year);
        for (String county : countiesOf(jurisdiction)) {
            draft(county, year, actor);
        }
        return countiesOf(jurisdiction).stream().map(c -> status(c, year)).toList();
    }

    private boolean draft(String county, int year, String actor) {
        return jdbc.sql("""
                        insert into annual_report_version (id, county, year, version, created_at, created_by)
                        values (:id, :c, :y, 1, :at, :by) on conflict (county, year, version) do nothing""")
                .param("id", UUID.randomUUID()).param("c", county).param("y", year)
                .param("at", Timestamp.from(clock.instant())).param("by", actor).update() > 0;
    }

    /**
     * One writer of a county's report at a time, until the transaction ends: a narrative saved while a
     * submission renders its documents waits for it, then finds the report submitted.
     */
    private void lock(String county, int year) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('annual-report:' || :c || ':' || :y))")
                .param("c", county).param("y", year).query((rs, n) -> 1).list();
    }

    static boolean carriesPersonalNumbers(String text) {
        return text != null && !text.equals(PiiMasking.scrub(text));
    }

    /** The approver's narrative as a new version; refused once the report was submitted. */
    @Transactional
    public Version saveNarrative(String county, int year, String problems, String nextYear, Jurisdiction jurisdiction,
                                 String actor) {
        checkCounty(county, jurisdiction);
        checkYear(year);
        if ((problems != null && problems.length() > MAX_NARRATIVE) || (nextYear != null && nextYear.length() > MAX_NARRATIVE)) {
            throw new RuleViolationException("内容过长", "每部分最多 " + MAX_NARRATIVE + " 字。");
        }
        if (carriesPersonalNumbers(problems) || carriesPersonalNumbers(nextYear)) {
            // the report goes to the city and is kept: no ID or mobile number in its free text
            throw new RuleViolationException("含有个人信息", "文字部分不能包含身份证号或手机号码，请删除后再保存。");
        }
        lock(county, year);
        Version latest = latest(county, year).orElseThrow(() -> new NotFoundException("该县区本年度报告尚未起草。"));
        if (submittedVersion(county, year).isPresent()) {
            throw new ConflictException("报告已报送", "本年度报告已报送，已报送的版本不能修改。");
        }
        int version = latest.version() + 1;
        jdbc.sql("""
                        insert into annual_report_version (id, county, year, version, problems, next_year, created_at, created_by)
                        values (:id, :c, :y, :v, :p, :n, :at, :by)""")
                .param("id", UUID.randomUUID()).param("c", county).param("y", year).param("v", version)
                .param("p", problems == null ? "" : problems).param("n", nextYear == null ? "" : nextYear)
                .param("at", Timestamp.from(clock.instant())).param("by", actor).update();
        return version(county, year, version).orElseThrow();
    }

    /** Submits the latest version with its documents, frozen from now on; a second submission is refused. */
    @Transactional
    public Version submit(String county, int year, Jurisdiction jurisdiction, String actor) {
        checkCounty(county, jurisdiction);
        checkYear(year);
        lock(county, year);
        if (submittedVersion(county, year).isPresent()) {
            throw new ConflictException("报告已报送", "本年度报告已报送，不能重复报送。");
        }
        Version latest = latest(county, year).orElseThrow(() -> new NotFoundException("该县区本年度报告尚未起草。"));
        if (latest.problems().isBlank() || latest.nextYear().isBlank()) {
            throw new RuleViolationException("缺少文字部分", "报送前须填写“问题与不足”和“下一年度工作措施”。");
        }
        ReportDocuments.Content content = content(county, year, latest, "已报送");
        int submitted = jdbc.sql("""
                        update annual_report_version set submitted_at = :at, submitted_by = :by, docx = :docx, xlsx = :xlsx,
                            first_page = :png
                        where county = :c and year = :y and version = :v and submitted_at is null""")
                .param("at", Timestamp.from(clock.instant())).param("by", actor)
                .param("docx", ReportDocuments.docx(content)).param("xlsx", ReportDocuments.xlsx(content))
                .param("png", FirstPage.png(content))
                .param("c", county).param("y", year).param("v", latest.version()).update();
        if (submitted == 0) {
            // another submission of the same version committed while this one was writing its documents
            throw new ConflictException("报告已报送", "本年度报告已报送，不能重复报送。");
        }
        log.info("County report {} {} version {} submitted by {}", county, year, latest.version(), actor);
        return version(county, year, latest.version()).orElseThrow();
    }

    public CountyStatus status(String county, int year) {
        Optional<Version> latest = latest(county, year);
        Optional<Version> submitted = submittedVersion(county, year);
        LocalDate deadline = deadline(county, year);
        LocalDate submittedOn = submitted.map(v -> v.submittedAt().atZone(PlatformTime.CHINA).toLocalDate()).orElse(null);
        return new CountyStatus(county, AnnualFigures.nameOf(county), year, latest.map(Version::version).orElse(null),
                latest.isPresent(), submitted.isPresent(), submitted.map(Version::submittedBy).orElse(null),
                submitted.map(Version::submittedAt).orElse(null), draftDate(county, year), deadline,
                ReportRules.late(deadline, today(), submittedOn));
    }

    /** The counties of the caller's jurisdiction with their reports, a page at a time, with the total. */
    public Page<CountyStatus> statuses(int year, Jurisdiction jurisdiction, Boolean late, int page, int size) {
        checkYear(year);
        List<CountyStatus> all = countiesOf(jurisdiction).stream().map(c -> status(c, year))
                .filter(s -> late == null || s.late() == late).toList();
        int from = (int) Math.min((long) page * size, all.size());
        return new Page<>(all.subList(from, Math.min(from + size, all.size())), page, size, all.size());
    }

    public Page<Version> versions(String county, int year, Jurisdiction jurisdiction, int page, int size) {
        checkCounty(county, jurisdiction);
        checkYear(year);
        long total = jdbc.sql("select count(*) from annual_report_version where county = :c and year = :y")
                .param("c", county).param("y", year).query(Long.class).single();
        List<Version> items = jdbc.sql("""
                        select county, year, version, problems, next_year, created_at, created_by, submitted_at, submitted_by
                        from annual_report_version where county = :c and year = :y order by version desc limit :n offset :o""")
                .param("c", county).param("y", year).param("n", size).param("o", (long) page * size)
                .query(AnnualReports::version).list();
        return new Page<>(items, page, size, total);
    }

    public Version current(String county, int year, Jurisdiction jurisdiction) {
        checkCounty(county, jurisdiction);
        checkYear(year);
        return latest(county, year).orElseThrow(() -> new NotFoundException("该县区本年度报告尚未起草。"));
    }

    /** The county's .docx, .xlsx or first page: a submitted version's stored documents, a draft's drawn now. */
    public Document countyDocument(String county, int year, Integer version, String kind, Jurisdiction jurisdiction) {
        checkCounty(county, jurisdiction);
        checkYear(year);
        Version v = (version == null ? latest(county, year) : version(county, year, version))
                .orElseThrow(() -> new NotFoundException("没有该版本的报告。"));
        String base = county + "-" + year + "-v" + v.version();
        if (v.submitted()) {
            // as frozen at submission (a version submitted before its first page was kept is drawn again)
            String column = switch (kind) {
                case "docx" -> "docx";
                case "xlsx" -> "xlsx";
                default -> "first_page";
            };
            byte[] body = jdbc.sql("select " + column + " from annual_report_version where county = :c and year = :y and version = :v")
                    .param("c", county).param("y", year).param("v", v.version())
                    .query((rs, n) -> rs.getBytes(1)).single();
            if (body != null) {
                return document(base, kind, body);
            }
        }
        return document(base, kind, rendered(() -> {
            ReportDocuments.Content content = content(county, year, v, v.submitted() ? "已报送" : "草稿");
            return switch (kind) {
                case "docx" -> ReportDocuments.docx(content);
                case "xlsx" -> ReportDocuments.xlsx(content);
                default -> FirstPage.png(content);
            };
        }));
    }

    /** The city's report: the city's figures, each county's main figures and where its report stands. */
    public Document cityDocument(int year, String kind, Jurisdiction jurisdiction) {
        checkYear(year);
        if (!AnnualFigures.CITY.equals(jurisdiction.prefix()) && !"21".equals(jurisdiction.prefix())) {
            throw new NotFoundException("全市报告只对市级用户开放。");
        }
        return document("210400-" + year, kind, rendered(() -> {
            ReportDocuments.Content content = cityContent(year);
            return switch (kind) {
                case "docx" -> ReportDocuments.docx(content);
                case "xlsx" -> ReportDocuments.xlsx(content);
                default -> FirstPage.png(content);
            };
        }));
    }

    /**
     * Counting a year and drawing its charts takes a core for a while: at most {@link #RENDERS} at once
     * in this instance; one more is told to come back (503) rather than queued behind them.
     */
    private byte[] rendered(Supplier<byte[]> render) {
        if (!renders.tryAcquire()) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "正在生成其他报告，请稍后再试。");
            problem.setTitle("报告生成繁忙");
            var busy = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
            busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "10");
            throw busy;
        }
        try {
            return render.get();
        } finally {
            renders.release();
        }
    }

    ReportDocuments.Content cityContent(int year) {
        LocalDate today = today();
        List<ReportFigures> counties = new ArrayList<>();
        List<Submission> submissions = new ArrayList<>();
        for (String county : AnnualFigures.COUNTIES.keySet()) {
            counties.add(figures.count(county, year, today));
            CountyStatus s = status(county, year);
            submissions.add(new Submission(county, s.name(), s.latestVersion(),
                    s.submitted() ? "已报送" : s.drafted() ? "草稿" : "未起草", s.submittedBy(),
                    s.submittedAt() == null ? null : s.submittedAt().atZone(PlatformTime.CHINA).toLocalDateTime()
                            .withNano(0).toString().replace('T', ' '), s.deadline().toString(), s.late()));
        }
        return new ReportDocuments.Content(figures.count(AnnualFigures.CITY, year, today),
                ReportTables.city(counties, submissions), "", "", "全市汇总");
    }

    private ReportDocuments.Content content(String county, int year, Version v, String status) {
        return new ReportDocuments.Content(figures.count(county, year, today()), List.of(), v.problems(), v.nextYear(),
                status + "，第 " + v.version() + " 版");
    }

    private static Document document(String base, String kind, byte[] body) {
        return switch (kind) {
            case "docx" -> new Document(base + ".docx", DOCX, body);
            case "xlsx" -> new Document(base + "-annex.xlsx", XLSX, body);
            default -> new Document(base + "-page1.png", "image/png", body);
        };
    }

    private Optional<Version> latest(String county, int year) {
        return jdbc.sql("""
                        select county, year, version, problems, next_year, created_at, created_by, submitted_at, submitted_by
                        from annual_report_version where county = :c and year = :y order by version desc limit 1""")
                .param("c", county).param("y", year).query(AnnualReports::version).optional();
    }

    private Optional<Version> version(String county, int year, int version) {
        return jdbc.sql("""
                        select county, year, version, problems, next_year, created_at, created_by, submitted_at, submitted_by
                        from annual_report_version where county = :c and year = :y and version = :v""")
                .param("c", county).param("y", year).param("v", version).query(AnnualReports::version).optional();
    }

    private Optional<Version> submittedVersion(String county, int year) {
        return jdbc.sql("""
                        select county, year, version, problems, next_year, created_at, created_by, submitted_at, submitted_by
                        from annual_report_version where county = :c and year = :y and submitted_at is not null""")
                .param("c", county).param("y", year).query(AnnualReports::version).optional();
    }

    private static Version version(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        return new Version(rs.getString("county"), rs.getInt("year"), rs.getInt("version"), rs.getString("problems"),
                rs.getString("next_year"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                submitted == null ? null : submitted.toInstant(), rs.getString("submitted_by"));
    }

    /** A county inside the caller's jurisdiction; any other code is not found (as for a household elsewhere). */
    private static void checkCounty(String county, Jurisdiction jurisdiction) {
        if (!AnnualFigures.COUNTIES.containsKey(county) || !jurisdiction.covers(county)) {
            throw new NotFoundException("没有找到该县区的报告。");
        }
    }

    /** The counties whose whole area the user covers: a township's user has no county report to list or draft. */
    private List<String> countiesOf(Jurisdiction jurisdiction) {
        return AnnualFigures.COUNTIES.keySet().stream().filter(jurisdiction::covers).toList();
    }

    private void checkYear(int year) {
        if (year < 2021 || year > today().getYear()) {
            throw new RuleViolationException("年度不在范围内", "年度应在 2021 年（实施方案起始年）至今年之间。");
        }
    }
}
