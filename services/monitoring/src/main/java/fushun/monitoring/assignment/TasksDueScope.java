package fushun.monitoring.assignment;

import fushun.contracts.Bureau;
import fushun.platform.feed.DutyScope;
import fushun.platform.feed.FeedCompleteness;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monthly duty of a bureau without a service of its own (教育局, 卫健委, 水务局, 农业农村局, 残联):
 * answering the tasks due in the month. A county owes the month's feed only where the bureau had a
 * task due that month; the answers (a measure recorded or the task closed through the API) count for
 * the month the task was due ({@link Assignments}), and so does an import of the bureau's data file
 * for the month it describes (ADR 0040). A yearly file does not make a county owe every month.
 */
@Component
class TasksDueScope implements DutyScope {

    private final JdbcClient jdbc;

    TasksDueScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<FeedCompleteness.County> owing(Bureau bureau, YearMonth month, List<FeedCompleteness.County> expected) {
        Set<String> due = jdbc.sql("""
                        select distinct substr(division_code, 1, 6) from assignment
                        where bureau = :b and due_date >= :from and due_date < :to""")
                .param("b", bureau.name()).param("from", month.atDay(1)).param("to", month.plusMonths(1).atDay(1))
                .query(String.class).list().stream().collect(Collectors.toSet());
        return expected.stream().filter(c -> due.contains(c.code())).toList();
    }
}
