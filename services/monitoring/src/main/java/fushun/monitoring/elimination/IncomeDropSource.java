package fushun.monitoring.elimination;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A feature's reports of a drop in a household's income (a bureau's signal, a cadre's visit, an
 * alert), read from its own tables: the elimination check takes the latest over every source. A
 * drop is a report of unstable employment, a failed business or lack of labour.
 */
public interface IncomeDropSource {

    /** The risk types that report an income drop, as a PostgreSQL regular expression over a comma-separated list. */
    String INCOME_DROP_TYPES = "(UNSTABLE_EMPLOYMENT|FAILED_BUSINESS|LACK_OF_LABOUR)";

    Optional<Instant> lastIncomeDrop(UUID householdId);
}
