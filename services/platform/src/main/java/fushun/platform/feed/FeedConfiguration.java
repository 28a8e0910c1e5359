package fushun.platform.feed;

import fushun.platform.feed.web.FeedController;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.policy.PolicyParameters;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.function.SingletonSupplier;

/** Feed completeness for the bureaus a service tracks, when {@code platform.feeds.enabled}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("platform.feeds.enabled")
@EnableConfigurationProperties(FeedProperties.class)
@Import(FeedController.class)
public class FeedConfiguration {

    /** Late feeds go on the service's own feed topic, the only one it may write. */
    @Bean
    FeedCompleteness bureauFeeds(JdbcClient jdbc, PolicyParameters parameters, OutboxWriter outbox, Clock clock,
                                FeedProperties settings, @Value("${spring.application.name}") String service,
                                ObjectProvider<DutyScope> scope, ObjectProvider<ArrivalSource> source) {
        return new FeedCompleteness(jdbc, parameters, outbox, clock, settings, service + ".feed.v1",
                SingletonSupplier.of(() -> scope.getIfAvailable(() -> DutyScope.EVERY_EXPECTED_COUNTY)),
                SingletonSupplier.of(() -> source.getIfAvailable(() -> ArrivalSource.COUNTED)));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "platform.feeds.check-enabled", matchIfMissing = true)
    FeedCompleteness.Schedule feedCheckSchedule(FeedCompleteness feeds) {
        return new FeedCompleteness.Schedule(feeds);
    }
}
