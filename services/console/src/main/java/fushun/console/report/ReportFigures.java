package fushun.console.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A county's (or the city's) figures for a monitoring year, counted from the events up to the
 * cut-off day. Every figure is one the events carry; those they do not are named in
 * {@link #notCarried()} and shown as such, never guessed.
 */
public record ReportFigures(
        String scope,
        String scopeName,
        int year,
        LocalDate cutoff,
        List<CategoryRow> categories,
        long newlyIdentified,
        long eliminated,
        long rolledBack,
        List<ChannelRow> channels,
        List<CountRow> alertsByRisk,
        List<CountRow> alertsByMonth,
        List<AssignmentRow> assignments,
        List<MeasureRow> measures,
        List<AssistanceRow> assistance,
        List<AmountRow> temporaryAidByTownship,
        AmountRow assetIncome,
        List<AtRiskRow> atRisk,
        List<FeedRow> feeds,
        List<CountRow> parameterVersions,
        List<String> notCarried,
        List<PaymentRow> payments,
        ProcedureFigures procedure) {

    /** Households of a category at the cut-off: still monitored, and with their risk eliminated. */
    public record CategoryRow(String category, String label, long monitored, long eliminated) {
    }

    /** A discovery channel (发现渠道); {@code count} null when no event says through which channel a household came. */
    public record ChannelRow(String channel, Long count, String note) {
    }

    public record CountRow(String key, String label, long count) {
    }

    public record AssignmentRow(String bureau, String label, long total, long onTime, long late, long overdue, long open,
                                long escalated) {
    }

    /** Measures of a bureau of one kind; {@code amount} the sum of the amounts the events carry (null: none carried). */
    public record MeasureRow(String bureau, String label, String measure, long measures, long households,
                             BigDecimal amount) {
    }

    /** Civil affairs' status changes in the year by programme and status; the amount as the event means it. */
    public record AssistanceRow(String programme, String label, String status, long households, long persons,
                                BigDecimal amount) {
    }

    public record AmountRow(String key, String label, long count, BigDecimal amount) {
    }

    /**
     * What a bureau paid in the year for one kind of payment, from its monthly totals (MonthlyTotals):
     * households and persons are summed over the months (户次, 人次), the amount in yuan.
     */
    public record PaymentRow(String bureau, String label, String code, String item, long householdMonths, long personMonths,
                             BigDecimal amount) {
    }

    /** A household still at risk: masked name, village, category, since when, risks and open assignments. */
    public record AtRiskRow(String maskedName, String village, String category, LocalDate identifiedOn, String riskTypes,
                            String openAssignments) {
    }

    /** A bureau's monthly feed for this scope: delivered on time, or missing for it. */
    /** @param state 按时, 逾期 or 缺报 ({@link ReportRules#feedState}) */
    public record FeedRow(String bureau, String label, String month, String state) {
    }

    /**
     * The identifications the county confirmed in the year (HouseholdMonitored's procedure fields): on
     * time or late against their deadline, the average China days of each step, and the households
     * newly identified by their category before (脱贫户 → 返贫风险, others → 致贫风险).
     */
    public record ProcedureFigures(long confirmed, long onTime, long late, long deadlineNotCarried, List<StepRow> steps,
                                   List<CountRow> entries) {

        public long returnRisk() {
            return entries.stream().filter(e -> e.key().equals(ReportRules.Entry.RETURN_RISK.name()))
                    .mapToLong(CountRow::count).sum();
        }
    }

    /** A step of the procedure: how many confirmations carried both its ends, and their average days (null: none). */
    public record StepRow(String step, long measured, BigDecimal averageDays) {
    }

    public long alerts() {
        return alertsByMonth.stream().mapToLong(CountRow::count).sum();
    }

    public long monitoredAtCutoff() {
        return categories.stream().mapToLong(CategoryRow::monitored).sum();
    }
}
