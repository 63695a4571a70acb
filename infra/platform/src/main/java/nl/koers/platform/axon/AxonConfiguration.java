package nl.koers.platform.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import nl.koers.events.common.CommandRefused;
import nl.koers.events.common.Rejection;
import nl.koers.platform.mongo.NotWaitingForDisk;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.common.transaction.NoTransactionManager;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import nl.koers.platform.config.KoersProperties;
import nl.koers.serialization.MessageJson;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Duration;
import java.util.function.Function;

/**
 * Axon wiring shared by both sides: Jackson for every message and snapshot (no XStream, no default typing),
 * tracking tokens and dead letters in MongoDB, pooled streaming processors whose handler errors go to a
 * dead-letter queue per processing group instead of being logged and skipped.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** The stored form's mapper ({@link MessageJson}), not the web mapper: API settings leave stored JSON alone. */
    public static ObjectMapper messageObjectMapper() {
        return MessageJson.objectMapper();
    }

    public static JacksonSerializer jacksonSerializer() {
        return MessageJson.serializer();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return jacksonSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jacksonSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jacksonSerializer();
    }

    /**
     * Tokens are written without waiting for the journal ({@code j: false}). A token that a crash takes back only
     * means its events are delivered again, which every handler already survives (at-least-once delivery; views
     * are idempotent by version); the next journaled write, or the store's own flush within a second, takes it to
     * disk, together with the view writes before it. Waiting for the disk per token cost a file commit per
     * processor per batch: several for every command. Dead letters keep the default write concern.
     */
    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, KoersProperties properties) {
        MongoTemplate stock = DefaultMongoTemplate.builder()
                .mongoDatabase(client, properties.mongo().database())
                .trackingTokensCollectionName("axon_tracking_tokens")
                .deadLetterCollectionName("axon_dead_letters")
                .build();
        return new MongoTemplate() {
            @Override
            public MongoCollection<Document> trackingTokensCollection() {
                return NotWaitingForDisk.of(stock.trackingTokensCollection());
            }

            @Override
            public MongoCollection<Document> eventCollection() {
                return stock.eventCollection();
            }

            @Override
            public MongoCollection<Document> snapshotCollection() {
                return stock.snapshotCollection();
            }

            @Override
            public MongoCollection<Document> sagaCollection() {
                return stock.sagaCollection();
            }

            @Override
            public MongoCollection<Document> deadLetterCollection() {
                return stock.deadLetterCollection();
            }
        };
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .claimTimeout(Duration.ofSeconds(10))
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
    }

    /** Axon's message metrics without its unbounded capacity windows ({@link BoundedMessageMetrics}). */
    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry meterRegistry) {
        return new BoundedMessageMetrics(meterRegistry);
    }

    /** Pooled streaming processors everywhere; a failing handler parks the event in a dead-letter queue. */
    @Bean
    ConfigurerModule eventProcessingDefaults() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors((config, builder) -> builder
                        .batchSize(100)
                        .initialSegmentCount(4)
                        .maxClaimedSegments(4))
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance()));
    }

    /**
     * A dead-letter queue in MongoDB for every processing group. Declared with the type of Axon's own provider
     * module on purpose: Axon's JDBC auto-configuration otherwise adds that module, which registers a JDBC provider
     * serving only groups with {@code axon.eventhandling.processors.<name>.dlq.enabled=true}; a provider replaces
     * the one registered before it, so on the JDBC event store no group got a queue and a failing handler stopped
     * its processor instead (the read side's dead-letter test shows the difference).
     */
    @Bean
    DeadLetterQueueProviderConfigurerModule mongoDeadLetterQueues(MongoTemplate axonMongoTemplate,
                                                                  Serializer serializer,
                                                                  ObjectProvider<TransientProcessingGroup> transients) {
        Function<String, Function<org.axonframework.config.Configuration, SequencedDeadLetterQueue<EventMessage<?>>>>
                provider = processingGroup -> transients.stream().anyMatch(t -> t.name().equals(processingGroup))
                ? null
                : config -> MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                        .processingGroup(processingGroup)
                        .mongoTemplate(axonMongoTemplate)
                        .serializer(serializer)
                        .transactionManager(NoTransactionManager.INSTANCE)
                        .build();
        return new DeadLetterQueueProviderConfigurerModule(new EventProcessorProperties(), provider) {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing().registerDeadLetterQueueProvider(provider);
            }
        };
    }

    /** Processing groups that live in memory ({@link TransientProcessingGroup}) keep their tokens there too. */
    @Bean
    ConfigurerModule transientProcessingGroups(ObjectProvider<TransientProcessingGroup> transients) {
        return configurer -> configurer.eventProcessing(processing -> transients.forEach(group ->
                processing.registerTokenStore(group.name(), config -> new InMemoryTokenStore())));
    }

    /**
     * Makes refusals look the same whether the command ran in this JVM or behind Axon Server: every
     * {@link CommandRefused} (and an unknown aggregate) becomes a {@link CommandExecutionException} whose details
     * carry the {@link Rejection}.
     */
    @Bean
    ConfigurerModule commandRejections() {
        return configurer -> configurer.onInitialize(config -> config.onStart(() ->
                config.commandBus().registerHandlerInterceptor(rejectionTranslator())));
    }

    static MessageHandlerInterceptor<CommandMessage<?>> rejectionTranslator() {
        return (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (CommandRefused e) {
                throw new CommandExecutionException(e.getMessage(), null, e.rejection());
            } catch (AggregateNotFoundException e) {
                Rejection notFound = new Rejection(Rejection.Kind.NOT_FOUND, null, "no such trajectory");
                throw new CommandExecutionException(notFound.message(), null, notFound);
            }
        };
    }
}
