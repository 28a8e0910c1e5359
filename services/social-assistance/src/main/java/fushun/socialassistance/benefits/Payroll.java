package fushun.socialassistance.benefits;

import fushun.platform.PlatformTime;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.RuleViolationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The monthly payroll (按月发放): a county's grants due in a month paid once, whoever runs it and how often. */
@Service
public class Payroll {

    /** What a payroll run did: payments made now, and those an earlier run had already made. */
    public record PayrollRun(String county, YearMonth month, int paid, BigDecimal total, int alreadyPaid) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public Payroll(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Pays one month for every grant of a county due in that month: granted before it and not
     * stopped by then. Run twice, it pays nobody twice. A month in the future cannot be paid. A run
     * that paid someone announces {@link PayrollPaid} in its transaction; one that paid nobody, nothing.
     */
    @Transactional
    public PayrollRun run(String county, YearMonth month, String by, Jurisdiction jurisdiction) {
        if (!jurisdiction.covers(county)) {
            throw new NotFoundException("该县区不在您的管辖范围内。");
        }
        if (month.isAfter(YearMonth.from(PlatformTime.today(clock)))) {
            throw new RuleViolationException("不能预先发放", month + " 尚未到来，不能发放该月待遇。");
        }
        // One run per county and month at a time: concurrent runs would only wait on each other's rows.
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "payroll:" + county + ":" + month)
                .query((rs, n) -> 1).list();
        String due = """
                from assistance_grant g where g.division_code like :county and g.first_month <= :month
                  and (g.stop_month is null or g.stop_month > :month)""";
        int dueCount = jdbc.sql("select count(*) " + due).param("county", county + "%").param("month", month.atDay(1))
                .query(Integer.class).single();
        // the month's amount: the grant's, less the shares of members who had left by then
        // counted and summed in the database: a county's payments are never loaded
        record Paid(int payments, BigDecimal total) {
        }
        Paid paid = jdbc.sql("with paid as (insert into grant_payment (grant_id, month, amount, run_by, county) select g.id, :month, "
                        + "g.monthly_amount - coalesce((select sum(gp.share) from grant_person gp where gp.grant_id = g.id "
                        + "and gp.stop_month <= :month), 0), :by, :countyCode " + due
                        + " order by g.id on conflict (grant_id, month) do nothing returning amount)"
                        + " select count(*) as payments, coalesce(sum(amount), 0) as total from paid")
                .param("county", county + "%").param("month", month.atDay(1)).param("by", by).param("countyCode", county)
                .query((rs, n) -> new Paid(rs.getInt("payments"), rs.getBigDecimal("total"))).single();
        BigDecimal total = paid.total().setScale(2, java.math.RoundingMode.HALF_UP);
        if (paid.payments() > 0) {
            events.publishEvent(new PayrollPaid(county, month));
        }
        return new PayrollRun(county, month, paid.payments(), total, dueCount - paid.payments());
    }
}
