package fushun.monitoring.screening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A finished run: how many households, how many at risk, with which parameters, how fast. */
public record ScreeningRun(UUID id, String month, String scope, int households, int atRisk, int noIncomeData,
                           List<String> parameterVersions, Instant startedAt, Instant finishedAt) {
}
