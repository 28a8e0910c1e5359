package fushun.monitoring.risk;

import fushun.monitoring.elimination.IncomeDropSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The bureaus' signals and the alerts that reported an income drop, for the elimination check. */
@Component
class RiskIncomeDrops implements IncomeDropSource {

    private final JdbcClient jdbc;

    RiskIncomeDrops(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Instant> lastIncomeDrop(UUID householdId) {
        return jdbc.sql("""
                        select max(at) from (
                            select observed_at as at from risk_signal where household_id = :h and risk_type ~ :types
                            union all
                            select raised_at from risk_alert where household_id = :h and risk_types ~ :types) drops""")
                .param("h", householdId).param("types", INCOME_DROP_TYPES)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }
}
