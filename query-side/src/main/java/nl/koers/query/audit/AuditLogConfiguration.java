package nl.koers.query.audit;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The reader of the stored event log for each event store: a second, upcaster-free view on the same store (the
 * application's own event store upcasts on read, which would make the chain depend on the code version).
 */
@Configuration(proxyBeanMethods = false)
public class AuditLogConfiguration {

    @Bean
    @ConditionalOnProperty(name = "koers.event-store", havingValue = "jdbc", matchIfMissing = true)
    AuditEventSource jdbcAuditEventSource(ConnectionProvider eventStoreConnectionProvider,
                                          TransactionManager transactionManager,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          @Value("${koers.audit.settle-millis:60000}") int settleMillis) {
        JdbcEventStorageEngine raw = JdbcEventStorageEngine.builder()
                .eventSerializer(eventSerializer)
                .snapshotSerializer(eventSerializer)
                .upcasterChain(NoOpEventUpcaster.INSTANCE)
                .connectionProvider(eventStoreConnectionProvider)
                .transactionManager(transactionManager)
                .batchSize(500)
                // How long a missing position may still be filled by a late commit; Axon's default gap timeout.
                .gapTimeout(settleMillis)
                .build();
        return new AuditEventSource(token -> raw.readEvents(token, false), true, eventSerializer);
    }

    @Bean
    @ConditionalOnProperty(name = "koers.event-store", havingValue = "axon-server")
    AuditEventSource axonServerAuditEventSource(AxonServerConfiguration configuration,
                                                AxonServerConnectionManager connectionManager,
                                                @Qualifier("eventSerializer") Serializer eventSerializer) {
        AxonServerEventStore raw = AxonServerEventStore.builder()
                .configuration(configuration)
                .platformConnectionManager(connectionManager)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(eventSerializer)
                .upcasterChain(NoOpEventUpcaster.INSTANCE)
                .build();
        return new AuditEventSource(token -> untilQuiet(raw.openStream(token)), false, eventSerializer);
    }

    /** A blocking stream as a stream that ends once no event arrives for a second (the log's current end). */
    static Stream<TrackedEventMessage<?>> untilQuiet(BlockingStream<TrackedEventMessage<?>> events) {
        Spliterator<TrackedEventMessage<?>> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
                try {
                    if (!events.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        return false;
                    }
                    action.accept(events.nextAvailable());
                    return true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        };
        return StreamSupport.stream(spliterator, false).onClose(events::close);
    }
}
