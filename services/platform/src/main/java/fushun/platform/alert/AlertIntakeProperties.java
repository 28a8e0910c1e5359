package fushun.platform.alert;

import fushun.contracts.Bureau;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service takes in monitoring's risk alerts, under {@code platform.alerts.*}.
 *
 * @param enabled             records alerts and serves {@code /api/<service>/alerts}; off in services
 *                            that are not a bureau's (monitoring, the console)
 * @param bureau              the bureau this service answers for: the alerts that name it are
 *                            acknowledged. None for a service that only keeps alerts
 *                            (asset-management): no alert ever names it
 * @param caseReferencePrefix the acknowledgement names {@code <prefix>-<first 8 of the alert id>} as the
 *                            bureau's case unless the service's {@link AlertReaction} opens a case of
 *                            its own; the bureau's name when not set
 * @param readers             the roles that may read the list (required when enabled)
 */
@ConfigurationProperties("platform.alerts")
public record AlertIntakeProperties(boolean enabled, Bureau bureau, String caseReferencePrefix, List<String> readers) {

    public AlertIntakeProperties {
        readers = readers == null ? List.of() : List.copyOf(readers);
    }
}
