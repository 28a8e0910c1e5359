package fushun.monitoring.household;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.Topics;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.monitoring.assistance.AssistanceStatuses;
import fushun.monitoring.assistance.RuralLowIncome;
import fushun.platform.PlatformTime;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.pii.PersonRefs;
import fushun.platform.pii.PiiRevealAudit;
import fushun.platform.pii.PiiMasking;
import fushun.platform.pii.ResidentIdNumbers;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.RuleViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Registers households and reads them back within a jurisdiction. */
@Service
public class HouseholdRegistry {

    /** Fushun city's division prefix: a household must live inside the city. */
    static final String FUSHUN_PREFIX = "2104";

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final PersonRefs personRefs;
    private final PiiRevealAudit revealAudit;
    private final AssistanceStatuses assistance;
    private final Clock clock;

    public HouseholdRegistry(JdbcClient jdbc, OutboxWriter outbox, PersonRefs personRefs, PiiRevealAudit revealAudit,
                             AssistanceStatuses assistance, Clock clock) {
        this.assistance = assistance;
        this.clock = clock;
        this.revealAudit = revealAudit;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.personRefs = personRefs;
    }

    /**
     * Registers a household and publishes {@code HouseholdRegistered}. Refuses a division outside
     * Fushun or the caller's jurisdiction, a bad check digit, and an ID number already registered.
     */
    @Transactional
    public UUID register(NewHousehold household, Jurisdiction jurisdiction) {
        check(household, jurisdiction);
        UUID householdId = UUID.randomUUID();
        NewHousehold.NewMember head = household.members().get(0);
        jdbc.sql("""
                        insert into household (id, division_code, category, not_entitled_to_policy, head_name, registered_at)
                        values (:id, :division, :category, :notEntitled, :head, :at)""")
                .param("id", householdId).param("division", household.divisionCode())
                .param("category", household.category().name()).param("notEntitled", household.notEntitledToPolicy())
                .param("head", head.name()).param("at", Timestamp.from(clock.instant()))
                .update();
        List<HouseholdRegistered.Member> published = new ArrayList<>();
        for (NewHousehold.NewMember member : household.members()) {
            UUID personId = UUID.randomUUID();
            String idNumber = member.idNumber().toUpperCase();
            String personRef = personRefs.of(idNumber);
            String masked = PiiMasking.idNumber(idNumber);
            jdbc.sql("""
                            insert into household_member (id, household_id, name, id_number, id_number_masked, person_ref,
                                                          relationship, labour_capacity)
                            values (:id, :household, :name, :idNumber, :masked, :ref, :relationship, :labour)""")
                    .param("id", personId).param("household", householdId).param("name", member.name())
                    .param("idNumber", idNumber).param("masked", masked).param("ref", personRef)
                    .param("relationship", member.relationship()).param("labour", member.labourCapacity())
                    .update();
            published.add(new HouseholdRegistered.Member(personId, personRef, member.name(), masked,
                    member.relationship(), member.labourCapacity(), BirthYear.fromIdNumber(idNumber)));
        }
        outbox.append(Topics.MONITORING_HOUSEHOLD, householdId.toString(), household.divisionCode(),
                new HouseholdRegistered(householdId, household.divisionCode(), household.category(),
                        household.notEntitledToPolicy(), head.name(), published));
        return householdId;
    }

