package fushun.housingsafety.household;

import java.util.List;
import java.util.UUID;

/**
 * A feature's open work on a household, which follows the household when it moves, so the new
 * area's inspectors see it and the old area's no longer do. The feature keeps its own tables; the
 * household tells it of the move.
 */
public interface OpenWork {

    /**
     * Moves the household's open work to {@code divisionCode} (in the caller's transaction) and
     * answers the alerts that work answers: they go with it.
     */
    List<UUID> follow(UUID householdId, String divisionCode);
}
