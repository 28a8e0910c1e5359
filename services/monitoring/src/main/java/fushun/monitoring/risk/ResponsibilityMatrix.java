package fushun.monitoring.risk;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which bureaus answer for a risk type, and in how many days: data, effective-dated. */
@Component
public class ResponsibilityMatrix {

    public record Responsibility(Bureau bureau, int deadlineDays) {
    }

    private final JdbcClient jdbc;

    ResponsibilityMatrix(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows in force on {@code date}: for each bureau, the latest row effective by then. */
    public List<Responsibility> forRisk(RiskType riskType, LocalDate date) {
        return jdbc.sql("""
                        select distinct on (bureau) bureau, deadline_days from responsibility
                        where risk_type = :risk and effective_from <= :date
                        order by bureau, effective_from desc""")
                .param("risk", riskType.name()).param("date", date)
                .query((rs, n) -> new Responsibility(Bureau.valueOf(rs.getString("bureau")), rs.getInt("deadline_days")))
                .list();
    }
}
