package fushun.employment.totals;

import fushun.contracts.Bureau;
import fushun.contracts.feed.MonthlyTotals;
import fushun.employment.pension.PensionPremiums;
import fushun.employment.posts.PostPayroll;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A county's month of the human resources bureau's payments as the December report reads them. Pure.
 * <ul>
 *   <li>公益性岗位补贴 ({@code POST_SUBSIDY}): the subsidies of the attendance recorded for the month
 *       worked, with the holders paid and their households.</li>
 *   <li>代缴养老保险 ({@code PENSION_PREMIUM}): the premium is a yearly amount (the lowest tier in force on
 *       1 January, for everyone on the year's roster) and the service records no day of payment: the
 *       roster is worked out from the year's facts. So the year's premiums are the January line of
 *       that year, the month whose parameters price them, as the roster stands now; they are never
 *       spread over the months or repeated in another.</li>
 * </ul>
 * A line with nobody paid is left out: an empty list says nothing was paid that month.
 */
public final class EmploymentMonth {

    public static final String POST_SUBSIDY = "POST_SUBSIDY";
    public static final String PENSION_PREMIUM = "PENSION_PREMIUM";

    private EmploymentMonth() {
    }

    /** The month whose record carries a year's pension premiums paid on behalf. */
    public static YearMonth premiumMonth(int year) {
        return YearMonth.of(year, 1);
    }

    public static boolean carriesPremiums(YearMonth month) {
        return month.equals(premiumMonth(month.getYear()));
    }

    /**
     * @param premiums the year's roster counted, for the month that carries it; null for the others
     */
    public static List<MonthlyTotals.Item> items(PostPayroll.Paid posts, PensionPremiums.Coverage premiums) {
        List<MonthlyTotals.Item> items = new ArrayList<>(2);
        if (posts.persons() > 0) {
            items.add(new MonthlyTotals.Item(POST_SUBSIDY, "公益性岗位补贴", posts.households(), posts.persons(),
                    posts.amount()));
        }
        if (premiums != null && premiums.persons() > 0) {
            items.add(new MonthlyTotals.Item(PENSION_PREMIUM, "代缴养老保险", premiums.households(), premiums.persons(),
                    premiums.amount()));
        }
        return items;
    }

    /** The lines' figures in one string, equal whenever the figures are (whatever the amounts' scale). */
    public static String figures(List<MonthlyTotals.Item> items) {
        return items.stream()
                .map(i -> i.code() + ":" + i.households() + ":" + i.persons() + ":"
                        + i.amount().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(";"));
    }

    /** The record's key: one county's month of this bureau, the newest replacing the earlier ones. */
    public static String key(String county, YearMonth month) {
        return county + "/" + month + "/" + Bureau.HUMAN_RESOURCES.name();
    }
}
