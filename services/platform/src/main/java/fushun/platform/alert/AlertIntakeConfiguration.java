package fushun.platform.alert;

import fushun.platform.alert.web.ReceivedAlertController;
import fushun.platform.outbox.OutboxWriter;
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

/** The alert intake of a bureau's service, when {@code platform.alerts.enabled}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("platform.alerts.enabled")
@EnableConfigurationProperties(AlertIntakeProperties.class)
@Import(ReceivedAlertController.class)
public class AlertIntakeConfiguration {

    /** Acknowledgements go on the service's own measure topic, the only one of them it may write. */
    @Bean
    ReceivedAlerts receivedAlerts(JdbcClient jdbc, OutboxWriter outbox, Clock clock, AlertIntakeProperties settings,
                                  @Value("${spring.application.name}") String service,
                                  ObjectProvider<AlertReaction> reactions) {
        return new ReceivedAlerts(jdbc, outbox, clock, settings, service + ".measure.v1",
                SingletonSupplier.of(() -> reactions.getIfAvailable(() -> AlertReaction.NONE)));
    }
}
