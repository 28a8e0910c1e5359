package fushun.monitoring.timeline;

import fushun.monitoring.household.HouseholdRegistry;
import fushun.platform.security.Jurisdiction;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The household timeline, oldest first: each feature contributes the lines of its own records (the
 * records stay; nothing is rewritten) through a {@link TimelineSource}, merged here.
 */
@RestController
class Timeline {

    private static final Comparator<TimelineEntry> ORDER =
            Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::kind);

    private final HouseholdRegistry households;
    private final List<TimelineSource> sources;

    Timeline(HouseholdRegistry households, List<TimelineSource> sources) {
        this.households = households;
        this.sources = sources;
    }

    @GetMapping("/api/monitoring/households/{householdId}/timeline")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')")
    List<TimelineEntry> of(@PathVariable UUID householdId) {
        households.divisionOf(householdId, Jurisdiction.current());
        return sources.stream().flatMap(source -> source.timelineOf(householdId).stream()).sorted(ORDER).toList();
    }
}
