package fushun.assetmanagement.income;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The villages' households as monitoring's registry events tell them (who is monitored, who is out
 * of poverty, who is 脱贫不享受政策户), for drawing up and checking the distribution plans.
 */
@Service
public class VillageHouseholds {

    private static final Logger log = LoggerFactory.getLogger(VillageHouseholds.class);

    private final JdbcClient jdbc;

    public VillageHouseholds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A household entered the registry. Once a change of it was applied (revision above 0) the
     * registration is older news and changes nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onRegistered(HouseholdRegistered h) {
        jdbc.sql("""
                        insert into village_household (household_id, division_code, category, head_name,
                                                       not_entitled_to_policy)
                        values (:h, :d, :c, :n, :notEntitled)
                        on conflict (household_id) do update set division_code = excluded.division_code,
                            category = excluded.category, head_name = excluded.head_name,
                            not_entitled_to_policy = excluded.not_entitled_to_policy
                        where village_household.revision = 0""")
                .param("h", h.householdId()).param("d", h.divisionCode()).param("c", h.category().name())
                .param("n", h.headName()).param("notEntitled", h.notEntitledToPolicy()).update();
    }

    /**
     * A change recorded in the registry (动态调整), applied only if its revision is newer than the
     * household's last: village, category, head and the 脱贫不享受政策户 flag are replaced, a household
     * not seen yet is created from it. A household that moved is in its new village's list and no
     * longer in the old one's, so the old village's next plan neither must nor may serve it. Plans are
     * written only when confirmed, and a confirmed plan keeps its lines: the share was paid where the
     * household lived then. Received alerts keep their division too: this bureau has no work on them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onChanged(HouseholdChanged c) {
        int newer = jdbc.sql("""
                        insert into village_household (household_id, division_code, category, head_name,
                                                       not_entitled_to_policy, revision)
                        values (:h, :d, :c, :n, :notEntitled, :revision)
                        on conflict (household_id) do update set division_code = excluded.division_code,
                            category = excluded.category, head_name = excluded.head_name,
                            not_entitled_to_policy = excluded.not_entitled_to_policy, revision = excluded.revision
                        where village_household.revision < excluded.revision""")
                .param("h", c.householdId()).param("d", c.divisionCode()).param("c", c.category().name())
                .param("n", c.headName()).param("notEntitled", c.notEntitledToPolicy()).param("revision", c.revision())
                .update();
        if (newer == 0) {
            log.info("Household {} revision {} already applied or older; skipped", c.householdId(), c.revision());
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onMonitored(HouseholdMonitored m) {
        jdbc.sql("update village_household set category = :c, eliminated = false where household_id = :h")
                .param("c", m.category().name()).param("h", m.householdId()).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onEliminated(UUID householdId, boolean eliminated) {
        jdbc.sql("update village_household set eliminated = :e where household_id = :h")
                .param("e", eliminated).param("h", householdId).update();
    }

    /** A village's household that a plan can serve: monitored ones must be served, out-of-poverty ones may be. */
    public record VillageHousehold(UUID householdId, String headName, String category, boolean monitored) {
    }

    /** The village's households a plan can serve, by the head's name. */
    public Page<VillageHousehold> households(String village, Jurisdiction jurisdiction, int page, int size) {
        if (!jurisdiction.covers(village)) {
            throw new NotFoundException("该村不在您的管辖范围内。");
        }
        String servable = """
                 from village_household
                where division_code = :v and category <> 'ORDINARY' and not eliminated and not not_entitled_to_policy""";
        long total = jdbc.sql("select count(*)" + servable).param("v", village).query(Long.class).single();
        List<VillageHousehold> items = jdbc.sql("select household_id, head_name, category" + servable
                        + " order by head_name, household_id limit :size offset :offset")
                .param("v", village).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new VillageHousehold(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        HouseholdCategory.valueOf(rs.getString(3)).isMonitoringCategory()))
                .list();
        return new Page<>(items, page, size, total);
    }

    /** The village's households as the plan's rules see them, by id. */
    Map<UUID, ShareRule.Standing> standings(String village) {
        Map<UUID, ShareRule.Standing> households = new HashMap<>();
        jdbc.sql("select household_id, category, not_entitled_to_policy, eliminated from village_household where division_code = :v")
                .param("v", village)
                .query((RowCallbackHandler) rs -> households.put(rs.getObject(1, UUID.class), new ShareRule.Standing(
                        HouseholdCategory.valueOf(rs.getString(2)), rs.getBoolean(3), rs.getBoolean(4))));
        return households;
    }
}
