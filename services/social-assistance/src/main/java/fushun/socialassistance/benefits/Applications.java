package fushun.socialassistance.benefits;

import fushun.platform.PlatformTime;
import fushun.platform.security.Jurisdiction;
import fushun.platform.security.SeparationOfDuties;
import fushun.platform.security.SeparationOfDuties.Step;
import fushun.platform.security.SeparationOfDuties.Taken;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import fushun.platform.web.RuleViolationException;
import fushun.socialassistance.casework.AssistanceCase;
import fushun.socialassistance.casework.CaseWork;
import fushun.socialassistance.dibao.DibaoIncome;
import fushun.socialassistance.eligibility.SupportAssessment.Capacity;
import fushun.socialassistance.eligibility.SupportAssessment.MemberFacts;
import fushun.socialassistance.household.HouseholdRoster;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dibao and 特困 applications: taken down by an operator (受理), reviewed by the township (审核), then
 * decided with reasons by the county (审批), three different people (职责分离).
 */
@Service
public class Applications {

    static final SeparationOfDuties.Matter MATTER = new SeparationOfDuties.Matter("该申请", "this application");

    /**
     * An application as stored: who submitted it, the township's review once reviewed
     * ({@code reviewRecommends}: for or against), and the determination once decided.
     */
    public record Application(UUID id, UUID householdId, UUID caseId, String divisionCode, Programme programme,
                              String status, DibaoIncome.Declaration declaration, List<Member> members,
                              String submittedBy, Instant submittedAt, String reviewedBy, Instant reviewedAt,
                              Boolean reviewRecommends, String reviewOpinion, String decidedBy, LocalDate decidedOn,
                              String decisionReason, Decided determination, UUID grantId) {
    }

    public record Member(UUID personId, Capacity capacity, BigDecimal ownYearlyIncome, BigDecimal ownBasicPension,
                         boolean underSixteen, boolean covered) {
    }

    /** What the decision found, in figures and words. */
    public record Decided(BigDecimal countedIncome, BigDecimal incomePerPerson, BigDecimal standardMonthly,
                          BigDecimal monthlyAmount, String parameterVersions, String explanation) {
    }

    /** The household moved: its applications and grants are the new area's to decide, pay and review. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void householdMoved(UUID householdId, String divisionCode) {
        jdbc.sql("update assistance_application set division_code = :d where household_id = :h and division_code <> :d")
                .param("d", divisionCode).param("h", householdId).update();
        jdbc.sql("update assistance_grant set division_code = :d where household_id = :h and division_code <> :d")
                .param("d", divisionCode).param("h", householdId).update();
    }

    private final JdbcClient jdbc;
    private final HouseholdRoster roster;
    private final CaseWork cases;
    private final Determination determination;
    private final Grants grants;
    private final Clock clock;

    public Applications(JdbcClient jdbc, HouseholdRoster roster, CaseWork cases, Determination determination,
                        Grants grants, Clock clock) {
        this.jdbc = jdbc;
        this.roster = roster;
        this.cases = cases;
        this.determination = determination;
        this.grants = grants;
        this.clock = clock;
    }

    /** Takes an application down; checks what can be checked now, decides nothing. */
    @Transactional
    public UUID submit(NewApplication application, String by, Jurisdiction jurisdiction) {
        HouseholdRoster.Standing household = roster.lockInScope(application.householdId(), jurisdiction);
        if (application.caseId() != null) {
            AssistanceCase fromCase = cases.find(application.caseId(), jurisdiction);
            if (!fromCase.householdId().equals(application.householdId())) {
                throw new RuleViolationException("申请对象不一致", "申请的农户与个案中的农户不一致。");
            }
            if (!fromCase.status().equals("OPEN")) {
                throw new RuleViolationException("个案已办结", "该个案已经办结，请作为来访申请受理（不填个案）。");
            }
        }
        if (application.declaration().basicPension().compareTo(application.declaration().totalIncome()) > 0
                || application.members().stream().anyMatch(m -> m.ownBasicPension().compareTo(m.ownYearlyIncome()) > 0)) {
            throw new RuleViolationException("收入申报有误", "基础养老金是收入的一部分，不能大于所申报的年收入。");
        }
        Set<UUID> registered = new HashSet<>(roster.persons(household.householdId()).stream()
                .map(HouseholdRoster.Person::personId).toList());
        Set<UUID> described = new HashSet<>(application.members().stream().map(MemberFacts::personId).toList());
        if (described.size() != application.members().size() || !described.equals(registered)) {
            throw new RuleViolationException("家庭成员不完整", "须逐一填写该户全部 " + registered.size()
                    + " 名登记成员的劳动能力和本人收入，且每人只填一次。");
        }
        List<UUID> covered = coveredPersons(application, registered);
        Long pending = jdbc.sql("""
                        select count(*) from assistance_application
                        where household_id = :h and programme = :p and status in ('SUBMITTED', 'REVIEWED')""")
                .param("h", household.householdId()).param("p", application.programme().name())
                .query(Long.class).single();
        if (pending > 0) {
            throw new RuleViolationException("已有待审批的申请", "该户已有一份尚未审批的" + application.programme().label()
                    + "申请，请待该申请审批后再申请。");
        }
        UUID id = UUID.randomUUID();
        DibaoIncome.Declaration d = application.declaration();
        jdbc.sql("""
                        insert into assistance_application (id, household_id, case_id, division_code, programme, total_income,
                            basic_pension, illness_spending, schooling_spending, employment_costs, status, submitted_by)
                        values (:id, :h, :case, :division, :programme, :income, :pension, :illness, :schooling, :employment,
                                'SUBMITTED', :by)""")
                .param("id", id).param("h", household.householdId()).param("case", application.caseId())
                .param("division", household.divisionCode()).param("programme", application.programme().name())
                .param("income", d.totalIncome()).param("pension", d.basicPension()).param("illness", d.illnessSpending())
                .param("schooling", d.schoolingSpending()).param("employment", d.employmentCosts()).param("by", by)
                .update();
        for (MemberFacts m : application.members()) {
            jdbc.sql("""
                            insert into application_member (application_id, person_id, capacity, own_yearly_income,
                                                            own_basic_pension, under_sixteen, covered)
                            values (:a, :p, :capacity, :income, :pension, :child, :covered)""")
                    .param("a", id).param("p", m.personId()).param("capacity", m.capacity().name())
                    .param("income", m.ownYearlyIncome()).param("pension", m.ownBasicPension())
                    .param("child", m.underSixteen())
                    .param("covered", covered.contains(m.personId())).update();
        }
        return id;
    }

