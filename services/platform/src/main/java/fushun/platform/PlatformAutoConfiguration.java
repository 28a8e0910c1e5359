package fushun.platform;

import fushun.contracts.EventCodec;
import fushun.contracts.Topics;
import fushun.platform.alert.AlertIntakeConfiguration;
import fushun.platform.health.KafkaReachable;
import fushun.platform.inbox.ConsumedRecord;
import fushun.platform.inbox.InboundEvents;
import fushun.platform.inbox.Inbox;
import fushun.platform.inbox.InboxPurge;
import fushun.platform.kafka.BatchListeners;
import fushun.platform.kafka.DeadLetterMetrics;
import fushun.platform.kafka.DeadLetters;
import fushun.platform.kafka.PoisonEventException;
import fushun.platform.kafka.web.DeadLetterController;
import fushun.platform.metrics.SignalMetrics;
import fushun.platform.outbox.OutboxAdmin;
import fushun.platform.outbox.OutboxNotifications;
import fushun.platform.outbox.OutboxPurge;
import fushun.platform.outbox.OutboxRelay;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.outbox.RelayThread;
import fushun.platform.outbox.RelayWake;
import fushun.platform.outbox.web.OutboxAdminController;
import fushun.platform.pii.PersonRefs;
import fushun.platform.pii.PiiRevealAudit;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.tracing.CurrentTrace;
import fushun.platform.web.ProblemDetailsAdvice;
import fushun.platform.web.StrictInputConfiguration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

