package fushun.socialassistance.benefits;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What the payroll paid in a county and month, per programme, as the payments stand. */
@Service
public class PayrollTotals {

    /**
     * @param households households whose grant was paid for the month
     * @param persons    the persons those payments covered: a member whose share had stopped by the month is not
     * @param amount     yuan paid for the month
     */
    public record ProgrammeTotal(Programme programme, long households, long persons, BigDecimal amount) {
    }

    private final JdbcClient jdbc;

    public PayrollTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One aggregate statement over the month's payments of the county they were paid in: a county's
     * payments are counted in the database, never loaded. Only programmes paid that month appear.
     */
    public List<ProgrammeTotal> of(String county, YearMonth month) {
        return jdbc.sql("""
                        select g.programme, count(distinct g.household_id) as households,
                               coalesce(sum((select count(*) from grant_person gp where gp.grant_id = p.grant_id
                                             and (gp.stop_month is null or gp.stop_month > p.month))), 0) as persons,
                               sum(p.amount) as amount
                        from grant_payment p join assistance_grant g on g.id = p.grant_id
                        where p.county = :county and p.month = :month
                        group by g.programme order by g.programme""")
                .param("county", county).param("month", month.atDay(1))
                .query((rs, n) -> new ProgrammeTotal(Programme.valueOf(rs.getString("programme")),
                        rs.getLong("households"), rs.getLong("persons"), rs.getBigDecimal("amount")))
                .list();
    }
}
