package fushun.medicalinsurance.insured;

import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.medicalinsurance.settlement.MonthlyPayments;
import fushun.medicalinsurance.settlement.SelfPaySignal;
import fushun.medicalinsurance.settlement.SettlementFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the insured households and persons, and re-evaluates settlements that were waiting for them. */
@Service
public class InsuredRoster {

    private static final Logger log = LoggerFactory.getLogger(InsuredRoster.class);

    private final JdbcClient jdbc;
    private final SettlementFeed settlements;
    private final SelfPaySignal selfPay;
    private final MonthlyPayments monthlyPayments;

    public InsuredRoster(JdbcClient jdbc, SettlementFeed settlements, SelfPaySignal selfPay,
                         MonthlyPayments monthlyPayments) {
        this.jdbc = jdbc;
        this.settlements = settlements;
        this.selfPay = selfPay;
        this.monthlyPayments = monthlyPayments;
    }

    /**
     * A household entered the registry. Once a change of it was applied (revision above 0) the
     * registration is older news and changes nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onRegistered(HouseholdRegistered household) {
        settlements.lockPersons(household.members().stream().map(HouseholdRegistered.Member::personRef).toList());
        int current = jdbc.sql("""
                        insert into insured_household (household_id, division_code, category, not_entitled_to_policy)
                        values (:id, :division, :category, :notEntitled)
                        on conflict (household_id) do update set division_code = excluded.division_code,
                            category = excluded.category, not_entitled_to_policy = excluded.not_entitled_to_policy,
                            updated_at = now()
                        where insured_household.revision = 0""")
                .param("id", household.householdId()).param("division", household.divisionCode())
                .param("category", household.category().name()).param("notEntitled", household.notEntitledToPolicy())
                .update();
        if (current == 0) {
            return;
        }
        for (HouseholdRegistered.Member member : household.members()) {
            jdbc.sql("""
                            insert into insured_person (person_ref, person_id, household_id, masked_id_number)
                            values (:ref, :person, :household, :masked)
                            on conflict (person_ref) do update set household_id = excluded.household_id""")
                    .param("ref", member.personRef()).param("person", member.personId())
                    .param("household", household.householdId()).param("masked", member.maskedIdNumber())
                    .update();
        }
        selfPay.evaluateAllYears(household.householdId());
        // settlements that came before the registration count now: their months' totals change
        monthlyPayments.markDueForPersons(java.util.List.of(household.divisionCode().substring(0, 6)), household.members().stream().map(HouseholdRegistered.Member::personRef).toList());
    }

    /**
     * A change recorded in the registry (动态调整), applied only if its revision is newer than the
     * household's last. The event carries the whole household: division, category and the
     * 脱贫不享受政策户 flag are replaced, a household not seen yet is created from it, and its members
     * become insured persons a settlement can match by person ref (settlements that came first are
     * counted now). A member who left stays with their settlements, marked LEFT with the day: from
     * the day after, their new settlements are not the household's ({@link HouseholdCover}).
     * Settlements already settled are not settled again (as for late settlements). After a move the
     * household's year-to-date and roster answer to the new area; settlements keep the insured
     * county they were reported with, and cover bases (dibao, 特困, the alert's tilt) carry no
     * division, so nothing else moves.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onChanged(HouseholdChanged changed) {
        settlements.lockPersons(changed.members().stream().map(HouseholdChanged.Member::personRef).toList());
        int newer = jdbc.sql("""
                        insert into insured_household (household_id, division_code, category, not_entitled_to_policy,
                                                       revision)
                        values (:id, :division, :category, :notEntitled, :revision)
                        on conflict (household_id) do update set division_code = excluded.division_code,
                            category = excluded.category, not_entitled_to_policy = excluded.not_entitled_to_policy,
                            revision = excluded.revision, updated_at = now()
                        where insured_household.revision < excluded.revision""")
                .param("id", changed.householdId()).param("division", changed.divisionCode())
                .param("category", changed.category().name()).param("notEntitled", changed.notEntitledToPolicy())
                .param("revision", changed.revision())
                .update();
        if (newer == 0) {
            log.info("Household {} revision {} already applied or older; skipped", changed.householdId(),
                    changed.revision());
            return;
        }
        for (HouseholdChanged.Member member : changed.members()) {
            boolean left = !member.active();
            // a member who left may already be insured in another household: only this household's row is marked
            jdbc.sql("""
                            insert into insured_person (person_ref, person_id, household_id, masked_id_number,
                                                        member_status, left_on, left_reason)
                            values (:ref, :person, :household, :masked, :status, :leftOn, :leftReason)
                            on conflict (person_ref) do update set household_id = excluded.household_id,
                                member_status = excluded.member_status, left_on = excluded.left_on,
                                left_reason = excluded.left_reason
                            where not :left or insured_person.household_id = excluded.household_id""")
                    .param("ref", member.personRef()).param("person", member.personId())
                    .param("household", changed.householdId()).param("masked", member.maskedIdNumber())
                    .param("status", left ? "LEFT" : "ACTIVE")
                    .param("leftOn", left ? (member.leftOn() != null ? member.leftOn() : changed.effectiveOn()) : null)
                    .param("leftReason", left && member.leftReason() != null ? member.leftReason().name() : null)
                    .param("left", left)
                    .update();
        }
        selfPay.evaluateAllYears(changed.householdId());
        // members who joined now count, members who left count up to the day they left
        // after a move, the premium subsidies of both counties change
        monthlyPayments.markDueForPersons(java.util.stream.Stream.of(changed.divisionCode(), changed.previousDivisionCode())
                .filter(java.util.Objects::nonNull).map(d -> d.substring(0, 6)).distinct().toList(), changed.members().stream().map(HouseholdChanged.Member::personRef).toList());
    }

    /** The county confirmed the household as monitored: its category from now on (thresholds, subsidies). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onMonitored(HouseholdMonitored monitored) {
        jdbc.sql("update insured_household set category = :category, updated_at = now() where household_id = :h")
                .param("category", monitored.category().name()).param("h", monitored.householdId()).update();
    }
}
