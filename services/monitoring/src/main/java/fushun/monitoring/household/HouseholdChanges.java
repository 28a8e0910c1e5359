package fushun.monitoring.household;

import fushun.platform.web.Page;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.Topics;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdChanged.Kind;
import fushun.contracts.monitoring.HouseholdChanged.Reason;
import fushun.monitoring.household.ChangeRules.Field;
import fushun.monitoring.household.ChangeRules.FieldChange;
import fushun.platform.PlatformTime;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.pii.PersonRefs;
import fushun.platform.pii.PiiMasking;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.RuleViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the changes of a registered household as revisions (who, when effective, why, each
 * field before and after), applies them to the registry and publishes {@code HouseholdChanged} with
 * the household's whole state in the same transaction. Reads the household as of any day back.
 */
@Service
public class HouseholdChanges {

    /** One recorded change, as the revision list shows it. */
    public record Revision(int revision, Kind kind, Reason reason, String reasonLabel, LocalDate effectiveOn,
                           UUID memberId, String summary, String note, String recordedBy, Instant recordedAt) {
    }


    private final JdbcClient jdbc;
    private final HouseholdRegistry registry;
    private final OutboxWriter outbox;
    private final PersonRefs personRefs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public HouseholdChanges(JdbcClient jdbc, HouseholdRegistry registry, OutboxWriter outbox, PersonRefs personRefs,
                            ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.registry = registry;
        this.outbox = outbox;
        this.personRefs = personRefs;
        this.clock = clock;
    }

    /**
     * Records a change within the caller's jurisdiction (the household's current division). A
     * move to another division hands the household over: from then on only the new area sees it.
     */
    @Transactional
    public Revision record(UUID householdId, HouseholdChange change, String recordedBy, Jurisdiction jurisdiction) {
        HouseholdState state = lockInScope(householdId, jurisdiction);
        return apply(householdId, state, change, recordedBy);
    }

