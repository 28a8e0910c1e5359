package fushun.platform.policy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Some parameters' values read at once, answering {@link PolicyParameters#valueAt} in memory: for a
 * batch that looks the same parameters up for many rows. The rule is the query's: among the values
 * in force on the date, the scope's own value wins over {@code *}, then the latest.
 */
public final class PolicySnapshot {

    private static final Comparator<PolicyValue> LATEST_FIRST = Comparator.comparing(PolicyValue::effectiveFrom).reversed();

    private final Map<String, List<PolicyValue>> byName;

    public PolicySnapshot(Collection<PolicyValue> values) {
        this.byName = values.stream().collect(Collectors.groupingBy(PolicyValue::name,
                Collectors.collectingAndThen(Collectors.toList(), list -> list.stream().sorted(LATEST_FIRST).toList())));
    }

    public Optional<PolicyValue> valueAt(String name, String scope, LocalDate date) {
        String wanted = scope == null ? PolicyParameters.ALL_SCOPES : scope;
        List<PolicyValue> values = byName.getOrDefault(name, List.of());
        return values.stream().filter(v -> v.scope().equals(wanted) && !v.effectiveFrom().isAfter(date)).findFirst()
                .or(() -> values.stream()
                        .filter(v -> v.scope().equals(PolicyParameters.ALL_SCOPES) && !v.effectiveFrom().isAfter(date))
                        .findFirst());
    }

    public PolicyValue required(String name, String scope, LocalDate date) {
        return valueAt(name, scope, date).orElseThrow(() ->
                new IllegalStateException("no value of policy parameter " + name + " for " + scope + " on " + date));
    }
}
