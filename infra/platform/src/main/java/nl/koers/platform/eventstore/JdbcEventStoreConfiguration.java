package nl.koers.platform.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The JDBC event store ({@code koers.event-store=jdbc}): an H2 file in the embedded default, PostgreSQL on
 * self-hosted sites. Which one is decided by {@code spring.datasource.url} alone. The tables are created on
 * first start in the dialect of the database found.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "koers.event-store", havingValue = "jdbc", matchIfMissing = true)
public class JdbcEventStoreConfiguration {
    private static final Logger log = LoggerFactory.getLogger(JdbcEventStoreConfiguration.class);

    @Bean
    ConnectionProvider eventStoreConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /**
     * Recognises a second append at the same (aggregate, sequence) as a {@code ConcurrencyException}. By SQL state
     * (class 23, integrity constraint): H2 and PostgreSQL report batch inserts as a {@code BatchUpdateException}
     * that carries the state but is no {@code SQLIntegrityConstraintViolationException}, which Axon's
     * {@code JdbcSQLErrorCodesResolver} looks for, so a collision of two replicas would otherwise be a 500.
     */
    @Bean
    PersistenceExceptionResolver jdbcPersistenceExceptionResolver() {
        return new SQLStateResolver();
    }

    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider eventStoreConnectionProvider,
                                          TransactionManager transactionManager,
                                          DataSource dataSource) throws SQLException {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .eventSerializer(eventSerializer)
                .snapshotSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(eventStoreConnectionProvider)
                .transactionManager(transactionManager)
                .build();
        EventTableFactory dialect = dialectOf(dataSource);
        engine.createSchema(dialect);
        if (dialect == H2EventTableFactory.INSTANCE) {
            H2EventTableFactory.tuneForAppends(dataSource);
        }
        log.debug("Event tables ready ({})", dialect.getClass().getSimpleName());
        return engine;
    }

    /**
     * The event store over the JDBC engine, as Axon's auto-configuration builds it, but without its shared cache of
     * recent events ({@code optimizeEventConsumption}). That cache keeps every event from the position of the
     * slowest processor still reading from it up to the head; while events were appended in bulk (a million at
     * about 20 000 per second) and the processors worked through units of 10–16 s, it held 150 000 events
     * (Axon's {@code EmbeddedEventStore$Node}) and filled the 512 MB heap, and the in-process MongoDB failed on the
     * full heap (Axon issue 2954 describes the same). Without it each processor reads its own stream in batches, its
     * memory bounded by its batch and buffer.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine eventStorageEngine,
                                  org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(eventStorageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .optimizeEventConsumption(false)
                .build();
    }

    static EventTableFactory dialectOf(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            if (product.contains("postgres")) {
                return PostgresEventTableFactory.INSTANCE;
            }
            if (product.contains("h2")) {
                return H2EventTableFactory.INSTANCE;
            }
            throw new IllegalStateException("unsupported event store database: " + product
                    + " (supported: H2 for the embedded default, PostgreSQL for self-hosted sites)");
        }
    }
}
