package nl.koers.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Properties;
import java.util.Map;

/**
 * Turns {@code koers.event-store} into the Axon and Spring settings it implies, so that choosing a store is one
 * property. Also switches off everything that would phone home or connect to a default address behind the
 * operator's back (Axon's update checker, Spring's MongoDB client to localhost:27017).
 */
public class KoersEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String AXON_SERVER = "axon-server";
    static final String JDBC = "jdbc";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        addDefaults(environment);
        String store = environment.getProperty("koers.event-store", JDBC);
        if (!store.equals(JDBC) && !store.equals(AXON_SERVER)) {
            throw new IllegalStateException(
                    "koers.event-store must be 'jdbc' or 'axon-server', not '" + store + "'");
        }
        Map<String, Object> implied = new HashMap<>();
        implied.put("axon.axonserver.enabled", store.equals(AXON_SERVER));
        String excluded = "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration,"
                + "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration,"
                + "org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration,"
                + "org.axonframework.springboot.autoconfig.XStreamAutoConfiguration";
        if (store.equals(AXON_SERVER)) {
            // No relational store in this mode: the command side's lookup tables live in MongoDB.
            excluded += ",org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"
                    + ",org.axonframework.springboot.autoconfig.JdbcAutoConfiguration";
        }
        String userExcludes = environment.getProperty("spring.autoconfigure.exclude");
        implied.put("spring.autoconfigure.exclude",
                userExcludes == null || userExcludes.isBlank() ? excluded : userExcludes + "," + excluded);
        environment.getPropertySources().addFirst(new MapPropertySource("koers-implied", implied));
    }

    private static void addDefaults(ConfigurableEnvironment environment) {
        try (InputStream in = KoersEnvironmentPostProcessor.class.getResourceAsStream("/koers-defaults.properties")) {
            Properties defaults = new Properties();
            defaults.load(in);
            environment.getPropertySources().addLast(new PropertiesPropertySource("koers-defaults", defaults));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        // After application.yml and the environment are read, so koers.event-store from any source counts.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
