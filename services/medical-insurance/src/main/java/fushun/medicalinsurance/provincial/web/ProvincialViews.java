package fushun.medicalinsurance.provincial.web;

import java.time.Instant;
import java.util.List;

/** What the provincial pull's endpoints answer: the same fields as the pull's records, not its table rows. */
final class ProvincialViews {

    private ProvincialViews() {
    }

    record StatusView(boolean enabled, String breakerState, List<CountyStateView> counties) {
    }

    record CountyStateView(String county, String cursor, long pulled, Instant lastSuccess, Instant lastFailure,
                           String lastError) {
    }

    record PullResultView(String county, int pages, int accepted, int duplicates, int rejected, boolean failed,
                          String error) {
    }
}
