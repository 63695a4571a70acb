package nl.koers.platform.runtime;

import nl.koers.platform.config.KoersProperties;
import nl.koers.platform.mongo.MongoConfiguration.MongoEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** One line at start-up that tells an operator which stores this process uses (never credentials). */
@Component
public class StartupReport {
    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);
    private final KoersProperties properties;
    private final MongoEndpoint mongo;
    private final Environment environment;

    public StartupReport(KoersProperties properties, MongoEndpoint mongo, Environment environment) {
        this.properties = properties;
        this.mongo = mongo;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void report() {
        log.info("Koers ready: mode={}, event store={}, MongoDB={}, port={}", properties.mode(), eventStore(),
                mongo.description(), environment.getProperty("local.server.port", "-"));
    }

    String eventStore() {
        if ("axon-server".equals(properties.eventStore())) {
            return "Axon Server " + environment.getProperty("axon.axonserver.servers", "localhost:8124");
        }
        return "JDBC " + withoutSecrets(environment.getProperty("spring.datasource.url", "?"));
    }

    /** Keeps the scheme, host and database; drops parameters, which may carry user and password. */
    static String withoutSecrets(String jdbcUrl) {
        String url = jdbcUrl;
        int cut = url.length();
        for (char c : new char[]{'?', ';'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        url = url.substring(0, cut);
        return url.replaceAll("//[^/@]*@", "//");
    }
}
