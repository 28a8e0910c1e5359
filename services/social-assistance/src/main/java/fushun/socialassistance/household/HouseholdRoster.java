package fushun.socialassistance.household;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class HouseholdRoster {

    /** A household as civil affairs sees it; ID numbers masked. */
    public record RosterHousehold(String category, boolean notEntitledToPolicy, String headName, List<RosterMember> members) {
    }

    /** {@code status} LEFT with {@code leftOn} for a member who died or moved away: kept, for history. */
    public record RosterMember(UUID personId, String name, String maskedIdNumber, String relationship, String labourCapacity,
                               String status, java.time.LocalDate leftOn) {
    }

    /** A member as the benefit rules need them: who they are to other bureaus, and their recorded labour capacity. */
    public record Person(UUID personId, String personRef, String name, String labourCapacity) {
    }

    /** The household's division and category, for decisions that must be made within a jurisdiction. */
    public record Standing(UUID householdId, String divisionCode, HouseholdCategory category, boolean notEntitledToPolicy) {

        /**
         * 脱贫户, 脱贫不稳定户 and 边缘易致贫户 (同等政策, §2(1)1), unless flagged 脱贫不享受政策户: the
         * longer review period and 单人保 apply to them.
         */
        public boolean transitionPolicies() {
            return category.transitionPoliciesApply(notEntitledToPolicy);
        }
    }

    private final JdbcClient jdbc;

    public HouseholdRoster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onRegistered(HouseholdRegistered household) {
        jdbc.sql("""
                        insert into household_roster (household_id, division_code, category, not_entitled_to_policy, head_name)
                        values (:id, :division, :category, :notEntitled, :head)
                        on conflict (household_id) do update set division_code = excluded.division_code,
                            category = excluded.category, not_entitled_to_policy = excluded.not_entitled_to_policy,
                            head_name = excluded.head_name, updated_at = now()""")
                .param("id", household.householdId()).param("division", household.divisionCode())
                .param("category", household.category().name()).param("notEntitled", household.notEntitledToPolicy())
                .param("head", household.headName())
                .update();
        for (HouseholdRegistered.Member m : household.members()) {
            jdbc.sql("""
                            insert into roster_member (person_id, household_id, name, masked_id_number, relationship, labour_capacity,
                                                      person_ref)
                            values (:id, :household, :name, :masked, :relationship, :labour, :ref)
                            on conflict (person_id) do update set name = excluded.name, relationship = excluded.relationship,
                                labour_capacity = excluded.labour_capacity, person_ref = excluded.person_ref""")
                    .param("id", m.personId()).param("household", household.householdId()).param("name", m.name())
                    .param("masked", m.maskedIdNumber()).param("relationship", m.relationship())
                    .param("labour", m.labourCapacity()).param("ref", m.personRef())
                    .update();
        }
    }

    /** The county confirmed the household as monitored: its category from now on. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onMonitored(HouseholdMonitored monitored) {
        jdbc.sql("update household_roster set category = :category, updated_at = now() where household_id = :id")
                .param("category", monitored.category().name()).param("id", monitored.householdId())
                .update();
    }

    /**
     * The household, locked for the rest of the transaction so that decisions about it are made one
     * at a time; outside the caller's jurisdiction (or not registered yet) it is not found.
     */
    /** The household's standing, for events about it (no jurisdiction: the caller is the service itself). */
    public Standing standing(UUID householdId) {
        return jdbc.sql("""
                        select household_id, division_code, category, not_entitled_to_policy from household_roster
                        where household_id = :id""")
                .param("id", householdId)
                .query((rs, n) -> new Standing(rs.getObject(1, UUID.class), rs.getString(2),
                        HouseholdCategory.valueOf(rs.getString(3)), rs.getBoolean(4)))
                .single();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Standing lockInScope(UUID householdId, Jurisdiction jurisdiction) {
        return jdbc.sql("""
                        select household_id, division_code, category, not_entitled_to_policy from household_roster
                        where household_id = :id and division_code like :scope for update""")
                .param("id", householdId).param("scope", jurisdiction.likePattern())
                .query((rs, n) -> new Standing(rs.getObject(1, UUID.class), rs.getString(2),
                        HouseholdCategory.valueOf(rs.getString(3)), rs.getBoolean(4)))
                .optional()
                .orElseThrow(() -> new NotFoundException("没有找到该农户，或农户信息尚未同步到民政系统。"));
    }

    /**
     * A household changed in the registry: the roster takes its whole state (members who left
     * marked, not deleted) unless this revision or a later one was applied already. Returns what a
     * grant must react to: the members who left with this change, and the move, if any.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<HouseholdChanged> onChanged(HouseholdChanged changed) {
        Integer applied = jdbc.sql("select revision from household_roster where household_id = :id for update")
                .param("id", changed.householdId()).query(Integer.class).optional().orElse(null);
        if (applied != null && applied >= changed.revision()) {
            return Optional.empty();
        }
        jdbc.sql("""
                        insert into household_roster (household_id, division_code, category, not_entitled_to_policy, head_name, revision)
                        values (:id, :division, :category, :notEntitled, :head, :revision)
                        on conflict (household_id) do update set division_code = excluded.division_code,
                            category = excluded.category, not_entitled_to_policy = excluded.not_entitled_to_policy,
                            head_name = excluded.head_name, revision = excluded.revision, updated_at = now()""")
                .param("id", changed.householdId()).param("division", changed.divisionCode())
                .param("category", changed.category().name()).param("notEntitled", changed.notEntitledToPolicy())
                .param("head", changed.headName()).param("revision", changed.revision())
                .update();
        for (HouseholdChanged.Member m : changed.members()) {
            jdbc.sql("""
                            insert into roster_member (person_id, household_id, name, masked_id_number, relationship, labour_capacity,
                                                      person_ref, status, left_on, left_reason)
                            values (:id, :household, :name, :masked, :relationship, :labour, :ref, :status, :leftOn, :leftReason)
                            on conflict (person_id) do update set name = excluded.name, relationship = excluded.relationship,
                                labour_capacity = excluded.labour_capacity, person_ref = excluded.person_ref,
                                status = excluded.status, left_on = excluded.left_on, left_reason = excluded.left_reason""")
                    .param("id", m.personId()).param("household", changed.householdId()).param("name", m.name())
                    .param("masked", m.maskedIdNumber()).param("relationship", m.relationship())
                    .param("labour", m.labourCapacity()).param("ref", m.personRef()).param("status", m.status().name())
                    .param("leftOn", m.leftOn()).param("leftReason", m.leftReason() == null ? null : m.leftReason().name())
                    .update();
        }
        return Optional.of(changed);
    }

    /** The members still in the household, as the benefit rules need them. */
    public List<Person> persons(UUID householdId) {
        return jdbc.sql("""
                        select person_id, person_ref, name, labour_capacity from roster_member
                        where household_id = :id and status = 'ACTIVE' order by person_id""")
                .param("id", householdId)
                .query((rs, n) -> new Person(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Empty when the registration has not arrived yet (topics are not ordered against each other). */
    public Optional<RosterHousehold> find(UUID householdId) {
        return jdbc.sql("select category, not_entitled_to_policy, head_name from household_roster where household_id = :id")
                .param("id", householdId)
                .query((rs, n) -> new RosterHousehold(rs.getString(1), rs.getBoolean(2), rs.getString(3), membersOf(householdId)))
                .optional();
    }

    /** Every member ever registered with their keyed hash, those who left included (grants keep them). */
    public java.util.Map<UUID, String> personRefs(UUID householdId) {
        return jdbc.sql("select person_id, person_ref from roster_member where household_id = :id and person_ref is not null")
                .param("id", householdId)
                .query((rs, n) -> java.util.Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    /** The heads' names of the households registered here, in one query; a household not registered yet is absent. */
    public Map<UUID, String> headNames(Collection<UUID> householdIds) {
        Map<UUID, String> names = new HashMap<>();
        if (householdIds.isEmpty()) {
            return names;
        }
        jdbc.sql("select household_id, head_name from household_roster where household_id in (:ids)")
                .param("ids", List.copyOf(new HashSet<>(householdIds)))
                .query((RowCallbackHandler) rs -> names.put(rs.getObject(1, UUID.class), rs.getString(2)));
        return names;
    }

    private List<RosterMember> membersOf(UUID householdId) {
        return jdbc.sql("""
                        select person_id, name, masked_id_number, relationship, labour_capacity, status, left_on from roster_member
                        where household_id = :id order by status = 'ACTIVE' desc, relationship = '户主' desc, name""")
                .param("id", householdId)
                .query((rs, n) -> new RosterMember(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, java.time.LocalDate.class)))
                .list();
    }
}
