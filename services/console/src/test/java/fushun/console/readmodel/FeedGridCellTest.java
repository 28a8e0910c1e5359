package fushun.console.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.console.readmodel.FeedGrid.Published;
import fushun.console.readmodel.FeedGrid.State;
import fushun.platform.security.Jurisdiction;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A grid cell from what a bureau published, as the city and as one county sees it. */
class FeedGridCellTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final LocalDate DEADLINE = LocalDate.of(2026, 11, 5);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case | published | late | missing | every month | division | today | state
            "nothing published, deadline not passed | false | | | false | 210400 | 2026-11-05 | NOT_DUE",
            "nothing published, deadline passed | false | | | false | 210400 | 2026-11-06 | NONE_REPORTED",
            "missed, seen by the city | true | 210421 | 210423 | false | 210400 | 2026-11-06 | MISSED",
            "missed elsewhere, seen by 新宾 | true | 210421 | 210423 | false | 210422 | 2026-11-06 | NONE_REPORTED",
            "missed in 清原, seen by 清原 | true | | 210423 | false | 210423 | 2026-11-06 | MISSED",
            "medical insurance checked complete | true | | | true | 210400 | 2026-11-06 | ON_TIME",
            "medical insurance missing elsewhere, seen by 新宾 | true | | 210423 | true | 210422 | 2026-11-06 | ON_TIME"})
    void shouldStateTheCellFromWhatWasPublishedWithinTheCallersDivision(String description, boolean published, String late,
                                                                        String missing, boolean everyMonth, String division,
                                                                        LocalDate today, State state) {
        Published what = published ? new Published(DEADLINE, list(late), list(missing), everyMonth) : null;

        FeedGrid.Cell cell = FeedGrid.cell(OCTOBER, what, DEADLINE, today, Jurisdiction.of(division));

        assertThat(cell.state()).isEqualTo(state);
        assertThat(cell.month()).isEqualTo("2026-10");
        assertThat(cell.late()).allMatch(c -> c.startsWith(division.equals("210400") ? "2104" : division));
        assertThat(cell.missing()).allMatch(c -> c.startsWith(division.equals("210400") ? "2104" : division));
    }

    private static List<String> list(String code) {
        return code == null ? List.of() : List.of(code);
    }
}
