package fushun.platform.testsupport;

import fushun.contracts.EventCodec;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** What {@link ServiceIntegrationTest} adds to a service's own context. */
@Configuration(proxyBeanMethods = false)
public class ServiceTestConfiguration {

    /** Real signature, issuer and audience checks against the tests' own key. */
    @Bean
    JwtDecoder jwtDecoder() {
        return TestTokens.decoder();
    }

    /** A new database per context, named after the service. */
    @Bean
    DynamicPropertyRegistrar serviceDatabase(Environment environment) {
        String service = environment.getProperty("spring.application.name", "service");
        return registry -> {
            registry.add("spring.datasource.url", () -> TestDatabases.newDatabase(service));
            // the tests' own server: its superuser, no password (a service's default is its own role)
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "");
        };
    }

    /** The system's time until a test moves it (and puts it back). */
    @Bean
    MovableClock clock() {
        return new MovableClock();
    }

    @Bean
    EventBus eventBus(KafkaTemplate<String, String> kafka, EventCodec codec, EmbeddedKafkaBroker broker) {
        return new EventBus(kafka, codec, broker.getBrokersAsString());
    }
}