    /**
     * The county confirmed a monitoring category through the identification procedure: recorded as
     * a revision like any other change, so the household as of a day shows it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void categoryConfirmed(UUID householdId, HouseholdCategory category, String confirmedBy) {
        HouseholdState state = lock(householdId);
        if (state.category() == category) {
            return;
        }
        LocalDate today = PlatformTime.today(clock);
        List<FieldChange> fields = List.of(new FieldChange(null, Field.CATEGORY, state.category().name(), category.name()));
        write(householdId, state, new HouseholdChange(Kind.CATEGORY, Reason.POLICY_DECISION, today, null, null, null, null,
                null, null, null, category, null), null, fields, "县级认定为" + category.label(), confirmedBy);
    }

    private Revision apply(UUID householdId, HouseholdState state, HouseholdChange change, String recordedBy) {
        UUID newMemberId = UUID.randomUUID();
        LocalDate today = PlatformTime.today(clock);
        ChangeRules.Decision decision = ChangeRules.decide(state, change, newMemberId, today);
        if (decision.refused()) {
            throw new RuleViolationException(decision.refusalTitle(), decision.refusal());
        }
        for (FieldChange field : decision.fields()) {
            LocalDate latest = jdbc.sql("""
                            select max(r.effective_on) from household_revision r
                            join household_revision_field f on f.revision_id = r.id
                            where r.household_id = :h and f.field = :field
                              and (f.member_id = :m or (f.member_id is null and cast(:m as uuid) is null))""")
                    .param("h", householdId).param("field", field.field().name()).param("m", field.memberId())
                    .query(LocalDate.class).optional().orElse(null);
            if (latest != null && latest.isAfter(change.effectiveOn())) {
                throw new RuleViolationException("生效日期早于已登记的变动",
                        "该项已有 " + latest + " 生效的变动；变动须按发生先后登记，不能早于 " + latest + "。");
            }
        }
        if (change.kind() == Kind.MEMBER_ADDED) {
            addMember(householdId, newMemberId, change);
        }
        return write(householdId, state, change, change.kind() == Kind.MEMBER_ADDED ? newMemberId : change.memberId(),
                decision.fields(), decision.summary(), recordedBy);
    }

    private void addMember(UUID householdId, UUID memberId, HouseholdChange change) {
        String idNumber = change.newMember().idNumber().toUpperCase();
        boolean taken = jdbc.sql("select count(*) from household_member where id_number = :n and status = 'ACTIVE'")
                .param("n", idNumber).query(Long.class).single() > 0;
        if (taken) {
            throw new RuleViolationException("身份证号已登记", "该成员仍在其他农户中登记；请先由原户登记成员减少。");
        }
        jdbc.sql("""
                        insert into household_member (id, household_id, name, id_number, id_number_masked, person_ref,
                                                      relationship, labour_capacity, status, joined_on)
                        values (:id, :h, :name, :idNumber, :masked, :ref, :relationship, :labour, 'ACTIVE', :on)""")
                .param("id", memberId).param("h", householdId).param("name", change.newMember().name().trim())
                .param("idNumber", idNumber).param("masked", PiiMasking.idNumber(idNumber))
                .param("ref", personRefs.of(idNumber)).param("relationship", change.newMember().relationship())
                .param("labour", change.newMember().labourCapacity()).param("on", change.effectiveOn())
                .update();
    }

    private Revision write(UUID householdId, HouseholdState before, HouseholdChange change, UUID memberId,
                           List<FieldChange> fields, String summary, String recordedBy) {
        for (FieldChange f : fields) {
            switch (f.field()) {
                case DIVISION -> move(householdId, f.oldValue(), f.newValue());
                case CATEGORY -> set(householdId, "category", f.newValue());
                case POLICY_FLAG -> jdbc.sql("update household set not_entitled_to_policy = :v where id = :h")
                        .param("v", Boolean.parseBoolean(f.newValue())).param("h", householdId).update();
                case HEAD_NAME -> set(householdId, "head_name", f.newValue());
                case PRESENCE -> {
                    // the member was inserted with the change
                }
                case STATUS -> jdbc.sql("""
                                update household_member set status = 'LEFT', left_on = :on, left_reason = :reason
                                where id = :m""")
                        .param("on", change.effectiveOn()).param("reason", change.reason().name()).param("m", f.memberId())
                        .update();
                case RELATIONSHIP -> jdbc.sql("update household_member set relationship = :v where id = :m")
                        .param("v", f.newValue()).param("m", f.memberId()).update();
                case LABOUR_CAPACITY -> jdbc.sql("update household_member set labour_capacity = :v where id = :m")
                        .param("v", f.newValue()).param("m", f.memberId()).update();
            }
        }
        int revision = jdbc.sql("update household set revision = revision + 1 where id = :h returning revision")
                .param("h", householdId).query(Integer.class).single();
        Instant now = clock.instant();
        long revisionId = jdbc.sql("""
                        insert into household_revision (household_id, revision, kind, reason, effective_on, member_id, summary,
                                                        note, recorded_by, recorded_at)
                        values (:h, :revision, :kind, :reason, :on, :member, :summary, :note, :by, :at) returning id""")
                .param("h", householdId).param("revision", revision).param("kind", change.kind().name())
                .param("reason", change.reason().name()).param("on", change.effectiveOn()).param("member", memberId)
                .param("summary", summary).param("note", change.note()).param("by", recordedBy)
                .param("at", Timestamp.from(now)).query(Long.class).single();
        for (FieldChange f : fields) {
            jdbc.sql("""
                            insert into household_revision_field (revision_id, member_id, field, old_value, new_value)
                            values (:r, :m, :field, :old, :new)""")
                    .param("r", revisionId).param("m", f.memberId()).param("field", f.field().name())
                    .param("old", f.oldValue()).param("new", f.newValue()).update();
        }
        publish(householdId, revision, change, memberId, before.divisionCode(), now);
        return new Revision(revision, change.kind(), change.reason(), change.reason().label(), change.effectiveOn(),
                memberId, summary, change.note(), recordedBy, now);
    }

    /** The household moves; the records that follow it move with it, each feature its own (in this transaction). */
    private void move(UUID householdId, String from, String division) {
        set(householdId, "division_code", division);
        events.publishEvent(new HouseholdMoved(householdId, from, division));
    }

    private void set(UUID householdId, String column, String value) {
        jdbc.sql("update household set " + column + " = :v where id = :h").param("v", value).param("h", householdId).update();
    }

