package fushun.housingsafety.appraisal;

import fushun.housingsafety.household.OpenWork;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The appraisal work that follows a household's move: open appraisal tasks and renovations not
 * completed, with the alerts they answer. Appraisals, completed renovations and done tasks keep the
 * division they were made in: they are what that area's inspectors did. A work started and moved to
 * another county takes its start's subsidy with it, so both counties' months of the start are counted
 * again for the report ({@link RenovationTotals}).
 */
@Component
class OpenAppraisalWork implements OpenWork {

    private final JdbcClient jdbc;
    private final RenovationTotals totals;

    OpenAppraisalWork(JdbcClient jdbc, RenovationTotals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    private record StartedWork(String divisionCode, LocalDate startedOn) {
    }

    @Override
    public List<UUID> follow(UUID householdId, String divisionCode) {
        // the alerts first, while the open work still names them
        List<UUID> alerts = jdbc.sql("""
                        select alert_id from appraisal_task where household_id = :h and status = 'OPEN'
                        union
                        select alert_id from renovation where household_id = :h and status <> 'COMPLETED' and alert_id is not null""")
                .param("h", householdId).query(UUID.class).list();
        List<StartedWork> startedElsewhere = jdbc.sql("""
                        select division_code, started_on from renovation
                        where household_id = :h and status = 'STARTED' and left(division_code, 6) <> left(:d, 6)""")
                .param("h", householdId).param("d", divisionCode).query(StartedWork.class).list();
        jdbc.sql("""
                        update appraisal_task set division_code = :d
                        where household_id = :h and status = 'OPEN' and division_code <> :d""")
                .param("d", divisionCode).param("h", householdId).update();
        jdbc.sql("""
                        update renovation set division_code = :d
                        where household_id = :h and status <> 'COMPLETED' and division_code <> :d""")
                .param("d", divisionCode).param("h", householdId).update();
        for (StartedWork work : startedElsewhere) {
            totals.publish(work.divisionCode(), work.startedOn());
            totals.publish(divisionCode, work.startedOn());
        }
        return alerts;
    }
}
