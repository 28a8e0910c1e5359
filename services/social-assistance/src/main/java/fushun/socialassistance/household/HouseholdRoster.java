package fushun.socialassistance.household;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class HouseholdRoster {

    /** A household as civil affairs sees it; ID numbers masked. */
    public record RosterHousehold(String category, boolean notEntitledToPolicy, String headName, List<RosterMember> members) {
    }

    public record RosterMember(UUID personId, String name, String maskedIdNumber, String relationship, String labourCapacity) {
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

    public List<Person> persons(UUID householdId) {
        return jdbc.sql("select person_id, person_ref, name, labour_capacity from roster_member where household_id = :id order by person_id")
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

    private List<RosterMember> membersOf(UUID householdId) {
        return jdbc.sql("""
                        select person_id, name, masked_id_number, relationship, labour_capacity from roster_member
                        where household_id = :id order by relationship = '户主' desc, name""")
                .param("id", householdId)
                .query((rs, n) -> new RosterMember(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }
}
