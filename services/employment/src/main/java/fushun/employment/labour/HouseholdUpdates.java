package fushun.employment.labour;

import fushun.contracts.monitoring.DisabilityRegistered;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.employment.posts.PostHires;
import fushun.employment.totals.EmploymentTotals;
import fushun.platform.PlatformTime;
import fushun.platform.alert.ReceivedAlerts;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What monitoring's registry and civil affairs tell this bureau about households and their people,
 * applied to this feature's tables: members and their household (a move and a member who left
 * included), the household's category and the years it was a monitoring object, who is assisted
 * (dibao, 特困). Each message is applied once, in the listener's transaction. Each of them may change
 * who is on a pension roster, so the counties' rosters are counted again for the monthly totals before
 * that transaction commits ({@link EmploymentTotals}: published only if the figures changed).
 */
@Service
public class HouseholdUpdates {

    private static final Logger log = LoggerFactory.getLogger(HouseholdUpdates.class);

    private final JdbcClient jdbc;
    private final ReceivedAlerts alerts;
    private final PostHires posts;
    private final EmploymentTotals totals;

    public HouseholdUpdates(JdbcClient jdbc, ReceivedAlerts alerts, PostHires posts, EmploymentTotals totals) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.posts = posts;
        this.totals = totals;
    }

    /** The divisions the household's people are recorded in (one, unless a move is being applied). */
    private List<String> divisionsOf(UUID householdId) {
        return jdbc.sql("select distinct division_code from person where household_id = :h")
                .param("h", householdId).query(String.class).list();
    }

    /**
     * A household entered the registry. A household registered straight into a monitoring category
     * (边缘易致贫户 and the others) is a monitoring object from its registration day, as one the county
     * confirmed later is from that day. Once a change of it was applied (revision above 0) the
     * registration is older news and changes nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onRegistered(HouseholdRegistered h, LocalDate registeredOn) {
        int current = jdbc.sql("""
                        insert into household_category (household_id, category, not_entitled_to_policy, monitored_from)
                        values (:h, :c, :notEntitled, :from)
                        on conflict (household_id) do update set category = excluded.category,
                            not_entitled_to_policy = excluded.not_entitled_to_policy,
                            monitored_from = least(household_category.monitored_from, excluded.monitored_from)
                        where household_category.revision = 0""")
                .param("h", h.householdId()).param("c", h.category().name()).param("notEntitled", h.notEntitledToPolicy())
                .param("from", h.category().isMonitoringCategory() ? registeredOn : null).update();
        if (current == 0) {
            return;
        }
        for (HouseholdRegistered.Member m : h.members()) {
            jdbc.sql("""
                            insert into person (person_id, household_id, division_code, person_ref, name, masked_id_number,
                                                labour_capacity, birth_year)
                            values (:p, :h, :d, :ref, :name, :masked, :capacity, :birthYear)
                            on conflict (person_id) do update set household_id = excluded.household_id,
                                division_code = excluded.division_code, name = excluded.name,
                                labour_capacity = excluded.labour_capacity,
                                birth_year = coalesce(excluded.birth_year, person.birth_year), updated_at = now()""")
                    .param("p", m.personId()).param("h", h.householdId()).param("d", h.divisionCode())
                    .param("ref", m.personRef()).param("name", m.name()).param("masked", m.maskedIdNumber())
                    .param("capacity", m.labourCapacity()).param("birthYear", m.birthYear()).update();
        }
        totals.rostersMayHaveChanged(List.of(h.divisionCode()), registeredOn);
    }

    /**
     * A change recorded in the registry (动态调整), applied only if its revision is newer than the
     * household's last: the event carries the whole household, so its members replace ours (a
     * household not seen yet is created from it), with their year of birth like registered members (so
     * the pension age works for a newborn or someone who married in), and the 脱贫不享受政策户 flag. A member who left stays, marked LEFT with the day,
     * and is no longer a labourer: not suggested, not hired, off the pension roster from the month
     * after, and their post is exited (the seat freed, paid months kept). Every row of the household
     * follows a move, so the new area's officers see its people and the old area's no longer do;
     * received alerts follow too (this service has no closed state for them: they are the household's
     * work from now on). Posts stay where they are: a post belongs to its village, and a holder who
     * moved away is exited by the officer who runs the post.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onChanged(HouseholdChanged c) {
        // monitored_from only for a household not seen yet in a monitoring category (as a registration
        // would): otherwise the county's confirmation (HouseholdMonitored) and elimination keep it
        int newer = jdbc.sql("""
                        insert into household_category (household_id, category, not_entitled_to_policy, monitored_from,
                                                        revision)
                        values (:h, :c, :notEntitled, :from, :r)
                        on conflict (household_id) do update set category = excluded.category,
                            not_entitled_to_policy = excluded.not_entitled_to_policy, revision = excluded.revision
                        where household_category.revision < excluded.revision""")
                .param("h", c.householdId()).param("c", c.category().name()).param("notEntitled", c.notEntitledToPolicy())
                .param("from", c.category().isMonitoringCategory() ? c.effectiveOn() : null)
                .param("r", c.revision()).update();
        if (newer == 0) {
            log.info("Household {} revision {} already applied or older; skipped", c.householdId(), c.revision());
            return;
        }
        // the county it leaves counts its roster again as well as the one it comes to
        Set<String> divisions = new LinkedHashSet<>(divisionsOf(c.householdId()));
        divisions.add(c.divisionCode());
        for (HouseholdChanged.Member m : c.members()) {
            boolean left = !m.active();
            // a member who left may already belong to another household: only this household's row is marked
            jdbc.sql("""
                            insert into person (person_id, household_id, division_code, person_ref, name, masked_id_number,
                                                labour_capacity, birth_year, member_status, left_on, left_reason)
                            values (:p, :h, :d, :ref, :name, :masked, :capacity, :birthYear, :status, :leftOn, :leftReason)
                            on conflict (person_id) do update set household_id = excluded.household_id,
                                division_code = excluded.division_code, person_ref = excluded.person_ref,
                                name = excluded.name, masked_id_number = excluded.masked_id_number,
                                labour_capacity = excluded.labour_capacity,
                                birth_year = coalesce(excluded.birth_year, person.birth_year),
                                member_status = excluded.member_status,
                                left_on = excluded.left_on, left_reason = excluded.left_reason, updated_at = now()
                            where not :left or person.household_id = excluded.household_id""")
                    .param("p", m.personId()).param("h", c.householdId()).param("d", c.divisionCode())
                    .param("ref", m.personRef()).param("name", m.name()).param("masked", m.maskedIdNumber())
                    .param("capacity", m.labourCapacity()).param("birthYear", m.birthYear())
                    .param("status", left ? "LEFT" : "ACTIVE")
                    .param("leftOn", left ? leftOn(m, c) : null)
                    .param("leftReason", left && m.leftReason() != null ? m.leftReason().name() : null)
                    .param("left", left).update();
            if (left) {
                posts.exitOnLeaving(m.personId(), c.householdId(), leftOn(m, c),
                        "成员离户（" + (m.leftReason() == null ? "离户" : m.leftReason().label()) + "），自动退岗");
            }
        }
        // every row of the household moves, those of members who left included: they are its history
        jdbc.sql("update person set division_code = :d, updated_at = now() where household_id = :h and division_code <> :d")
                .param("d", c.divisionCode()).param("h", c.householdId()).update();
        alerts.householdMoved(c.householdId(), c.divisionCode());
        totals.rostersMayHaveChanged(divisions, c.effectiveOn());
    }

    /** A member listed as LEFT without a day left on the day of the change (the contract gives both). */
    private static LocalDate leftOn(HouseholdChanged.Member m, HouseholdChanged c) {
        return m.leftOn() != null ? m.leftOn() : c.effectiveOn();
    }

    /** The county confirmed the household as a monitoring object (the platform's 返贫致贫 population), from that day. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onMonitored(HouseholdMonitored m) {
        LocalDate from = LocalDate.ofInstant(m.confirmedAt(), PlatformTime.CHINA);
        jdbc.sql("""
                        insert into household_category (household_id, category, monitored_from) values (:h, :c, :from)
                        on conflict (household_id) do update set category = excluded.category,
                            monitored_from = least(household_category.monitored_from, excluded.monitored_from),
                            monitored_to = null""")
                .param("h", m.householdId()).param("c", m.category().name()).param("from", from).update();
        totals.rostersMayHaveChanged(divisionsOf(m.householdId()), from);
    }

    /** Risk eliminated: monitored until that day; a rollback (null) makes it monitored again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onMonitoringEnded(UUID householdId, LocalDate to) {
        jdbc.sql("update household_category set monitored_to = :to where household_id = :h and monitored_from is not null")
                .param("to", to).param("h", householdId).update();
        totals.rostersMayHaveChanged(divisionsOf(householdId), to);
    }

    /**
     * 残联's register showed the person severely disabled (重度残疾) on the register's date: from that
     * day's year on they are on the pension roster. The earliest such date is kept, so the same fact
     * again changes nothing, and an older register moves the date back (every year since is counted again). A fact that the person is
     * not severely disabled is not acted on: monitoring publishes severe findings only, and a register
     * that no longer lists a person does not take back a year already listed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onDisabilityRegistered(DisabilityRegistered d) {
        if (!d.severe()) {
            log.info("Person {} registered not severely disabled; nothing to apply", d.personId());
            return;
        }
        int changed = jdbc.sql("""
                        insert into severe_disability (person_id, household_id, person_ref, severe_from)
                        values (:p, :h, :ref, :from)
                        on conflict (person_id) do update set severe_from = excluded.severe_from,
                            household_id = excluded.household_id, recorded_at = now()
                        where severe_disability.severe_from > excluded.severe_from""")
                .param("p", d.personId()).param("h", d.householdId()).param("ref", d.personRef())
                .param("from", d.registeredOn()).update();
        if (changed > 0) {
            totals.rostersMayHaveChanged(divisionsOf(d.householdId()), d.registeredOn());
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onAssistanceStatus(AssistanceStatusChanged change) {
        if (change.programme() == AssistanceStatusChanged.Programme.TEMPORARY_AID) {
            return;
        }
        for (AssistanceStatusChanged.Person p : change.persons()) {
            if (p.personRef() == null) {
                continue;
            }
            if (change.status() == AssistanceStatusChanged.Status.GRANTED) {
                jdbc.sql("""
                                insert into assisted_person (id, person_ref, programme, valid_from)
                                values (:id, :ref, :programme, :from)""")
                        .param("id", UUID.randomUUID()).param("ref", p.personRef())
                        .param("programme", change.programme().name()).param("from", change.effectiveFrom()).update();
            } else if (change.status() == AssistanceStatusChanged.Status.STOPPED) {
                jdbc.sql("""
                                update assisted_person set valid_to = greatest(valid_from, :to)
                                where person_ref = :ref and programme = :programme and valid_to is null""")
                        .param("to", change.effectiveFrom()).param("ref", p.personRef())
                        .param("programme", change.programme().name()).update();
            }
        }
        if (change.status() != AssistanceStatusChanged.Status.GRANTED
                && change.status() != AssistanceStatusChanged.Status.STOPPED) {
            return; // a payment changes nobody's standing
        }
        // the counties of the people as civil affairs and as this bureau record them (a move may be on its way)
        Set<String> divisions = new LinkedHashSet<>();
        if (change.divisionCode() != null) {
            divisions.add(change.divisionCode());
        }
        if (change.householdId() != null) {
            divisions.addAll(divisionsOf(change.householdId()));
        }
        List<UUID> personIds = change.persons().stream().map(AssistanceStatusChanged.Person::personId)
                .filter(java.util.Objects::nonNull).toList();
        if (!personIds.isEmpty()) {
            divisions.addAll(jdbc.sql("select distinct division_code from person where person_id in (:ids)")
                    .param("ids", personIds).query(String.class).list());
        }
        totals.rostersMayHaveChanged(divisions, change.effectiveFrom());
    }
}
