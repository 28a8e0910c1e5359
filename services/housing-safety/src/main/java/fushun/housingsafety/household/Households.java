package fushun.housingsafety.household;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The households as this bureau needs them: where, which category, and whether civil affairs
 * assists them (dibao, 特困), and whether it is flagged 脱贫不享受政策户. Low-income (农村低收入群体,
 * {@link LowIncome}): their C and D houses are renovated with a subsidy, and the yearly screening covers them.
 */
@Service
public class Households {

    public record Household(UUID householdId, String divisionCode, HouseholdCategory category, String headName,
                            boolean assisted, boolean notEntitledToPolicy) {

        public boolean lowIncome() {
            return LowIncome.of(category, notEntitledToPolicy, assisted);
        }
    }

    private final JdbcClient jdbc;

    public Households(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onRegistered(HouseholdRegistered h) {
        jdbc.sql("""
                        insert into household (household_id, division_code, category, head_name, not_entitled_to_policy)
                        values (:h, :d, :c, :n, :notEntitled)
                        on conflict (household_id) do update set division_code = excluded.division_code,
                            category = excluded.category, head_name = excluded.head_name,
                            not_entitled_to_policy = excluded.not_entitled_to_policy, updated_at = now()""")
                .param("h", h.householdId()).param("d", h.divisionCode()).param("c", h.category().name())
                .param("n", h.headName()).param("notEntitled", h.notEntitledToPolicy()).update();
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
                        select household_id, division_code, category, head_name, assisted, not_entitled_to_policy from household
                        where household_id = :h and division_code like :scope""")
                .param("h", householdId).param("scope", jurisdiction.likePattern())
                .query((rs, n) -> new Household(rs.getObject(1, UUID.class), rs.getString(2),
                        HouseholdCategory.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6)))
                .optional().orElseThrow(() -> new NotFoundException("没有找到该农户，或农户信息尚未同步到住建系统。"));
    }
}
