package fushun.socialassistance.household;

import fushun.contracts.monitoring.HouseholdRegistered;
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

    public record RosterMember(String name, String maskedIdNumber, String relationship, String labourCapacity) {
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
                            insert into roster_member (person_id, household_id, name, masked_id_number, relationship, labour_capacity)
                            values (:id, :household, :name, :masked, :relationship, :labour)
                            on conflict (person_id) do update set name = excluded.name, relationship = excluded.relationship,
                                labour_capacity = excluded.labour_capacity""")
                    .param("id", m.personId()).param("household", household.householdId()).param("name", m.name())
                    .param("masked", m.maskedIdNumber()).param("relationship", m.relationship())
                    .param("labour", m.labourCapacity())
                    .update();
        }
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
                        select name, masked_id_number, relationship, labour_capacity from roster_member
                        where household_id = :id order by relationship = '户主' desc, name""")
                .param("id", householdId)
                .query((rs, n) -> new RosterMember(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }
}