/** Wires the shared mechanisms into every service that has the platform on its classpath. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@EnableConfigurationProperties(PlatformProperties.class)
@EnableScheduling
@Import({fushun.platform.security.PlatformSecurityConfiguration.class, ProblemDetailsAdvice.class,
        StrictInputConfiguration.class, fushun.platform.policy.web.PolicyParameterController.class,
        OutboxAdminController.class, DeadLetterController.class, AlertIntakeConfiguration.class,
        fushun.platform.feed.FeedConfiguration.class,
        fushun.platform.web.ApiDocumentation.class})
public class PlatformAutoConfiguration {

    /**
     * The platform's clock; services and tests may replace it. The local platform's demo start alone
     * shifts it into the past while it writes the demo city's year ({@link fushun.platform.demo.DemoClock}).
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${platform.demo-data:false}") boolean demoData, @Value("${platform.demo.clock-file:}") String demoClockFile) {
        return demoData && !demoClockFile.isBlank() ? new fushun.platform.demo.DemoClock(java.nio.file.Path.of(demoClockFile))
                : Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    PlatformSchema platformSchema() {
        return new PlatformSchema();
    }

    @Bean
    OutboxWriter outboxWriter(JdbcClient jdbc, EventCodec codec, @Value("${spring.application.name}") String source,
                              CurrentTrace currentTrace, SignalMetrics signalMetrics, RelayWake relayWake, Clock clock) {
        return new OutboxWriter(jdbc, codec, source, currentTrace, signalMetrics, relayWake, clock);
    }

    /** Every instance's relay is notified when a transaction that wrote the outbox commits; this one's at once. */
    @Bean
    RelayWake relayWake(JdbcClient jdbc, ObjectProvider<RelayThread> relayThread) {
        RelayThread local = relayThread.getIfAvailable();
        return new RelayWake(jdbc, local == null ? () -> { } : local::wake);
    }

    /** The risk signals a bureau publishes, counted by the outbox writer (every bureau's, the same way). */
    @Bean
    SignalMetrics signalMetrics(MeterRegistry registry) {
        return new SignalMetrics(registry);
    }

    /** The broker, in readiness ({@code management.endpoint.health.group.readiness}). */
    @Bean(name = "kafka")
    KafkaReachable kafkaReachable(KafkaAdmin admin, Clock clock) {
        return new KafkaReachable(admin, clock);
    }

    /** Tracing may be off (tests, a setting): then no event carries a trace context. */
    @Bean
    CurrentTrace currentTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new CurrentTrace(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    OutboxRelay outboxRelay(DataSource dataSource, JdbcClient jdbc, KafkaTemplate<String, String> kafka,
                            PlatformProperties properties) {
        return new OutboxRelay(dataSource, jdbc, kafka, properties.outbox());
    }

    @Bean
    OutboxAdmin outboxAdmin(JdbcClient jdbc, RelayWake relayWake) {
        return new OutboxAdmin(jdbc, relayWake);
    }

    /** Unsent, parked and the oldest unsent row's age, for every service's dashboard and alerts. */
    @Bean
    MeterBinder outboxMetrics(OutboxAdmin outbox) {
        // one query per scrape for the three gauges, not one each
        var figures = new OutboxAdmin.RecentFigures(outbox, Duration.ofSeconds(1));
        return registry -> {
            Gauge.builder("platform.outbox.unsent", figures, f -> f.get().unsent())
                    .description("outbox rows waiting to be published (parked ones included)").register(registry);
            Gauge.builder("platform.outbox.parked", figures, f -> f.get().parked())
                    .description("outbox rows parked after repeated refusals").register(registry);
            Gauge.builder("platform.outbox.oldest.unsent.age", figures,
                            f -> f.get().oldestUnsentSeconds())
                    .baseUnit("seconds").description("age of the oldest unsent outbox row").register(registry);
        };
    }

    /** The relay's own thread: a pass when woken, or after {@code platform.outbox.relay-interval} without a wake-up. */
    @Bean
    @ConditionalOnProperty(name = "platform.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
    RelayThread outboxRelayThread(OutboxRelay relay, PlatformProperties properties) {
        return new RelayThread(relay::publishPending, properties.outbox().relayInterval(),
                properties.outbox().sendTimeout().plusSeconds(5));
    }

    /** Wakes this instance's relay when another instance's transaction wrote the outbox (LISTEN, one connection beside the pool). */
    @Bean
    @ConditionalOnProperty(name = {"platform.outbox.relay-enabled", "platform.outbox.listen"}, havingValue = "true",
            matchIfMissing = true)
    OutboxNotifications outboxNotifications(DataSource dataSource, RelayThread relayThread) {
        return new OutboxNotifications(OutboxNotifications.besidePool(dataSource), relayThread::wake);
    }

    @Bean
    OutboxPurge outboxPurge(JdbcClient jdbc, PlatformProperties properties) {
        return new OutboxPurge(jdbc, properties.outbox().retention());
    }

    @Bean
    Inbox inbox(JdbcClient jdbc) {
        return new Inbox(jdbc);
    }

    @Bean
    InboxPurge inboxPurge(JdbcClient jdbc, @Value("${platform.inbox.retention:30d}") Duration retention,
                                                Clock clock) {
        return new InboxPurge(jdbc, retention, clock);
    }

    @Bean
    InboundEvents inboundEvents(Inbox inbox, EventCodec codec, PlatformTransactionManager transactions,
                                ObjectProvider<ObservationRegistry> observations,
                                @Value("${spring.kafka.consumer.group-id:${spring.application.name:}}") String group) {
        return new InboundEvents(inbox, codec, new TransactionTemplate(transactions),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP), group);
    }

    /**
     * Boot's listener container factory with batch delivery, for the listeners that apply many events
     * ({@link BatchListeners}): the same consumer settings, error handler and observation switch.
     */
    @Bean(BatchListeners.FACTORY)
    @ConditionalOnBean(ConcurrentKafkaListenerContainerFactoryConfigurer.class)
    ConcurrentKafkaListenerContainerFactory<Object, Object> platformBatchListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        // InboundEvents.dispatchAll observes each record as the container observes a record listener's;
        // the container's own timer for a batch (other tags, same name) would clash with those meters
        factory.getContainerProperties().setMicrometerEnabled(false);
        return factory;
    }

    @Bean
    PiiRevealAudit piiRevealAudit(JdbcClient jdbc) {
        return new PiiRevealAudit(jdbc);
    }

    @Bean
    PersonRefs personRefs(PlatformProperties properties) {
        String key = properties.pii().personKey();
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("PLATFORM_PERSON_KEY is required: the same secret in every service, "
                    + "at least " + PersonRefs.MIN_KEY_LENGTH + " characters (the local platform generates one)");
        }
        if (PlatformProperties.PUBLISHED_PERSON_KEYS.contains(key)) {
            throw new IllegalStateException("PLATFORM_PERSON_KEY is a published key: set a secret of your own");
        }
        return new PersonRefs(key);
    }

    /**
     * A service signs in to the broker as its own principal: with SASL (the default) and no
     * password it refuses to start rather than try the broker without one.
     */
    @Bean
    KafkaSignIn kafkaSignIn(Environment environment) {
        String protocol = environment.getProperty("spring.kafka.security.protocol", "PLAINTEXT");
        if (protocol.startsWith("SASL") && environment.getProperty("KAFKA_PASSWORD", "").isBlank()) {
            throw new IllegalStateException("KAFKA_PASSWORD is required: this service's password on the broker "
                    + "(principal KAFKA_USERNAME, by default the service's name)");
        }
        return new KafkaSignIn(protocol);
    }

    /** How this service signs in to the broker (checked at start). */
    public record KafkaSignIn(String protocol) {
    }

    @Bean
    PolicyParameters policyParameters(JdbcClient jdbc) {
        return new PolicyParameters(jdbc);
    }

    @Bean
    @SuppressWarnings("unchecked")
    DeadLetters deadLetters(KafkaListenerEndpointRegistry listeners,
                                                  ConsumerFactory<?, ?> consumers,
                                                  EventCodec codec, JdbcClient jdbc,
                                                  ConsumedRecord consumedRecord,
                                                  @Value("${spring.kafka.consumer.group-id:${spring.application.name}}") String group) {
        return new DeadLetters(listeners,
                (ConsumerFactory<String, String>) consumers, codec, jdbc, consumedRecord, group);
    }

    /** Dead letters waiting per consumed topic; a cheap grouped count, read at most every few seconds. */
    @Bean
    DeadLetterMetrics deadLetterMetrics(DeadLetters deadLetters, MeterRegistry registry,
                                        @Value("${platform.dead-letters.metrics-max-age:5s}") Duration maxAge) {
        return new DeadLetterMetrics(deadLetters, registry, maxAge);
    }

    /** Keeps the dead-letter index (and so its gauge) caught up when nobody lists it. */
    @Bean
    @ConditionalOnBooleanProperty(name = "platform.dead-letters.index-enabled", matchIfMissing = true)
    DeadLetters.Schedule deadLetterIndexSchedule(DeadLetters deadLetters) {
        return new DeadLetters.Schedule(deadLetters);
    }

    /** Tells {@link fushun.platform.inbox.InboundEvents} which topic a record came on (Boot's container factory takes it). */
    @Bean
    ConsumedRecord consumedRecord() {
        return new ConsumedRecord();
    }

    /**
     * Bounded retries with exponential back-off, then {@code <topic>.DLT} with the error in the
     * record's headers; the container commits the offset and goes on with the next record.
     * A poison event (unreadable or breaking a contract) skips the retries.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka, PlatformProperties properties) {
        var recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1)) {
            @Override
            public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
                super.accept(record, consumer, asRecordListenerFailure(exception));
            }
        };
        var backOff = new ExponentialBackOffWithMaxRetries(properties.consumer().maxRetries());
        backOff.setInitialInterval(properties.consumer().initialBackoff().toMillis());
        backOff.setMaxInterval(properties.consumer().maxBackoff().toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PoisonEventException.class);
        var outage = new ExponentialBackOff(properties.consumer().initialBackoff().toMillis(), 2.0);
        outage.setMaxInterval(Duration.ofSeconds(30).toMillis());
        outage.setMaxElapsedTime(properties.consumer().outageRetryFor().toMillis());
        handler.setBackOffFunction((record, exception) -> isDatabaseOutage(exception) ? outage : null);
        return handler;
    }

    /**
     * A batch listener's failure reaches the recoverer as the container's exception around a
     * {@link BatchListenerFailedException} around the record's own; the dead letter's headers carry
     * what a record listener's would (the container's exception, the record's own as the cause), so
     * the dead-letter index shows the same error whichever listener gave up.
     */
    static Exception asRecordListenerFailure(Exception exception) {
        String group = exception instanceof ListenerExecutionFailedException failed ? failed.getGroupId() : null;
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof BatchListenerFailedException failed && failed.getCause() != null) {
                // the group id too: the dead-letter index keeps only its own group's letters
                return new ListenerExecutionFailedException(String.valueOf(failed.getCause().getMessage()), group,
                        failed.getCause());
            }
        }
        return exception;
    }

    static boolean isDatabaseOutage(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException) {
                return true;
            }
        }
        return false;
    }

    /** Every catalogued topic and its dead-letter topic; creating one that exists is a no-op. */
    @Bean
    @ConditionalOnBooleanProperty("platform.kafka.create-topics")
    KafkaAdmin.NewTopics platformTopics(@Value("${platform.kafka.partitions:3}") int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.all()) {
            topics.add(new NewTopic(topic, partitions, (short) -1));
            topics.add(new NewTopic(Topics.deadLetterOf(topic), 1, (short) -1));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