    /**
     * Registers households as {@link #register} does each, in a bounded number of statements whatever
     * their number (the households, their members, then every {@code HouseholdRegistered} in one
     * outbox insert, in list order). Each is checked as {@link #register} checks it except for ID
     * numbers registered meanwhile: the caller has looked its numbers up ({@link #householdsByActiveMember}),
     * and a number registered since fails the whole call on the index of active ID numbers.
     * Returns the new households' ids in list order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> registerAll(List<NewHousehold> households, Jurisdiction jurisdiction) {
        if (households.isEmpty()) {
            return List.of();
        }
        households.forEach(h -> checkRegistrable(h, jurisdiction));
        int memberCount = households.stream().mapToInt(h -> h.members().size()).sum();
        String[] ids = new String[households.size()];
        String[] divisions = new String[households.size()];
        String[] categories = new String[households.size()];
        String[] flags = new String[households.size()];
        String[] heads = new String[households.size()];
        String[] memberIds = new String[memberCount];
        String[] memberHouseholds = new String[memberCount];
        String[] names = new String[memberCount];
        String[] numbers = new String[memberCount];
        String[] masked = new String[memberCount];
        String[] refs = new String[memberCount];
        String[] relationships = new String[memberCount];
        String[] capacities = new String[memberCount];
        List<OutboxWriter.Pending> events = new ArrayList<>(households.size());
        List<UUID> registered = new ArrayList<>(households.size());
        int m = 0;
        for (int i = 0; i < households.size(); i++) {
            NewHousehold household = households.get(i);
            UUID householdId = UUID.randomUUID();
            NewHousehold.NewMember head = household.members().get(0);
            ids[i] = householdId.toString();
            divisions[i] = household.divisionCode();
            categories[i] = household.category().name();
            flags[i] = String.valueOf(household.notEntitledToPolicy());
            heads[i] = head.name();
            List<HouseholdRegistered.Member> published = new ArrayList<>(household.members().size());
            for (NewHousehold.NewMember member : household.members()) {
                UUID personId = UUID.randomUUID();
                String idNumber = member.idNumber().toUpperCase();
                memberIds[m] = personId.toString();
                memberHouseholds[m] = ids[i];
                names[m] = member.name();
                numbers[m] = idNumber;
                masked[m] = PiiMasking.idNumber(idNumber);
                refs[m] = personRefs.of(idNumber);
                relationships[m] = member.relationship();
                capacities[m] = member.labourCapacity();
                published.add(new HouseholdRegistered.Member(personId, refs[m], member.name(), masked[m],
                        member.relationship(), member.labourCapacity(), BirthYear.fromIdNumber(idNumber)));
                m++;
            }
            events.add(new OutboxWriter.Pending(ids[i], household.divisionCode(),
                    new HouseholdRegistered(householdId, household.divisionCode(), household.category(),
                            household.notEntitledToPolicy(), head.name(), published)));
            registered.add(householdId);
        }
        jdbc.sql("""
                        insert into household (id, division_code, category, not_entitled_to_policy, head_name, registered_at)
                        select r.*, cast(:at as timestamptz)
                        from unnest(cast(:ids as uuid[]), cast(:divisions as varchar[]), cast(:categories as varchar[]),
                                    cast(:flags as boolean[]), cast(:heads as varchar[])) as r""")
                .param("ids", ids).param("divisions", divisions).param("categories", categories).param("flags", flags)
                .param("heads", heads).param("at", Timestamp.from(clock.instant())).update();
        jdbc.sql("""
                        insert into household_member (id, household_id, name, id_number, id_number_masked, person_ref,
                                                      relationship, labour_capacity)
                        select * from unnest(cast(:ids as uuid[]), cast(:households as uuid[]), cast(:names as varchar[]),
                                             cast(:numbers as varchar[]), cast(:masked as varchar[]), cast(:refs as bpchar[]),
                                             cast(:relationships as varchar[]), cast(:capacities as varchar[]))""")
                .param("ids", memberIds).param("households", memberHouseholds).param("names", names)
                .param("numbers", numbers).param("masked", masked).param("refs", refs)
                .param("relationships", relationships).param("capacities", capacities).update();
        outbox.appendAll(Topics.MONITORING_HOUSEHOLD, events);
        return registered;
    }

    /**
     * What {@link #register} refuses without reading the registry: a division outside Fushun or the
     * caller's jurisdiction, a bad check digit, an ID number twice in the household.
     */
    public void checkRegistrable(NewHousehold household, Jurisdiction jurisdiction) {
        if (household.divisionCode() == null || !household.divisionCode().matches("\\d{12}")
                || !household.divisionCode().startsWith(FUSHUN_PREFIX)) {
            throw new RuleViolationException("行政区划无效", "户籍所在地必须是抚顺市内的12位村级行政区划代码。");
        }
        if (!jurisdiction.covers(household.divisionCode())) {
            throw new RuleViolationException("超出管辖范围", "只能登记本人管辖范围内的农户。");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < household.members().size(); i++) {
            String idNumber = household.members().get(i).idNumber();
            if (!ResidentIdNumbers.isValid(idNumber)) {
                throw new RuleViolationException("身份证号无效", "第 " + (i + 1) + " 位成员的身份证号校验位不正确，或出生日期不是真实日期（1900年以后、不晚于今天）。");
            }
            if (!seen.add(idNumber.toUpperCase())) {
                throw new RuleViolationException("身份证号重复", "第 " + (i + 1) + " 位成员的身份证号在本户中重复。");
            }
        }
    }

