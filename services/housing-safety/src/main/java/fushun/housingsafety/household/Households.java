package fushun.housingsafety.household;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.platform.alert.ReceivedAlerts;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.util.List;
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

    public Households(JdbcClient jdbc, ReceivedAlerts alerts) {
        this.jdbc = jdbc;
        this.alerts = alerts;
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
     * open work follows, so the new area's inspectors see it and the old area's get 404: open appraisal
     * tasks, renovations not completed, and the alerts they answer. Appraisals, completed renovations
     * and done tasks keep the division they were made in: they are what that area's inspectors did.
     * The dibao / 特困 mark is civil affairs' and stays.
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
        // the alerts first, while the open work still names them
        List<UUID> openWork = jdbc.sql("""
                        select alert_id from appraisal_task where household_id = :h and status = 'OPEN'
                        union
                        select alert_id from renovation where household_id = :h and status <> 'COMPLETED' and alert_id is not null""")
                .param("h", c.householdId()).query(UUID.class).list();
        alerts.householdMoved(c.householdId(), c.divisionCode(), openWork);
        jdbc.sql("""
                        update appraisal_task set division_code = :d
                        where household_id = :h and status = 'OPEN' and division_code <> :d""")
                .param("d", c.divisionCode()).param("h", c.householdId()).update();
        jdbc.sql("""
                        update renovation set division_code = :d
                        where household_id = :h and status <> 'COMPLETED' and division_code <> :d""")
                .param("d", c.divisionCode()).param("h", c.householdId()).update();
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