    private static List<UUID> coveredPersons(NewApplication application, Set<UUID> registered) {
        List<UUID> asked = application.coveredPersons() == null ? List.of() : application.coveredPersons();
        if (!registered.containsAll(asked) || new HashSet<>(asked).size() != asked.size()) {
            throw new RuleViolationException("保障对象无效", "保障对象必须是该户的登记成员，且不能重复。");
        }
        if (application.programme() == Programme.TEKUN && asked.size() != 1) {
            throw new RuleViolationException("保障对象无效", "特困供养申请须指定一名保障对象。");
        }
        return asked.isEmpty() ? List.copyOf(registered) : asked;
    }

    /** Who has acted on an application so far, read under its row lock. */
    private record Steps(String status, String submittedBy, String reviewedBy) {
    }

    private Steps lockSteps(UUID applicationId) {
        return jdbc.sql("select status, submitted_by, reviewed_by from assistance_application where id = :id for update")
                .param("id", applicationId).query(Steps.class).single();
    }

    /**
     * The township's review (审核) of a submitted application: its opinion for or against, with
     * reasons, for the county to decide on. Never by the person who submitted it.
     */
    @Transactional
    public Application review(UUID applicationId, boolean recommend, String opinion, String by, Jurisdiction jurisdiction) {
        find(applicationId, jurisdiction);
        Steps steps = lockSteps(applicationId);
        if (!steps.status().equals("SUBMITTED")) {
            throw new RuleViolationException("申请已审核", "该申请已经审核过，不能重复审核。");
        }
        SeparationOfDuties.require(Step.REVIEW, by, MATTER, new Taken(Step.SUBMIT, steps.submittedBy()));
        jdbc.sql("""
                        update assistance_application set status = 'REVIEWED', reviewed_by = :by, reviewed_at = :at,
                            review_recommends = :recommend, review_opinion = :opinion
                        where id = :id""")
                .param("by", by).param("at", java.sql.Timestamp.from(clock.instant())).param("recommend", recommend)
                .param("opinion", opinion).param("id", applicationId).update();
        return find(applicationId, jurisdiction);
    }

    /**
     * Decides a reviewed application (审批). Approval applies the rules on the decision date and is
     * refused, with the rule's reason, when they do not support the programme; a rejection needs
     * only its reason. An approval opens the grant (and tells the other bureaus and monitoring).
     * Never by the person who submitted or reviewed it: both are read under the row's lock, so a
     * review committed a moment earlier counts.
     */
    @Transactional
    public Application decide(UUID applicationId, boolean approve, String reason, String by, Jurisdiction jurisdiction) {
        Application application = find(applicationId, jurisdiction);
        HouseholdRoster.Standing household = roster.lockInScope(application.householdId(), jurisdiction);
        Steps steps = lockSteps(applicationId);
        if (steps.status().equals("SUBMITTED")) {
            throw new RuleViolationException("尚未审核", "该申请尚待乡镇审核，审核后才能审批。");
        }
        if (!steps.status().equals("REVIEWED")) {
            throw new RuleViolationException("申请已审批", "该申请已经审批过（" + ("GRANTED".equals(steps.status()) ? "已批准" : "未批准")
                    + "），不能重复审批。");
        }
        SeparationOfDuties.require(Step.APPROVE, by, MATTER, new Taken(Step.SUBMIT, steps.submittedBy()),
                new Taken(Step.REVIEW, steps.reviewedBy()));
        LocalDate today = PlatformTime.today(clock);
        List<UUID> covered = application.members().stream().filter(Member::covered).map(Member::personId).toList();
        Determination.Outcome outcome = determination.determine(application.programme(), household.divisionCode(),
                household.transitionPolicies(), application.declaration(), application.members().stream()
                        .map(m -> new MemberFacts(m.personId(), m.capacity(), m.ownYearlyIncome(),
                                m.ownBasicPension(), m.underSixteen()))
                        .toList(), covered, today);
        if (approve && !outcome.eligible()) {
            throw new RuleViolationException("不符合条件，不能批准", outcome.refusal() + "。如确需救助，请不予批准并说明理由，或改为临时救助。");
        }
        jdbc.sql("""
                        update assistance_application set status = :status, decided_by = :by, decided_on = :today,
                            decision_reason = :reason, counted_income = :counted, income_per_person = :perPerson,
                            standard_monthly = :standard, monthly_amount = :amount, parameter_versions = :versions,
                            determination = :explanation
                        where id = :id""")
                .param("status", approve ? "GRANTED" : "REJECTED").param("by", by).param("today", today)
                .param("reason", reason).param("counted", outcome.countedIncome())
                .param("perPerson", outcome.incomePerPerson()).param("standard", outcome.standardMonthly())
                .param("amount", approve ? outcome.monthlyAmount() : null).param("versions", outcome.parameterVersions())
                .param("explanation", outcome.explanation()).param("id", applicationId)
                .update();
        if (approve) {
            grants.open(application, household, covered, outcome.monthlyAmount(), today);
        }
        return find(applicationId, jurisdiction);
    }

