package fushun.console.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import fushun.platform.PlatformTime;

/** The report's rules as pure functions: each is table-tested (ReportRulesTest). */
public final class ReportRules {

    /** A parameter version as decisions cite it: {@code name[scope]@yyyy-MM-dd} (PolicyValue.version()). */
    private static final Pattern VERSION = Pattern.compile("[A-Za-z][\\w.-]*\\[[^\\]\\s]+]@\\d{4}-\\d{2}-\\d{2}");

    private ReportRules() {
    }

    /** The head's name as the report shows it: the family name and one * per further character. */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        // the first character and a fixed "**", whatever the name's length (which would say more)
        String trimmed = name.strip();
        return trimmed.substring(0, trimmed.offsetByCodePoints(0, 1)) + "**";
    }

    /** The parameter versions an alert's explanation cites, in order, each once. */
    public static List<String> parameterVersions(String explanation) {
        Set<String> found = new LinkedHashSet<>();
        if (explanation != null) {
            Matcher m = VERSION.matcher(explanation);
            while (m.find()) {
                found.add(m.group());
            }
        }
        return List.copyOf(found);
    }

    /** Where an assignment stood on the report's cut-off day (压实责任). */
    public enum Timeliness {
        /** closed on or before its deadline */
        ON_TIME,
        /** closed after its deadline */
        LATE,
        /** still open after its deadline */
        OVERDUE,
        /** still open, deadline not passed */
        OPEN
    }

    /** {@code closedOn}: China's date of the bureau's closing, null while open; a closing after the cut-off counts as open. */
    public static Timeliness timeliness(LocalDate due, LocalDate closedOn, LocalDate cutoff) {
        if (closedOn != null && !closedOn.isAfter(cutoff)) {
            return closedOn.isAfter(due) ? Timeliness.LATE : Timeliness.ON_TIME;
        }
        return cutoff.isAfter(due) ? Timeliness.OVERDUE : Timeliness.OPEN;
    }

    /** One identification, elimination or rollback of a household. */
    public record MonitoringFact(String kind, Instant at) {
    }

    /** A household's standing on a day, from its facts in time order (they may arrive in any order). */
    public enum Standing { NOT_MONITORED, MONITORED, ELIMINATED }

    public static Standing standing(List<MonitoringFact> facts, Instant until) {
        Standing standing = Standing.NOT_MONITORED;
        List<MonitoringFact> sorted = new ArrayList<>(facts);
        sorted.sort(Comparator.comparing(MonitoringFact::at));
        for (MonitoringFact f : sorted) {
            if (f.at().isAfter(until)) {
                break;
            }
            standing = switch (f.kind()) {
                case "IDENTIFIED", "ROLLED_BACK" -> Standing.MONITORED;
                case "ELIMINATED" -> Standing.ELIMINATED;
                default -> standing;
            };
        }
        return standing;
    }

    /** A date of the year from a month-day parameter (1201 → 1 December). */
    public static LocalDate dateOf(int year, BigDecimal monthDay) {
        int mmdd = monthDay.intValueExact();
        return LocalDate.of(year, mmdd / 100, mmdd % 100);
    }

    /** The last day a year's figures count: the end of the year, or today while the year runs. */
    public static LocalDate cutoff(int year, LocalDate today) {
        LocalDate end = LocalDate.of(year, 12, 31);
        return today.isBefore(end) ? today : end;
    }

    /** The first instant after the cut-off day, in China. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(PlatformTime.CHINA).toInstant();
    }

    public static Instant startOf(int year) {
        return ZonedDateTime.of(year, 1, 1, 0, 0, 0, 0, PlatformTime.CHINA).toInstant();
    }

    /** Late: not submitted after the deadline passed, or submitted after it. */
    /**
     * A bureau's month in the report's feed table, for a county or the city: 缺报 if the county (for the
     * city: any county) was missing, else 逾期 if late, else 按时 (nothing late or missing was published).
     */
    public static String feedState(String scope, boolean city, List<String> late, List<String> missing) {
        if (city ? !missing.isEmpty() : missing.contains(scope)) {
            return "缺报";
        }
        return (city ? !late.isEmpty() : late.contains(scope)) ? "逾期" : "按时";
    }

    private static final Pattern COUNTY = Pattern.compile("2104\\d{2}");
    private static final Pattern MONTH = Pattern.compile("20\\d{2}-(0[1-9]|1[0-2])");
    private static final Pattern PAYMENT_CODE = Pattern.compile("[A-Z_]{1,30}(:\\d{6,9})?");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    /**
     * Whether a bureau's monthly totals fit their contract (MonthlyTotals): a county of Fushun, a month,
     * each kind of payment once with a code, a name of at most 60 characters, counts and yuan (two
     * decimals at most) that are not negative. Anything else is a poison event, not a figure.
     */
    public static boolean isMonthlyTotals(fushun.contracts.feed.MonthlyTotals t) {
        if (t.bureau() == null || t.county() == null || !COUNTY.matcher(t.county()).matches() || t.month() == null
                || !MONTH.matcher(t.month()).matches() || t.computedAt() == null) {
            return false;
        }
        Set<String> codes = new LinkedHashSet<>();
        for (fushun.contracts.feed.MonthlyTotals.Item item : t.items()) {
            if (item == null || item.code() == null || !PAYMENT_CODE.matcher(item.code()).matches() || !codes.add(item.code())
                    || item.label() == null || item.label().isBlank() || item.label().length() > 60
                    || item.households() < 0 || item.persons() < 0 || item.amount() == null || item.amount().signum() < 0
                    || item.amount().scale() > 2 || item.amount().compareTo(MAX_AMOUNT) >= 0) {
                return false;
            }
        }
        return true;
    }

    public static boolean late(LocalDate deadline, LocalDate today, LocalDate submittedOn) {
        return submittedOn == null ? today.isAfter(deadline) : submittedOn.isAfter(deadline);
    }

    /** A county's confirmation against the procedure's deadline (县级及时确定). */
    public enum ProcedureDeadline {
        /** confirmed on or before the deadline, in China's calendar */
        ON_TIME,
        /** confirmed after it */
        LATE,
        /** the event carries no deadline (written before HouseholdMonitored carried it) */
        NOT_CARRIED
    }

    /**
     * How one confirmed procedure went: against its deadline, and the China days of each step
     * (first clue → village → township → county, and clue → county); a step whose ends the event
     * does not both carry is null, never guessed.
     */
    public record ProcedureTiming(ProcedureDeadline deadline, Long clueToVillage, Long villageToTownship,
                                  Long townshipToCounty, Long clueToCounty) {
    }

    public static ProcedureTiming procedureTiming(Instant firstClueAt, Instant villageDecidedAt, Instant townshipDecidedAt,
                                                  Instant confirmedAt, LocalDate dueDate) {
        ProcedureDeadline deadline = dueDate == null ? ProcedureDeadline.NOT_CARRIED
                : chinaDay(confirmedAt).isAfter(dueDate) ? ProcedureDeadline.LATE : ProcedureDeadline.ON_TIME;
        return new ProcedureTiming(deadline, days(firstClueAt, villageDecidedAt), days(villageDecidedAt, townshipDecidedAt),
                days(townshipDecidedAt, confirmedAt), days(firstClueAt, confirmedAt));
    }

    /** Days between two moments' China dates (a step taken the same day: 0); null if either is missing. */
    static Long days(Instant from, Instant to) {
        return from == null || to == null ? null : java.time.temporal.ChronoUnit.DAYS.between(chinaDay(from), chinaDay(to));
    }

    private static LocalDate chinaDay(Instant instant) {
        return instant.atZone(PlatformTime.CHINA).toLocalDate();
    }

    /**
     * Why a newly identified household came under monitoring, by its category before the county's
     * confirmation: a 脱贫户 (or 脱贫不稳定户) at risk of falling back (返贫风险), any other at risk of
     * falling into poverty (致贫风险). Not 返贫 itself: the platform does not know whether a registered
     * household's income fell below the poverty line again.
     */
    public enum Entry { RETURN_RISK, NEW_RISK, NOT_CARRIED }

    public static Entry entry(String previousCategory) {
        if (previousCategory == null) {
            return Entry.NOT_CARRIED;
        }
        return java.util.Arrays.stream(fushun.contracts.HouseholdCategory.values())
                .filter(c -> c.name().equals(previousCategory)).findFirst()
                .map(c -> c.isOutOfPoverty() ? Entry.RETURN_RISK : Entry.NEW_RISK).orElse(Entry.NOT_CARRIED);
    }

    /** The mean of the measured days with two decimals; null when none was measured. */
    public static BigDecimal averageDays(List<Long> days) {
        List<Long> measured = days.stream().filter(java.util.Objects::nonNull).toList();
        if (measured.isEmpty()) {
            return null;
        }
        long sum = measured.stream().mapToLong(Long::longValue).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(measured.size()), 2, java.math.RoundingMode.HALF_UP);
    }
}
