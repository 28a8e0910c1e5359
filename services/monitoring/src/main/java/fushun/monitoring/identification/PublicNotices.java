package fushun.monitoring.identification;

import fushun.monitoring.household.HouseholdDirectory;
import fushun.monitoring.household.HouseholdMoved;
import fushun.platform.web.Page;

import fushun.contracts.HouseholdCategory;
import fushun.platform.PlatformTime;
import fushun.platform.export.XlsxRoster;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.policy.PolicyValue;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.RuleViolationException;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The village's public notice of a proposal (纳入监测对象 or 风险消除), posted when the village
 * approves its step, and the objections received while it runs. The board shows a masked name,
 * the household's size and category and the proposal in fixed words: nothing a neighbour should
 * not read (no ID number, phone, bank account, and not the risk, which may be an illness).
 */
@Service
public class PublicNotices {

    static final String DAYS_PARAMETER = "monitoring.public-notice-days";

    public record Notice(UUID id, UUID identificationId, UUID householdId, String divisionCode, String purpose,
                         String maskedName, int householdSize, String category, String categoryLabel, String proposal,
                         LocalDate postedOn, LocalDate endsOn, String daysParameter, long objections, boolean running) {
    }

    public record Objection(UUID id, LocalDate receivedOn, String summary, String recordedBy, Instant recordedAt) {
    }


    /** What the township step needs to know of the notice. */
    record Gate(LocalDate endsOn, int objections) {
    }

    private static final String SELECT = """
            select n.id, n.identification_id, n.household_id, n.division_code, n.purpose, n.masked_name, n.household_size,
                   n.category, n.proposal, n.posted_on, n.ends_on, n.days_parameter,
                   (select count(*) from notice_objection o where o.notice_id = n.id) as objections
            from public_notice n""";

    private final JdbcClient jdbc;
    private final PolicyParameters parameters;
    private final HouseholdDirectory households;
    private final Clock clock;

    public PublicNotices(JdbcClient jdbc, PolicyParameters parameters, HouseholdDirectory households, Clock clock) {
        this.jdbc = jdbc;
        this.households = households;
        this.parameters = parameters;
        this.clock = clock;
    }

    /** A running notice goes to the new village's board (its township step is the new area's). */
    @EventListener
    public void on(HouseholdMoved moved) {
        jdbc.sql("update public_notice set division_code = :d where household_id = :h")
                .param("d", moved.toDivision()).param("h", moved.householdId()).update();
    }

    /** Posts the notice of a procedure whose village step was approved now. */
    @Transactional(propagation = Propagation.MANDATORY)
    void post(UUID identificationId, UUID householdId, String purpose, String postedBy) {
        LocalDate today = PlatformTime.today(clock);
        HouseholdDirectory.Entry household = households.find(householdId).orElseThrow();
        PolicyValue days = parameters.required(DAYS_PARAMETER, household.divisionCode().substring(0, 6), today);
        jdbc.sql("""
                        insert into public_notice (id, identification_id, household_id, division_code, purpose, masked_name,
                                                   household_size, category, proposal, posted_on, ends_on, days_parameter, posted_by)
                        values (:id, :identification, :h, :division, :purpose, :name, :size, :category, :proposal, :on, :ends,
                                :parameter, :by)
                        on conflict (identification_id) do nothing""")
                .param("id", UUID.randomUUID()).param("identification", identificationId).param("h", householdId)
                .param("division", household.divisionCode()).param("purpose", purpose)
                .param("name", NoticeRules.maskedName(household.headName())).param("size", household.activeMembers())
                .param("category", household.category()).param("proposal", proposal(purpose))
                .param("on", today).param("ends", NoticeRules.endsOn(today, days.value().intValue()))
                .param("parameter", days.version()).param("by", postedBy).update();
    }

    Optional<Gate> gateOf(UUID identificationId) {
        return jdbc.sql("""
                        select n.ends_on, (select count(*) from notice_objection o where o.notice_id = n.id)
                        from public_notice n where n.identification_id = :id""")
                .param("id", identificationId)
                .query((rs, n) -> new Gate(rs.getObject(1, LocalDate.class), rs.getInt(2))).optional();
    }

