package fushun.assetmanagement.income;

import fushun.assetmanagement.income.AssetIncome.Line;
import fushun.assetmanagement.income.AssetIncome.Purpose;
import fushun.contracts.Topics;
import fushun.contracts.assetmanagement.AssetIncomeDistributed;
import fushun.platform.PlatformTime;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.RuleViolationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each village's distribution plan (收益分配方案) of a year's income: it must serve every monitored
 * household of the village (监测人口防止返贫), may serve out-of-poverty households (稳定脱贫), running and
 * maintenance (运行管护) and village public welfare (村级公益), and its lines must add up to the village's
 * income for the year exactly ({@link DistributionPlan}). 脱贫不享受政策户 get no share ({@link ShareRule}).
 * Confirmed once; each household's share is then published to monitoring.
 */
@Service
public class DistributionPlans {

    public record Plan(UUID id, String village, int year, BigDecimal totalIncome, List<Line> lines, String confirmedBy,
                       LocalDate confirmedOn) {
    }

    private final JdbcClient jdbc;
    private final AssetIncome income;
    private final VillageHouseholds households;
    private final OutboxWriter outbox;
    private final Clock clock;

    public DistributionPlans(JdbcClient jdbc, AssetIncome income, VillageHouseholds households, OutboxWriter outbox,
                             Clock clock) {
        this.jdbc = jdbc;
        this.income = income;
        this.households = households;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Checks and confirms the plan; each household's share goes to monitoring as a measure. */
    @Transactional
    public Plan confirm(String village, int year, List<Line> lines, String by, Jurisdiction jurisdiction) {
        if (!jurisdiction.covers(village)) {
            throw new NotFoundException("该村不在您的管辖范围内。");
        }
        // one plan per village and year, and no income recorded meanwhile: both take this lock
        PlanLock.lock(jdbc, village, year);
        if (PlanLock.confirmed(jdbc, village, year)) {
            throw new RuleViolationException("方案已确认", village + " " + year + " 年的收益分配方案已经确认。");
        }
        BigDecimal income = this.income.incomeOf(village, year);
        DistributionPlan.refusal(year, income, households.standings(village), lines).ifPresent(refusal -> {
            throw new RuleViolationException(refusal.title(), refusal.reason());
        });
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
