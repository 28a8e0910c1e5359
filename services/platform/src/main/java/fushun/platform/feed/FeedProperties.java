package fushun.platform.feed;

import fushun.contracts.Bureau;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which bureaus' monthly duties a service tracks, under {@code platform.feeds.*}.
 *
 * @param enabled            records arrivals, checks each month and serves {@code /api/<service>/feeds}
 * @param duties             the bureaus whose monthly duty this service records (its own bureau; for
 *                           monitoring, the bureaus without a service of their own)
 * @param readers            the roles that may read the completeness (required when enabled)
 * @param checkInitialDelay  the first check after start
 * @param checkInterval      between checks (a check of a month already checked changes nothing)
 */
@ConfigurationProperties("platform.feeds")
public record FeedProperties(boolean enabled, List<Bureau> duties, List<String> readers, Duration checkInitialDelay,
                             Duration checkInterval) {

    public FeedProperties {
        duties = duties == null ? List.of() : List.copyOf(duties);
        readers = readers == null ? List.of() : List.copyOf(readers);
        checkInitialDelay = checkInitialDelay == null ? Duration.ofMinutes(1) : checkInitialDelay;
        checkInterval = checkInterval == null ? Duration.ofHours(1) : checkInterval;
    }
}
