package fushun.housingsafety.appraisal;

import fushun.contracts.Bureau;
import fushun.contracts.feed.MonthlyTotals;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A county's renovations of one month as the December report reads them (每月发放汇总): the works started
 * (危房改造开工) with the subsidies they were granted, and the works completed (危房改造竣工) with the subsidy
 * paid on their acceptance (竣工验收, on which the subsidy is paid: {@link RenovationSteps}). The two lines
 * count the same subsidy at two steps, so a reader never adds them up. A line with no household is left
 * out: an empty list says nothing was started or completed. Pure.
 */
public final class RenovationMonth {

    public static final String STARTED = "RENOVATION_STARTED";
    public static final String COMPLETED = "RENOVATION_COMPLETED";

    /** The month's figures as one query counts them from the renovations. */
    public record Counts(long startedHouseholds, BigDecimal startedSubsidies, long completedHouseholds,
                         BigDecimal completedSubsidies) {
    }

    private RenovationMonth() {
    }

    public static List<MonthlyTotals.Item> items(Counts counts) {
        List<MonthlyTotals.Item> items = new ArrayList<>(2);
        if (counts.startedHouseholds() > 0) {
            items.add(new MonthlyTotals.Item(STARTED, "危房改造开工", counts.startedHouseholds(), 0,
                    counts.startedSubsidies()));
        }
        if (counts.completedHouseholds() > 0) {
            items.add(new MonthlyTotals.Item(COMPLETED, "危房改造竣工", counts.completedHouseholds(), 0,
                    counts.completedSubsidies()));
        }
        return items;
    }

    /** The record's key: one county's month of this bureau, the newest replacing the earlier ones. */
    public static String key(String county, YearMonth month) {
        return county + "/" + month + "/" + Bureau.HOUSING.name();
    }
}
