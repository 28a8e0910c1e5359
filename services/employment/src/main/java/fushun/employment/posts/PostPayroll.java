package fushun.employment.posts;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a county's public-welfare posts paid for a month worked (公益性岗位补贴), from the attendance
 * recorded for it: counted by one query over the posts of the county, whoever holds them now.
 */
@Service
public class PostPayroll {

    /** Holders paid (a subsidy above zero) for the month, their households, and the subsidies. */
    public record Paid(long households, long persons, BigDecimal amount) {
    }

    private final JdbcClient jdbc;

    PostPayroll(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Paid paid(String county, YearMonth month) {
        return jdbc.sql("""
                        select count(distinct h.household_id), count(distinct a.person_id), coalesce(sum(a.subsidy), 0)
                        from attendance a
                          join post_holding h on h.id = a.holding_id
                          join welfare_post p on p.id = h.post_id
                        where p.division_code like :county and a.month = :month and a.subsidy > 0""")
                .param("county", county + "%").param("month", month.atDay(1))
                .query((rs, n) -> new Paid(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)))
                .single();
    }
}
