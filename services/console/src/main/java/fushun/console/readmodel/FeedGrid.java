package fushun.console.readmodel;

import fushun.contracts.Bureau;
import fushun.platform.PlatformTime;
import fushun.platform.feed.FeedCompleteness;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.security.Jurisdiction;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every bureau's monthly feed as a bureau × month grid (报送完整性), from the events the bureaus'
 * services published: {@code FeedDeadlineMissed} (every service, only for a month that missed its
 * deadline) and medical insurance's {@code FeedCompletenessChecked} (each month). The counties named
 * are those of the caller's jurisdiction; a county user sees a month missed only if their county was.
 */
@Service
public class FeedGrid {

    /** A cell's state, in fixed words. */
    public enum State {
        /** the bureau published that some county was late or missing (逾期或缺报) */
        MISSED,
        /** the bureau published that every county was on time (medical insurance's check) */
        ON_TIME,
        /** the deadline passed and no lateness was published (未报逾期) */
        NONE_REPORTED,
        /** the deadline has not passed (未到截止日) */
        NOT_DUE
    }

    public record Cell(String month, LocalDate deadline, State state, List<String> late, List<String> missing) {
    }

    public record Row(Bureau bureau, String label, List<Cell> cells) {
    }

    /** The months (newest first) and one page of the bureaus' rows ({@code total} of them). */
    public record Grid(List<String> months, List<Row> items, int page, int size, long total) {
    }

    /** What a bureau published about a month. */
    record Published(LocalDate deadline, List<String> late, List<String> missing, boolean checkedEveryMonth) {
    }

    /** The bureaus with a monthly duty: every one but the rural revitalization bureau, which owns the platform. */
    static final List<Bureau> BUREAUS = Arrays.stream(Bureau.values()).filter(b -> b != Bureau.RURAL_REVITALIZATION).toList();

    private final JdbcClient jdbc;
    private final PolicyParameters parameters;
    private final Clock clock;

    public FeedGrid(JdbcClient jdbc, PolicyParameters parameters, Clock clock) {
        this.jdbc = jdbc;
        this.parameters = parameters;
        this.clock = clock;
    }

    public Grid grid(Jurisdiction jurisdiction, YearMonth through, int months, int page, int size) {
        List<YearMonth> shown = new ArrayList<>();
        Map<YearMonth, LocalDate> deadlines = new HashMap<>();
        for (int i = 0; i < months; i++) {
            YearMonth month = through.minusMonths(i);
            // a month before feeds were tracked (no deadline parameter in force) is not shown
            FeedCompleteness.deadline(parameters, "*", month).ifPresent(deadline -> {
                shown.add(month);
                deadlines.put(month, deadline);
            });
        }
        List<String> keys = shown.stream().map(YearMonth::toString).toList();
        Map<String, Published> published = new HashMap<>();
        // medical insurance's own check first; a FeedDeadlineMissed for the same bureau and month wins
        if (!keys.isEmpty()) {
            jdbc.sql("select bureau, month, deadline, missing from feed_month where month in (:months)")
                    .param("months", keys)
                    .query((rs, n) -> Map.entry(rs.getString(1) + "/" + rs.getString(2), new Published(
                            rs.getObject(3, LocalDate.class), List.of(), split(rs.getString(4)), true)))
                    .list().forEach(e -> published.put(e.getKey(), e.getValue()));
            jdbc.sql("select bureau, month, deadline, late, missing from feed_deadline_missed where month in (:months)")
                    .param("months", keys)
                    .query((rs, n) -> Map.entry(rs.getString(1) + "/" + rs.getString(2), new Published(
                            rs.getObject(3, LocalDate.class), split(rs.getString(4)), split(rs.getString(5)), false)))
                    .list().forEach(e -> published.put(e.getKey(), e.getValue()));
        }
        LocalDate today = PlatformTime.today(clock);
        List<Row> rows = BUREAUS.stream().skip((long) page * size).limit(size).map(bureau -> new Row(bureau, bureau.label(),
                shown.stream().map(month -> cell(month, published.get(bureau.name() + "/" + month), deadlines.get(month),
                        today, jurisdiction)).toList())).toList();
        return new Grid(keys, rows, page, size, BUREAUS.size());
    }


    /** A cell from what was published about the month (null: nothing), within the caller's jurisdiction. */
    static Cell cell(YearMonth month, Published published, LocalDate defaultDeadline, LocalDate today,
                     Jurisdiction jurisdiction) {
        if (published == null) {
            return new Cell(month.toString(), defaultDeadline, today.isAfter(defaultDeadline) ? State.NONE_REPORTED
                    : State.NOT_DUE, List.of(), List.of());
        }
        List<String> late = published.late().stream().filter(jurisdiction::covers).toList();
        List<String> missing = published.missing().stream().filter(jurisdiction::covers).toList();
        State state = !late.isEmpty() || !missing.isEmpty() ? State.MISSED
                : published.checkedEveryMonth() ? State.ON_TIME : State.NONE_REPORTED;
        return new Cell(month.toString(), published.deadline(), state, late, missing);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