    public Application find(UUID applicationId, Jurisdiction jurisdiction) {
        return applications("a.id = :id and a.division_code like :scope",
                Map.of("id", applicationId, "scope", jurisdiction.likePattern()), 1, 0).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("没有找到该申请。"));
    }

    /** Applications in the caller's division, newest first, optionally one status and one case. */
    public Page<Application> list(Jurisdiction jurisdiction, String status, UUID caseId, int page, int size) {
        StringBuilder where = new StringBuilder("a.division_code like :scope");
        Map<String, Object> params = new HashMap<>(Map.of("scope", jurisdiction.likePattern()));
        if (status != null) {
            where.append(" and a.status = :status");
            params.put("status", status);
        }
        if (caseId != null) {
            where.append(" and a.case_id = :case");
            params.put("case", caseId);
        }
        long total = jdbc.sql("select count(*) from assistance_application a where " + where).params(params)
                .query(Long.class).single();
        return new Page<>(applications(where.toString(), params, size, (long) page * size), page, size, total);
    }

    /** The applications matching {@code where}, each with its members (read in one more query, not one per row). */
    private List<Application> applications(String where, Map<String, Object> params, int limit, long offset) {
        List<Application> found = jdbc.sql("""
                        select a.*, g.id as grant_id from assistance_application a
                        left join assistance_grant g on g.application_id = a.id
                        where """ + " " + where + " order by a.submitted_at desc, a.id limit :limit offset :offset")
                .params(params).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Application(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
                        rs.getObject("case_id", UUID.class), rs.getString("division_code"),
                        Programme.valueOf(rs.getString("programme")), rs.getString("status"),
                        new DibaoIncome.Declaration(rs.getBigDecimal("total_income"), rs.getBigDecimal("basic_pension"),
                                rs.getBigDecimal("illness_spending"), rs.getBigDecimal("schooling_spending"),
                                rs.getBigDecimal("employment_costs")),
                        List.of(), rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(),
                        rs.getString("reviewed_by"),
                        rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant(),
                        (Boolean) rs.getObject("review_recommends"), rs.getString("review_opinion"),
                        rs.getString("decided_by"), rs.getObject("decided_on", LocalDate.class),
                        rs.getString("decision_reason"),
                        rs.getString("determination") == null ? null : new Decided(rs.getBigDecimal("counted_income"),
                                rs.getBigDecimal("income_per_person"), rs.getBigDecimal("standard_monthly"),
                                rs.getBigDecimal("monthly_amount"), rs.getString("parameter_versions"),
                                rs.getString("determination")),
                        rs.getObject("grant_id", UUID.class)))
                .list();
        if (found.isEmpty()) {
            return found;
        }
        Map<UUID, List<Member>> members = new HashMap<>();
        jdbc.sql("""
                        select application_id, person_id, capacity, own_yearly_income, own_basic_pension, under_sixteen, covered
                        from application_member where application_id in (:ids) order by person_id""")
                .param("ids", found.stream().map(Application::id).toList())
                .query((rs, n) -> members.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                        .add(new Member(rs.getObject(2, UUID.class), Capacity.valueOf(rs.getString(3)), rs.getBigDecimal(4),
                                rs.getBigDecimal(5), rs.getBoolean(6), rs.getBoolean(7))))
                .list();
        return found.stream().map(a -> new Application(a.id(), a.householdId(), a.caseId(), a.divisionCode(),
                a.programme(), a.status(), a.declaration(), members.getOrDefault(a.id(), List.of()), a.submittedBy(),
                a.submittedAt(), a.reviewedBy(), a.reviewedAt(), a.reviewRecommends(), a.reviewOpinion(), a.decidedBy(), a.decidedOn(), a.decisionReason(), a.determination(), a.grantId())).toList();
    }
}