    private void publish(UUID householdId, int revision, HouseholdChange change, UUID memberId, String previousDivision,
                         Instant now) {
        var household = jdbc.sql("select division_code, category, not_entitled_to_policy, head_name from household where id = :h")
                .param("h", householdId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)})
                .single();
        List<HouseholdChanged.Member> members = jdbc.sql("""
                        select id, person_ref, name, id_number_masked, relationship, labour_capacity, status, left_on, left_reason,
                               id_number
                        from household_member where household_id = :h order by status = 'ACTIVE' desc, relationship = '户主' desc, name, id""")
                .param("h", householdId)
                .query((rs, n) -> new HouseholdChanged.Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6),
                        HouseholdChanged.MemberStatus.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class),
                        rs.getString(9) == null ? null : Reason.valueOf(rs.getString(9)),
                        BirthYear.fromIdNumber(rs.getString(10))))
                .list();
        String division = (String) household[0];
        outbox.append(Topics.MONITORING_HOUSEHOLD, householdId.toString(), division,
                new HouseholdChanged(householdId, revision, change.kind(), change.reason(), change.effectiveOn(), memberId,
                        division, previousDivision, HouseholdCategory.valueOf((String) household[1]), (Boolean) household[2],
                        (String) household[3], members, now));
    }

    /** The household as it was on {@code day}: today's state with the changes effective after it undone. */
    public HouseholdView asOf(UUID householdId, LocalDate day, Jurisdiction jurisdiction) {
        HouseholdView now = registry.find(householdId, jurisdiction);
        if (day.isBefore(ChangeRules.EARLIEST)) {
            throw new RuleViolationException("日期无效", "只能查询 2014-01-01 以后的农户信息。");
        }
        LocalDate registered = LocalDate.ofInstant(now.registeredAt(), PlatformTime.CHINA);
        // a day before the registration is known only if a change recorded later took effect by then
        if (day.isBefore(registered) && jdbc.sql(
                        "select count(*) from household_revision where household_id = :h and effective_on <= :day")
                .param("h", householdId).param("day", day).query(Long.class).single() == 0) {
            throw new RuleViolationException("该日尚未登记", "该户于 " + registered + " 登记，此前的情况登记册中没有记录。");
        }
        List<AsOf.RecordedField> later = jdbc.sql("""
                        select r.revision, r.effective_on, f.member_id, f.field, f.old_value, f.new_value
                        from household_revision r join household_revision_field f on f.revision_id = r.id
                        where r.household_id = :h and r.effective_on > :day""")
                .param("h", householdId).param("day", day)
                .query((rs, n) -> new AsOf.RecordedField(rs.getInt(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, UUID.class), Field.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6)))
                .list();
        HouseholdView then = AsOf.undo(now, later, day);
        // who was in the rural low-income population that day: that day's category, flag and assistance
        boolean assisted = then.assistance().stream().anyMatch(p -> p.activeOn(day));
        return new HouseholdView(then.id(), then.divisionCode(), then.category(), then.notEntitledToPolicy(),
                then.headName(), then.registeredAt(), then.revision(), day, then.members(), then.assistance(),
                fushun.monitoring.assistance.RuralLowIncome.includes(HouseholdCategory.valueOf(then.category()),
                        then.notEntitledToPolicy(), assisted));
    }

    /** The household's revisions, newest first. */
    public Page<Revision> revisions(UUID householdId, Jurisdiction jurisdiction, int page, int size) {
        registry.find(householdId, jurisdiction);
        long total = jdbc.sql("select count(*) from household_revision where household_id = :h").param("h", householdId)
                .query(Long.class).single();
        List<Revision> items = jdbc.sql("""
                        select revision, kind, reason, effective_on, member_id, summary, note, recorded_by, recorded_at
                        from household_revision where household_id = :h order by revision desc limit :size offset :offset""")
                .param("h", householdId).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new Revision(rs.getInt(1), Kind.valueOf(rs.getString(2)), Reason.valueOf(rs.getString(3)),
                        Reason.valueOf(rs.getString(3)).label(), rs.getObject(4, LocalDate.class), rs.getObject(5, UUID.class),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
                .list();
        return new Page<>(items, page, size, total);
    }

    /** The household locked, in one statement with the scope: a concurrent move cannot slip between the two. */
    private HouseholdState lockInScope(UUID householdId, Jurisdiction jurisdiction) {
        return lock(householdId, jurisdiction.likePattern());
    }

    private HouseholdState lock(UUID householdId) {
        return lock(householdId, "%");
    }

    private HouseholdState lock(UUID householdId, String scope) {
        var household = jdbc.sql("""
                        select division_code, category, not_entitled_to_policy, head_name from household
                        where id = :h and division_code like :scope for update""")
                .param("h", householdId).param("scope", scope)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)})
                .optional().orElseThrow(() -> new NotFoundException("没有找到该农户。"));
        List<HouseholdState.MemberState> members = jdbc.sql("""
                        select id, name, relationship, labour_capacity, status, joined_on from household_member where household_id = :h""")
                .param("h", householdId)
                .query((rs, n) -> new HouseholdState.MemberState(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), "ACTIVE".equals(rs.getString(5)), rs.getObject(6, LocalDate.class)))
                .list();
        return new HouseholdState((String) household[0], HouseholdCategory.valueOf((String) household[1]),
                (Boolean) household[2], (String) household[3], members);
    }

    /** Kinds and the reasons each may give, for forms. */
    public static Map<Kind, List<Reason>> reasons() {
        return java.util.Arrays.stream(Kind.values()).collect(Collectors.toMap(k -> k,
                k -> ChangeRules.reasonsFor(k).stream().sorted().toList(), (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
