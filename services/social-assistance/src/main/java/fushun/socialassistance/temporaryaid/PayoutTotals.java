package fushun.socialassistance.temporaryaid;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What the townships' reserve funds of a county paid out in a month, per fund. */
@Service
public class PayoutTotals {

    /**
     * @param townshipCode the fund's nine-digit township code
     * @param households   households paid from it in the month
     * @param amount       yuan paid from it in the month
     */
    public record FundTotal(String townshipCode, long households, BigDecimal amount) {
    }

    private final JdbcClient jdbc;

    public PayoutTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Payouts actually paid (DONE), by the day they were paid, in one aggregate statement: waiting
     * and refused payouts and top-ups are not payments. Only funds that paid that month appear.
     */
    public List<FundTotal> of(String county, YearMonth month) {
        return jdbc.sql("""
                        select township_code, count(distinct household_id) as households, sum(amount) as amount
                        from fund_movement
                        where township_code like :county and paid_on >= :from and paid_on < :to
                          and kind = 'PAYOUT' and status = 'DONE'
                        group by township_code order by township_code""")
                .param("county", county + "%").param("from", month.atDay(1)).param("to", month.plusMonths(1).atDay(1))
                .query(FundTotal.class).list();
    }
}
