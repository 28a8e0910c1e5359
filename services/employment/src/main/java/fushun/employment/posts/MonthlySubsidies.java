package fushun.employment.posts;

import fushun.contracts.Bureau;
import fushun.employment.totals.EmploymentTotals;
import fushun.platform.PlatformTime;
import fushun.platform.feed.FeedCompleteness;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.policy.PolicyValue;
import fushun.platform.security.Jurisdiction;
import fushun.platform.security.SeparationOfDuties;
import fushun.platform.security.SeparationOfDuties.Step;
import fushun.platform.security.SeparationOfDuties.Taken;
import fushun.platform.web.RuleViolationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A holder's subsidy while on the post (在岗领补), from each month's attendance: {@link PostSubsidy}
 * with the required days in force that month, {@link HireRules} for which months are paid. Four eyes
 * (职责分离): whoever hired the holder does not record the attendance that pays them.
 */
@Service
public class MonthlySubsidies {

    /** One month's subsidy: full at the required days, otherwise in proportion, to the fen. */
    public record MonthlySubsidy(UUID holdingId, YearMonth month, int daysWorked, int requiredDays, BigDecimal subsidy) {
    }

    private final JdbcClient jdbc;
    private final PostHires hires;
    private final WelfarePosts posts;
    private final PolicyParameters parameters;
    private final Clock clock;
    private final FeedCompleteness feeds;
    private final EmploymentTotals totals;

    MonthlySubsidies(JdbcClient jdbc, PostHires hires, WelfarePosts posts, PolicyParameters parameters, Clock clock,
                     FeedCompleteness feeds, EmploymentTotals totals) {
        this.jdbc = jdbc;
        this.feeds = feeds;
        this.totals = totals;
        this.hires = hires;
        this.posts = posts;
        this.parameters = parameters;
        this.clock = clock;
    }

    /**
     * Records a month's attendance and the subsidy it earns: full at the required days (a
     * parameter), otherwise days ÷ required × the monthly subsidy, to the fen. Only months on the
     * post, only once per month, never a month to come, never by whoever hired the holder (the hirer is
     * read under the holding's row lock). Each month's attendance is the human resources bureau's
     * monthly feed (报送完整性): counted for the post's county and the month worked, late when recorded
     * after that month's deadline (the 5th of the next). The county's month is counted again and
     * published for the report ({@link EmploymentTotals}) in the same transaction.
     */
    @Transactional
    public MonthlySubsidy attendance(UUID holdingId, YearMonth month, int daysWorked, String by, Jurisdiction jurisdiction) {
        PostHires.Holding holding = hires.lockedInScope(holdingId, jurisdiction);
        SeparationOfDuties.require(Step.RECORD_ATTENDANCE, by, PostHires.HIRE, new Taken(Step.HIRE, holding.hiredBy()));
        HireRules.requirePayableMonth(month, PlatformTime.today(clock), holding.hiredOn(), holding.exitedOn());
        BigDecimal monthly = posts.monthlySubsidyOf(holding.postId());
        PolicyValue required = parameters.required("employment.post.required-days", "*", month.atDay(1));
        int requiredDays = required.value().intValueExact();
        BigDecimal subsidy = PostSubsidy.forMonth(monthly, daysWorked, requiredDays);
        int recorded = jdbc.sql("""
                        insert into attendance (holding_id, person_id, month, days_worked, required_days, subsidy,
                                                parameter_version, recorded_by)
                        values (:h, :p, :m, :days, :required, :subsidy, :version, :by) on conflict do nothing""")
                .param("h", holdingId).param("p", holding.personId()).param("m", month.atDay(1)).param("days", daysWorked).param("required", requiredDays)
                .param("subsidy", subsidy).param("version", required.version()).param("by", by).update();
        if (recorded == 0) {
            throw new RuleViolationException("已登记", "该人员 " + month + " 的考勤和补贴已经登记。");
        }
        String postDivision = posts.post(holding.postId(), jurisdiction).divisionCode();
        feeds.arrived(Bureau.HUMAN_RESOURCES, postDivision, month, clock.instant());
        totals.attendanceRecorded(postDivision, month);
        return new MonthlySubsidy(holdingId, month, daysWorked, requiredDays, subsidy);
    }
}
