package fushun.assetmanagement.income;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.Topics;
import fushun.contracts.assetmanagement.AssetIncomeDistributed;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.platform.PlatformTime;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import fushun.platform.web.RuleViolationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Income of operating assets per year, and each village's distribution plan (收益分配方案): it must
 * serve every monitored household of the village (监测人口防止返贫), may serve out-of-poverty households
 * (稳定脱贫), running and maintenance (运行管护) and village public welfare (村级公益), and its lines must
 * add up to the village's income for the year exactly. 脱贫不享受政策户 get no share ({@link ShareRule}).
 * Confirmed once; each household's share is then published to monitoring.
 */
@Service
public class AssetIncome {

    private static final Logger log = LoggerFactory.getLogger(AssetIncome.class);

    public enum Purpose { MONITORED_HOUSEHOLD, OUT_OF_POVERTY_HOUSEHOLD, MAINTENANCE, VILLAGE_PUBLIC_WELFARE }

    public record Line(Purpose purpose, UUID householdId, BigDecimal amount) {
    }

    public record Plan(UUID id, String village, int year, BigDecimal totalIncome, List<Line> lines, String confirmedBy,
                       LocalDate confirmedOn) {
    }

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final Clock clock;

    public AssetIncome(JdbcClient jdbc, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
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

    /** A year's income of an operating asset, once, and not after the village's plan for that year. */
    @Transactional
    public void record(UUID assetId, int year, BigDecimal amount, String by, Jurisdiction jurisdiction) {
        record Owned(String assetType, String divisionCode) {
        }
        Owned asset = jdbc.sql("select asset_type, division_code from asset where id = :a and division_code like :scope")
                .param("a", assetId).param("scope", jurisdiction.likePattern()).query(Owned.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该资产。"));
        lockPlan(asset.divisionCode(), year);
        if (jdbc.sql("select count(*) from distribution_plan where village = :v and year = :y").param("v", asset.divisionCode())
                .param("y", year).query(Long.class).single() > 0) {
            throw new RuleViolationException("方案已确认", "该村 " + year + " 年的收益分配方案已经确认，不能再登记收益。");
        }
        String type = asset.assetType();
        if (!type.equals("OPERATING")) {
            throw new RuleViolationException("非经营性资产", "只有经营性资产登记年度收益。");
        }
        if (year > PlatformTime.today(clock).getYear()) {
            throw new RuleViolationException("年份未到", "不能登记未来年度的收益。");
        }
        int inserted = jdbc.sql("""
                        insert into asset_income (asset_id, year, amount, recorded_by) values (:a, :y, :amount, :by)
                        on conflict do nothing""")
                .param("a", assetId).param("y", year).param("amount", amount).param("by", by).update();
        if (inserted == 0) {
            throw new RuleViolationException("收益已登记", year + " 年收益已经登记。");
        }
    }

    private void lockPlan(String village, int year) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:k))").param("k", "plan:" + village + ":" + year)
                .query((rs, n) -> 1).list();
    }

    /** The village's income of the year: all its operating assets' income. */
    public BigDecimal incomeOf(String village, int year) {
        return jdbc.sql("""
                        select coalesce(sum(i.amount), 0) from asset_income i join asset a on a.id = i.asset_id
                        where a.division_code = :v and i.year = :y and a.asset_type = 'OPERATING'""")
                .param("v", village).param("y", year).query(BigDecimal.class).single();
    }

    /** Checks and confirms the plan; each household's share goes to monitoring as a measure. */
    @Transactional
    public Plan confirm(String village, int year, List<Line> lines, String by, Jurisdiction jurisdiction) {
        if (!jurisdiction.covers(village)) {
            throw new NotFoundException("该村不在您的管辖范围内。");
        }
        // one plan per village and year, and no income recorded meanwhile: both take this lock
        lockPlan(village, year);
        if (jdbc.sql("select count(*) from distribution_plan where village = :v and year = :y").param("v", village)
                .param("y", year).query(Long.class).single() > 0) {
            throw new RuleViolationException("方案已确认", village + " " + year + " 年的收益分配方案已经确认。");
        }
        BigDecimal income = incomeOf(village, year);
        if (income.signum() == 0) {
            throw new RuleViolationException("没有收益", "该村 " + year + " 年没有登记经营性资产收益。");
        }
        Map<UUID, ShareRule.Standing> households = new HashMap<>();
        jdbc.sql("select household_id, category, not_entitled_to_policy, eliminated from village_household where division_code = :v")
                .param("v", village)
                .query((RowCallbackHandler) rs -> households.put(rs.getObject(1, UUID.class), new ShareRule.Standing(
                        HouseholdCategory.valueOf(rs.getString(2)), rs.getBoolean(3), rs.getBoolean(4))));
        Set<UUID> monitored = households.entrySet().stream().filter(h -> ShareRule.mustBeServed(h.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        Set<UUID> seen = new HashSet<>();
        for (Line line : lines) {
            boolean forHousehold = line.purpose() == Purpose.MONITORED_HOUSEHOLD || line.purpose() == Purpose.OUT_OF_POVERTY_HOUSEHOLD;
            if (forHousehold != (line.householdId() != null)) {
                throw new RuleViolationException("分配对象有误", "分给农户的收益须写明农户，其他用途不写农户。");
            }
            if (forHousehold) {
                ShareRule.refusalOf(line.purpose(), households.get(line.householdId())).ifPresent(refusal -> {
                    throw new RuleViolationException(refusal.title(), refusal.reason());
                });
            }
            if (forHousehold && !seen.add(line.householdId())) {
                throw new RuleViolationException("分配对象重复", "同一农户只能列一行。");
            }
        }
        Set<UUID> missing = new HashSet<>(monitored);
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            throw new RuleViolationException("未优先保障监测对象", "本村还有 " + missing.size()
                    + " 户监测对象未列入分配，收益须优先用于监测人口防止返贫。");
        }
        BigDecimal total = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(income) != 0) {
            throw new RuleViolationException("合计不符", "分配合计 " + total.toPlainString() + " 元，应等于本村 " + year
                    + " 年资产收益 " + income.toPlainString() + " 元。");
        }
        UUID planId = UUID.randomUUID();
        LocalDate today = PlatformTime.today(clock);
        jdbc.sql("""
                        insert into distribution_plan (id, village, year, total_income, confirmed_by, confirmed_on)
                        values (:id, :v, :y, :total, :by, :on)""")
                .param("id", planId).param("v", village).param("y", year).param("total", income).param("by", by)
                .param("on", today).update();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            jdbc.sql("""
                            insert into distribution_line (plan_id, line_no, purpose, household_id, amount)
                            values (:p, :n, :purpose, :h, :amount)""")
                    .param("p", planId).param("n", i + 1).param("purpose", line.purpose().name())
                    .param("h", line.householdId()).param("amount", line.amount()).update();
            if (line.householdId() != null) {
                outbox.append(Topics.ASSET_MANAGEMENT_MEASURE, line.householdId().toString(), village,
                        new AssetIncomeDistributed(UUID.randomUUID(), planId, line.householdId(), village, year,
                                line.purpose().name(), line.amount(), today, clock.instant()));
            }
        }
        return plan(village, year, jurisdiction);
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

    public Plan plan(String village, int year, Jurisdiction jurisdiction) {
        if (!jurisdiction.covers(village)) {
            throw new NotFoundException("该村不在您的管辖范围内。");
        }
        record Header(UUID id, BigDecimal totalIncome, String confirmedBy, LocalDate confirmedOn) {
        }
        Header header = jdbc.sql("select id, total_income, confirmed_by, confirmed_on from distribution_plan where village = :v and year = :y")
                .param("v", village).param("y", year).query(Header.class).optional()
                .orElseThrow(() -> new NotFoundException("该村该年度尚无收益分配方案。"));
        List<Line> lines = jdbc.sql("select purpose, household_id, amount from distribution_line where plan_id = :p order by line_no")
                .param("p", header.id())
                .query((rs, n) -> new Line(Purpose.valueOf(rs.getString(1)), rs.getObject(2, UUID.class), rs.getBigDecimal(3)))
                .list();
        return new Plan(header.id(), village, year, header.totalIncome(), lines, header.confirmedBy(), header.confirmedOn());
    }
}
