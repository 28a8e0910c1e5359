package fushun.monitoring.discovery;

import fushun.monitoring.elimination.IncomeDropSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The cadres' visits that found an income drop, for the elimination check. */
@Component
class VisitIncomeDrops implements IncomeDropSource {

    private final JdbcClient jdbc;

    VisitIncomeDrops(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Instant> lastIncomeDrop(UUID householdId) {
        return jdbc.sql("select max(recorded_at) from cadre_visit where household_id = :h and risk_types ~ :types")
                .param("h", householdId).param("types", INCOME_DROP_TYPES)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }
}