    private void check(NewHousehold household, Jurisdiction jurisdiction) {
        checkRegistrable(household, jurisdiction);
        Set<String> seen = new HashSet<>();
        household.members().forEach(m -> seen.add(m.idNumber().toUpperCase()));
        List<String> taken = jdbc.sql("select id_number from household_member where id_number in (:numbers) and status = 'ACTIVE'")
                .param("numbers", List.copyOf(seen)).query(String.class).list();
        for (int i = 0; i < household.members().size(); i++) {
            if (taken.contains(household.members().get(i).idNumber().toUpperCase())) {
                throw new RuleViolationException("身份证号已登记", "第 " + (i + 1) + " 位成员已在其他农户中登记。");
            }
        }
    }

    /** What other features decide on: where the household lives, its category, whether it is 脱贫不享受政策户. */
    public record Standing(String divisionCode, HouseholdCategory category, boolean notEntitledToPolicy) {
    }

    /** The household's standing, whoever asks (the caller has checked the jurisdiction where it matters). */
    public Optional<Standing> standing(UUID householdId) {
        return jdbc.sql("select division_code, category, not_entitled_to_policy from household where id = :id")
                .param("id", householdId)
                .query((rs, n) -> new Standing(rs.getString(1), HouseholdCategory.valueOf(rs.getString(2)),
                        rs.getBoolean(3)))
                .optional();
    }

