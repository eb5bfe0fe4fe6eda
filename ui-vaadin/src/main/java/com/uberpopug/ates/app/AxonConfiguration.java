package com.uberpopug.ates.app;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.uberpopug.ates.api.tasks.TaskCreatedUpcaster;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Axon without Axon Server: the JDBC event store (Axon's own auto-configuration, schema by Flyway)
 * and the choices that auto-configuration would get wrong for us.
 */
@Configuration
public class AxonConfiguration {

    /**
     * Every tracking token in PostgreSQL. Declared here because the Kafka extension would otherwise
     * put the tokens in a Kafka topic when its publisher runs in tracking mode.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                          TokenStoreProperties tokenStoreProperties) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(TokenSchema.builder().build())
                .serializer(serializer)
                .claimTimeout(tokenStoreProperties.getClaimTimeout())
                .build();
    }

    /**
     * PostgreSQL's code for a unique key refused: an event at a sequence number the aggregate already has. Axon's
     * {@code JdbcSQLErrorCodesResolver} looks for {@code SQLIntegrityConstraintViolationException}, which the
     * PostgreSQL driver never throws, so a conflict between two instances came out as an unexpected failure
     * instead of a {@code ConcurrencyException} that the gateway sends again.
     */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Axon's JDBC storage engine on PostgreSQL, as its auto-configuration builds it (that backs off
     * once {@link #eventStore} is declared), reading up to {@code ates.event-store.batch-size}
     * events per query (Axon's default: 100).
     */
    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          @Value("${ates.event-store.batch-size:500}") int batchSize) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer())
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(new SQLStateResolver(UNIQUE_VIOLATION))
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .batchSize(batchSize)
                .build();
    }

    /**
     * Snapshots are aggregates' own state, kept in private fields without getters or setters (and
     * without Jackson annotations: aggregates do not know how they are stored): JSON of their fields.
     */
    private static Serializer snapshotSerializer() {
        ObjectMapper fields = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        return JacksonSerializer.builder().objectMapper(fields).build();
    }

    /**
     * The event store of Axon's auto-configuration, but polling PostgreSQL every
     * {@code ates.event-store.fetch-delay} (default 100 ms) instead of every second when its
     * readers are caught up. The default let the Kafka publisher wait a full second again and again
     * while draining a backlog (about 1,000 events/s, see docs/PERFORMANCE.md); it is also the delay
     * with which one instance sees events that another instance stored.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${ates.event-store.fetch-delay:100ms}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }

    /**
     * The command gateway of Axon's auto-configuration, sending a command again (up to
     * {@code ates.commands.conflict-retries} times, after {@code ates.commands.conflict-pause} to twice that)
     * when another instance appended to its aggregate at the same moment (docs/adr/0019).
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus,
                                  @Value("${ates.commands.conflict-retries:5}") int conflictRetries,
                                  @Value("${ates.commands.conflict-pause:20ms}") Duration conflictPause) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("command-retry-");
        threads.setDaemon(true); // a retry due at shutdown is not waited for: its command fails as the app stops
        ScheduledExecutorService retries = Executors.newScheduledThreadPool(2, threads);
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConflictRetries(retries, conflictRetries, conflictPause))
                .build();
    }

    /** Which aggregate a command is for, looked up once per command type; every aggregate finds it as a component. */
    @Bean
    CommandTargetResolver commandTargetResolver() {
        return new CommandTargets();
    }

    /** Old {@code TaskCreated} events (title with "[UP-42]") read as revision 2, from the store and from Kafka. */
    @Bean
    TaskCreatedUpcaster taskCreatedUpcaster() {
        return new TaskCreatedUpcaster();
    }

    /**
     * A failing handler's error reaches the processor instead of Axon's default of logging it and
     * skipping the event (which would lose money or a Kafka record): processors with a dead-letter
     * queue park the event or, for an outage, retry the batch (docs/adr/0011); the Kafka publisher
     * retries the batch with back-off.
     */
    @Bean
    ConfigurerModule failingHandlersRetry() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
