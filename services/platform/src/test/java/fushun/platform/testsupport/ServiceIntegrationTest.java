package fushun.platform.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A whole service against a real KRaft broker (spring-kafka-test) and a fresh database on a real
 * PostgreSQL, with MockMvc, tokens from {@link TestTokens} and {@link EventBus} to publish and read
 * events as other services would.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = {
        // a new secret key for each test context: no key in this repository is accepted anywhere
        "platform.pii.person-key=${random.uuid}",
        // spring-kafka-test's broker is open; the platform's access lists are tested end to end
        "spring.kafka.security.protocol=PLAINTEXT", "platform.kafka.create-topics=true",
        // the tests run the monthly feed check themselves, at the moments they choose
        "platform.feeds.check-enabled=false"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(ServiceTestConfiguration.class)
public @interface ServiceIntegrationTest {
}