    /** The household's division, if it is in the caller's; another county's household is not found. */
    public String divisionOf(UUID householdId, Jurisdiction jurisdiction) {
        return jdbc.sql("select division_code from household where id = :h and division_code like :scope")
                .param("h", householdId).param("scope", jurisdiction.likePattern())
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("没有找到该农户。"));
    }

    public HouseholdView find(UUID householdId, Jurisdiction jurisdiction) {
        HouseholdView household = jdbc.sql("""
                        select id, division_code, category, not_entitled_to_policy, head_name, registered_at, revision
                        from household where id = :id and division_code like :scope""")
                .param("id", householdId).param("scope", jurisdiction.likePattern())
                .query((rs, n) -> new HouseholdView(rs.getObject("id", UUID.class), rs.getString("division_code"),
                        rs.getString("category"), rs.getBoolean("not_entitled_to_policy"), rs.getString("head_name"),
                        rs.getTimestamp("registered_at").toInstant(), rs.getInt("revision"), null, List.of(), List.of(),
                        false))
                .optional().orElseThrow(() -> new NotFoundException("没有找到该农户。"));
        List<AssistanceStatuses.Period> periods = assistance.periodsOf(householdId);
        LocalDate today = PlatformTime.today(clock);
        boolean assisted = periods.stream().anyMatch(p -> p.activeOn(today));
        return new HouseholdView(household.id(), household.divisionCode(), household.category(),
                household.notEntitledToPolicy(), household.headName(), household.registeredAt(), household.revision(),
                null, members(householdId), periods, RuralLowIncome.includes(HouseholdCategory.valueOf(household.category()),
                household.notEntitledToPolicy(), assisted));
    }

    /** Every member, those who left included (last), the head first. */
    List<HouseholdView.MemberView> members(UUID householdId) {
        return jdbc.sql("""
                        select id, name, id_number_masked, relationship, labour_capacity, status, joined_on, left_on, left_reason
                        from household_member where household_id = :id
                        order by status = 'ACTIVE' desc, relationship = '户主' desc, name, id""")
                .param("id", householdId)
                .query((rs, n) -> new HouseholdView.MemberView(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("id_number_masked"), rs.getString("relationship"), rs.getString("labour_capacity"),
                        rs.getString("status"), rs.getObject("joined_on", java.time.LocalDate.class),
                        rs.getObject("left_on", java.time.LocalDate.class), rs.getString("left_reason")))
                .list();
    }

    /**
     * A member's full ID number, for a caller whose role allows it, with a reason; the reveal is
     * audited (who, whose, why) in the same transaction, so no number is shown without its record.
     */
    @org.springframework.transaction.annotation.Transactional
    public String revealIdNumber(UUID householdId, UUID memberId, String actor, String reason, Jurisdiction jurisdiction) {
        find(householdId, jurisdiction);
        String idNumber = jdbc.sql("select id_number from household_member where id = :m and household_id = :h")
                .param("m", memberId).param("h", householdId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该成员。"));
        revealAudit.record(actor, "household_member", memberId.toString(), "id_number", reason);
        return idNumber;
    }

    /** A registered household as a roster compares it: its members with their full ID numbers, those who left too. */
    public record Roll(UUID householdId, String divisionCode, HouseholdCategory category, boolean notEntitledToPolicy,
                       List<RollMember> members) {
    }

    public record RollMember(UUID id, String idNumber, String name, String relationship, String labourCapacity,
                             boolean active) {
    }

    /** The households whose members living in them now hold any of these ID numbers. */
    public List<UUID> householdsOfActiveMembers(Collection<String> idNumbers) {
        return jdbc.sql("select distinct household_id from household_member where id_number in (:numbers) and status = 'ACTIVE'")
                .param("numbers", idNumbers).query(UUID.class).list();
    }

    /**
     * For each of these ID numbers held by a member living in a household now, that household (one
     * query, the numbers joined as a table, whatever their number).
     */
    public Map<String, UUID> householdsByActiveMember(Collection<String> idNumbers) {
        Map<String, UUID> households = new HashMap<>();
        if (idNumbers.isEmpty()) {
            return households;
        }
        jdbc.sql("""
                        select m.id_number, m.household_id
                        from unnest(cast(:numbers as varchar[])) as n(id_number)
                        join household_member m on m.id_number = n.id_number and m.status = 'ACTIVE'""")
                .param("numbers", idNumbers.stream().distinct().toArray(String[]::new))
                .query((RowCallbackHandler) rs -> households.put(rs.getString(1), rs.getObject(2, UUID.class)));
        return households;
    }

    /**
     * Where a member living in a household now belongs: the household and its division; the member's id
     * and keyed reference (never the ID number) for a fact published about them.
     */
    public record MemberHousehold(UUID householdId, String divisionCode, UUID personId, String personRef) {
    }

    /**
     * For each of these ID numbers held by a member living in a household now, that household and its
     * division, and the member's id and keyed reference (one query, the numbers joined as a table, whatever their number).
     */
    public Map<String, MemberHousehold> householdsWithDivisionByActiveMember(Collection<String> idNumbers) {
        Map<String, MemberHousehold> households = new HashMap<>();
        if (idNumbers.isEmpty()) {
            return households;
        }
        jdbc.sql("""
                        select m.id_number, m.household_id, h.division_code, m.id, m.person_ref
                        from unnest(cast(:numbers as varchar[])) as n(id_number)
                        join household_member m on m.id_number = n.id_number and m.status = 'ACTIVE'
                        join household h on h.id = m.household_id""")
                .param("numbers", idNumbers.stream().distinct().toArray(String[]::new))
                .query((RowCallbackHandler) rs -> households.put(rs.getString(1),
                        new MemberHousehold(rs.getObject(2, UUID.class), rs.getString(3),
                                rs.getObject(4, UUID.class), rs.getString(5).trim())));
        return households;
    }

    /**
     * The households' rolls as {@link #lockRoll} reads each, locked in id order (so two callers cannot
     * deadlock), in two statements whatever their number. A household not found is left out.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<UUID, Roll> lockRolls(Collection<UUID> householdIds) {
        Map<UUID, Roll> rolls = new HashMap<>();
        if (householdIds.isEmpty()) {
            return rolls;
        }
        String[] ids = householdIds.stream().distinct().map(UUID::toString).toArray(String[]::new);
        Map<UUID, List<RollMember>> members = new HashMap<>();
        jdbc.sql("""
                        select h.id, h.division_code, h.category, h.not_entitled_to_policy
                        from household h join unnest(cast(:ids as uuid[])) as k(id) on k.id = h.id
                        order by h.id for update of h""")
                .param("ids", ids)
                .query((RowCallbackHandler) rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    List<RollMember> list = new ArrayList<>();
                    members.put(id, list);
                    rolls.put(id, new Roll(id, rs.getString(2), HouseholdCategory.valueOf(rs.getString(3)),
                            rs.getBoolean(4), list));
                });
        jdbc.sql("""
                        select m.household_id, m.id, m.id_number, m.name, m.relationship, m.labour_capacity, m.status
                        from unnest(cast(:ids as uuid[])) as k(id) join household_member m on m.household_id = k.id
                        order by m.household_id, m.id""")
                .param("ids", ids)
                .query((RowCallbackHandler) rs -> {
                    List<RollMember> list = members.get(rs.getObject(1, UUID.class));
                    if (list != null) {
                        list.add(new RollMember(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), "ACTIVE".equals(rs.getString(7))));
                    }
                });
        return rolls;
    }

    /** The household's roll, locked for the caller's changes (one read of its members). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Roll lockRoll(UUID householdId) {
        record Row(String divisionCode, String category, boolean notEntitledToPolicy) {
        }
        Row row = jdbc.sql("select division_code, category, not_entitled_to_policy from household where id = :h for update")
                .param("h", householdId).query(Row.class).single();
        List<RollMember> members = jdbc.sql("""
                        select id, id_number, name, relationship, labour_capacity, status from household_member
                        where household_id = :h order by id""")
                .param("h", householdId)
                .query((rs, n) -> new RollMember(rs.getObject("id", UUID.class), rs.getString("id_number"),
                        rs.getString("name"), rs.getString("relationship"), rs.getString("labour_capacity"),
                        "ACTIVE".equals(rs.getString("status"))))
                .list();
        return new Roll(householdId, row.divisionCode(), HouseholdCategory.valueOf(row.category()), row.notEntitledToPolicy(),
                members);
    }

    /** The member living in the household now with this ID number. */
    public UUID activeMemberId(UUID householdId, String idNumber) {
        return jdbc.sql("select id from household_member where household_id = :h and id_number = :n and status = 'ACTIVE'")
                .param("h", householdId).param("n", idNumber).query(UUID.class).single();
    }

    /** Whether the household's risks are marked eliminated now; the household stays locked for the caller's change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean lockRiskEliminated(UUID householdId) {
        return jdbc.sql("select risk_eliminated_at is not null from household where id = :h for update")
                .param("h", householdId).query(Boolean.class).single();
    }

    /** The county confirmed the household's risks eliminated: it leaves the monitored population. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void riskEliminated(UUID householdId, Instant at) {
        jdbc.sql("update household set risk_eliminated_at = :at where id = :h")
                .param("at", Timestamp.from(at)).param("h", householdId).update();
    }

    /** The elimination was taken back: the household is monitored again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void riskEliminationRolledBack(UUID householdId) {
        jdbc.sql("update household set risk_eliminated_at = null where id = :h").param("h", householdId).update();
    }

    public long count() {
        return jdbc.sql("select count(*) from household").query(Long.class).single();
    }
}