    /** An objection received while the notice runs; the summary stays in monitoring (it may name people). */
    @Transactional
    public Objection object(UUID noticeId, LocalDate receivedOn, String summary, String recordedBy, Jurisdiction jurisdiction) {
        Notice notice = find(noticeId, jurisdiction);
        // the procedure's row, locked as the township's step locks it: an objection and that step take turns
        String stage = jdbc.sql("select stage from identification where id = :id for update")
                .param("id", notice.identificationId()).query(String.class).single();
        if (!Procedure.Stage.TOWNSHIP_REVIEW.name().equals(stage)) {
            throw new RuleViolationException("乡镇已审核", "该事项已过乡镇审核环节，公示期间的异议请直接向县级反映。");
        }
        LocalDate today = PlatformTime.today(clock);
        if (receivedOn.isAfter(today)) {
            throw new RuleViolationException("日期无效", "收到异议的日期不能晚于今天。");
        }
        if (!NoticeRules.withinNotice(receivedOn, notice.postedOn(), notice.endsOn())) {
            throw new RuleViolationException("不在公示期内", "公示期为 " + notice.postedOn() + " 至 " + notice.endsOn()
                    + "，只能登记公示期内收到的异议。");
        }
        Objection objection = new Objection(UUID.randomUUID(), receivedOn, summary.trim(), recordedBy, clock.instant());
        jdbc.sql("""
                        insert into notice_objection (id, notice_id, received_on, summary, recorded_by, recorded_at)
                        values (:id, :n, :on, :summary, :by, :at)""")
                .param("id", objection.id()).param("n", noticeId).param("on", receivedOn)
                .param("summary", objection.summary()).param("by", recordedBy)
                .param("at", Timestamp.from(objection.recordedAt())).update();
        return objection;
    }

    public Notice find(UUID noticeId, Jurisdiction jurisdiction) {
        return jdbc.sql(SELECT + " where n.id = :id and n.division_code like :scope")
                .param("id", noticeId).param("scope", jurisdiction.likePattern())
                .query((rs, n) -> notice(rs)).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该公示。"));
    }

    /** The notice's objections in the order received, one page with the total. */
    public Page<Objection> objections(UUID noticeId, Jurisdiction jurisdiction, int page, int size) {
        Notice notice = find(noticeId, jurisdiction);
        List<Objection> items = jdbc.sql("""
                        select id, received_on, summary, recorded_by, recorded_at from notice_objection
                        where notice_id = :n order by received_on, recorded_at, id limit :size offset :offset""")
                .param("n", noticeId).param("size", size).param("offset", (long) page * size)
                .query(Objection.class).list();
        return new Page<>(items, page, size, notice.objections());
    }

    /** Notices in the caller's division (or a village of it), running today only if asked, newest first. */
    public Page<Notice> list(Jurisdiction jurisdiction, String division, boolean runningOnly, int page, int size) {
        String where = " where n.division_code like :scope and n.division_code like :division"
                + (runningOnly ? " and n.ends_on >= :today and n.posted_on <= :today" : "");
        LocalDate today = PlatformTime.today(clock);
        String divisionPattern = division == null ? "%" : division + "%";
        long total = jdbc.sql("select count(*) from public_notice n" + where)
                .param("scope", jurisdiction.likePattern()).param("division", divisionPattern).param("today", today)
                .query(Long.class).single();
        List<Notice> items = jdbc.sql(SELECT + where + " order by n.posted_on desc, n.id limit :size offset :offset")
                .param("scope", jurisdiction.likePattern()).param("division", divisionPattern).param("today", today)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> notice(rs)).list();
        return new Page<>(items, page, size, total);
    }

    /** The village board's sheet: every notice running today in the village, ready to print. */
    public void writeBoard(String village, Jurisdiction jurisdiction, OutputStream out) throws IOException {
        List<Notice> running = list(jurisdiction, village, true, 0, 500).items();
        List<List<Object>> rows = running.stream().map(n -> List.<Object>of(n.maskedName(), n.householdSize(),
                n.categoryLabel(), n.proposal(), n.postedOn().toString(), n.endsOn().toString())).toList();
        XlsxRoster.write(out, "公示", List.of("户主", "家庭人口", "农户类别", "公示事项", "公示开始", "公示截止"), rows,
                List.of(List.of("公示期间如有异议，请向村民委员会或乡镇人民政府反映。"),
                        List.of("行政区划 " + village + "，共 " + rows.size() + " 户；生成日期 " + PlatformTime.today(clock))));
    }

    private Notice notice(java.sql.ResultSet rs) throws java.sql.SQLException {
        LocalDate today = PlatformTime.today(clock);
        LocalDate postedOn = rs.getObject("posted_on", LocalDate.class);
        LocalDate endsOn = rs.getObject("ends_on", LocalDate.class);
        String category = rs.getString("category");
        return new Notice(rs.getObject("id", UUID.class), rs.getObject("identification_id", UUID.class),
                rs.getObject("household_id", UUID.class), rs.getString("division_code"), rs.getString("purpose"),
                rs.getString("masked_name"), rs.getInt("household_size"), category,
                HouseholdCategory.valueOf(category).label(), rs.getString("proposal"), postedOn, endsOn,
                rs.getString("days_parameter"), rs.getLong("objections"),
                !today.isBefore(postedOn) && !today.isAfter(endsOn));
    }

    private static String proposal(String purpose) {
        return "ELIMINATION".equals(purpose) ? "拟标注风险消除" : "拟纳入防止返贫监测对象";
    }
}
