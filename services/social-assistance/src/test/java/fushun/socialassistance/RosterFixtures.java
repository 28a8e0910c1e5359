package fushun.socialassistance;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A one-person household of a village as its registration would have left it in this service's roster. */
final class RosterFixtures {

    private RosterFixtures() {
    }

    static UUID registered(JdbcClient jdbc, String village, UUID person, String labourCapacity) {
        UUID household = UUID.randomUUID();
        jdbc.sql("""
                insert into household_roster (household_id, division_code, category, not_entitled_to_policy, head_name)
                values (:h, :v, 'MARGINAL', false, '测试户主')""").param("h", household).param("v", village).update();
        jdbc.sql("""
                insert into roster_member (person_id, household_id, name, masked_id_number, relationship, labour_capacity,
                                           person_ref)
                values (:p, :h, '测试户主', '2104**********0000', '户主', :labour, :ref)""")
                .param("p", person).param("h", household).param("labour", labourCapacity)
                .param("ref", "f".repeat(64)).update();
        return household;
    }
}
