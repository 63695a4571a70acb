package nl.koers.platform.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import nl.koers.platform.config.KoersProperties;
import org.bson.Document;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/**
 * The one MongoClient of the process: to {@code koers.mongo.uri} when set, else to the in-process server.
 * Spring Boot's own MongoDB auto-configuration is excluded, so nothing connects to localhost:27017 unasked.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

    /**
     * Where MongoDB is: the in-process server (started here, stopped with the context) or an external one.
     * {@link #description()} is what logs and health report; it never contains credentials.
     */
    public static final class MongoEndpoint implements DisposableBean {
        private final EmbeddedMongo embedded;
        private final String connectionString;
        private final String description;

        MongoEndpoint(KoersProperties properties) {
            if (properties.mongo().embedded()) {
                embedded = properties.mongo().inMemory()
                        ? EmbeddedMongo.inMemory()
                        : EmbeddedMongo.fileBacked(properties.dataDir().resolve("mongo.mv"));
                connectionString = embedded.connectionString();
                description = embedded.description();
            } else {
                embedded = null;
                connectionString = properties.mongo().uri();
                description = "external " + String.join(",", new ConnectionString(connectionString).getHosts());
            }
        }

        public String description() {
            return description;
        }

        /** A slice of compaction of the in-process server's file when its chunks are mostly dead; else nothing. */
        public void compactIfSparse() {
            if (embedded != null) {
                embedded.compactIfSparse();
            }
        }

        @Override
        public void destroy() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Bean
    MongoEndpoint mongoEndpoint(KoersProperties properties) {
        return new MongoEndpoint(properties);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoEndpoint endpoint) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(endpoint.connectionString))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build());
    }

    @Bean
    @Qualifier("koers")
    MongoDatabase koersDatabase(MongoClient client, KoersProperties properties) {
        return client.getDatabase(properties.mongo().database());
    }

    @Bean
    HealthIndicator mongoHealthIndicator(@Qualifier("koers") MongoDatabase database, MongoEndpoint endpoint) {
        return () -> {
            try {
                database.runCommand(new Document("ping", 1));
                return Health.up().withDetail("mongodb", endpoint.description()).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("mongodb", endpoint.description())
                        .withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
