package fushun.monitoring.timeline;

import java.util.List;
import java.util.UUID;

/**
 * A feature's lines of a household's timeline, read from its own tables; the timeline merges every
 * source's lines in time order. The caller has already checked the household is in its division.
 */
public interface TimelineSource {

    List<TimelineEntry> timelineOf(UUID householdId);
}
