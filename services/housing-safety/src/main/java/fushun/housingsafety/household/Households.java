package fushun.housingsafety.household;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.platform.alert.ReceivedAlerts;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
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
 * The households as this bureau needs them: where, which category, and whether civil affairs
 * assists them (dibao, 特困), and whether it is flagged 脱贫不享受政策户 (recorded but not helped).
 * Low-income (农村低收入群体, {@link LowIncome}): their C and D houses are renovated with a subsidy, and
 * the yearly screening covers them.
 */
@Service
public class Households {

    private static final Logger log = LoggerFactory.getLogger(Households.class);

    public record Household(UUID householdId, String divisionCode, HouseholdCategory category, String headName,
                            boolean assisted, boolean notEntitledToPolicy) {

        public boolean lowIncome() {
            return LowIncome.of(category, notEntitledToPolicy, assisted);
        }
    }

    private final JdbcClient jdbc;
    private final ReceivedAlerts alerts;
    private final List<OpenWork> openWork;

    public Households(JdbcClient jdbc, ReceivedAlerts alerts, List<OpenWork> openWork) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.openWork = openWork;
    }

    /**
     * A household entered the registry. Once a change of it was applied (revision above 0) the
     * registration is older news and changes nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onRegistered(HouseholdRegistered h) {
        jdbc.sql("""
                        insert into household (household_id, division_code, category, head_name, not_entitled_to_policy)
                        values (:h, :d, :c, :n, :notEntitled)
                        on conflict (household_id) do update set division_code = excluded.division_code,
                            category = excluded.category, head_name = excluded.head_name,
                            not_entitled_to_policy = excluded.not_entitled_to_policy, updated_at = now()
                        where household.revision = 0""")
                .param("h", h.householdId()).param("d", h.divisionCode()).param("c", h.category().name())
                .param("n", h.headName()).param("notEntitled", h.notEntitledToPolicy()).update();
    }

    /**
     * A change recorded in the registry (动态调整), applied only if its revision is newer than the
     * household's last: division, category, head and the 脱贫不享受政策户 flag are replaced (the inputs
     * of {@link Household#lowIncome()}), a household not seen yet is created from it. After a move the
     * open work follows ({@link OpenWork}: open appraisal tasks, renovations not completed), so the new
     * area's inspectors see it and the old area's get 404, and the alerts it answers go with it. What
     * is done keeps the division it was done in. The dibao / 特困 mark is civil affairs' and stays.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onChanged(HouseholdChanged c) {
        int newer = jdbc.sql("""
                        insert into household (household_id, division_code, category, head_name, not_entitled_to_policy,
                                               revision)
                        values (:h, :d, :c, :n, :notEntitled, :revision)
                        on conflict (household_id) do update set division_code = excluded.division_code,
                            category = excluded.category, head_name = excluded.head_name,
                            not_entitled_to_policy = excluded.not_entitled_to_policy, revision = excluded.revision,
                            updated_at = now()
                        where household.revision < excluded.revision""")
                .param("h", c.householdId()).param("d", c.divisionCode()).param("c", c.category().name())
                .param("n", c.headName()).param("notEntitled", c.notEntitledToPolicy()).param("revision", c.revision())
                .update();
        if (newer == 0) {
            log.info("Household {} revision {} already applied or older; skipped", c.householdId(), c.revision());
            return;
        }
        // the open work moves, and the alerts it answers go with it
        Set<UUID> answered = new LinkedHashSet<>();
        for (OpenWork work : openWork) {
            answered.addAll(work.follow(c.householdId(), c.divisionCode()));
        }
        alerts.householdMoved(c.householdId(), c.divisionCode(), answered);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onMonitored(HouseholdMonitored m) {
        jdbc.sql("update household set category = :c, updated_at = now() where household_id = :h")
                .param("c", m.category().name()).param("h", m.householdId()).update();
    }

    /** Dibao or 特困 granted: assisted; a stop leaves the household low-income by its category only. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onAssistanceStatus(AssistanceStatusChanged change) {
        if (change.programme() == AssistanceStatusChanged.Programme.TEMPORARY_AID) {
            return;
        }
        jdbc.sql("update household set assisted = :a, updated_at = now() where household_id = :h")
                .param("a", change.status() == AssistanceStatusChanged.Status.GRANTED).param("h", change.householdId())
                .update();
    }

    /**
     * Locks the household's row for the rest of the transaction: an alert's task and an appraisal of
     * the same household take turns here.
     */
    public void lock(UUID householdId) {
        jdbc.sql("select 1 from household where household_id = :h for update").param("h", householdId)
                .query((rs, n) -> 1).list();
    }

    /** The household within the caller's division; not registered yet or elsewhere: not found. */
    public Household find(UUID householdId, Jurisdiction jurisdiction) {
        return jdbc.sql("""
                        select household_id, division_code, category, head_name, assisted, not_entitled_to_policy
                        from household where household_id = :h and division_code like :scope""")
                .param("h", householdId).param("scope", jurisdiction.likePattern())
                .query((rs, n) -> new Household(rs.getObject(1, UUID.class), rs.getString(2),
                        HouseholdCategory.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6)))
                .optional().orElseThrow(() -> new NotFoundException("没有找到该农户，或农户信息尚未同步到住建系统。"));
    }
}
