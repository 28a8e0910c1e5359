package fushun.medicalinsurance.insured;

import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.medicalinsurance.settlement.SettlementFeed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the insured households and persons, and re-evaluates settlements that were waiting for them. */
@Service
public class InsuredRoster {

    private final JdbcClient jdbc;
    private final SettlementFeed settlements;

    public InsuredRoster(JdbcClient jdbc, SettlementFeed settlements) {
        this.jdbc = jdbc;
        this.settlements = settlements;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onRegistered(HouseholdRegistered household) {
        settlements.lockPersons(household.members().stream().map(HouseholdRegistered.Member::personRef).toList());
        jdbc.sql("""
                        insert into insured_household (household_id, division_code, category, not_entitled_to_policy)
                        values (:id, :division, :category, :notEntitled)
                        on conflict (household_id) do update set division_code = excluded.division_code,
                            category = excluded.category, not_entitled_to_policy = excluded.not_entitled_to_policy,
                            updated_at = now()""")
                .param("id", household.householdId()).param("division", household.divisionCode())
                .param("category", household.category().name()).param("notEntitled", household.notEntitledToPolicy())
                .update();
        for (HouseholdRegistered.Member member : household.members()) {
            jdbc.sql("""
                            insert into insured_person (person_ref, person_id, household_id, masked_id_number)
                            values (:ref, :person, :household, :masked)
                            on conflict (person_ref) do update set household_id = excluded.household_id""")
                    .param("ref", member.personRef()).param("person", member.personId())
                    .param("household", household.householdId()).param("masked", member.maskedIdNumber())
                    .update();
        }
        settlements.evaluateAllYears(household.householdId());
    }

    /** The county confirmed the household as monitored: its category from now on (thresholds, subsidies). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onMonitored(HouseholdMonitored monitored) {
        jdbc.sql("update insured_household set category = :category, updated_at = now() where household_id = :h")
                .param("category", monitored.category().name()).param("h", monitored.householdId()).update();
    }
}
