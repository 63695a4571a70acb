package nl.koers.platform.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

/**
 * In {@code axon-server} mode, checks before anything else starts that at least one configured Axon Server
 * accepts connections. The connector itself would retry forever in the background; an operator needs one clear
 * line and a process that stops instead.
 */
public class AxonServerReachability implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
    private static final Logger log = LoggerFactory.getLogger(AxonServerReachability.class);
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(15);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var env = event.getEnvironment();
        if (!KoersEnvironmentPostProcessor.AXON_SERVER.equals(env.getProperty("koers.event-store"))) {
            return;
        }
        String servers = env.getProperty("axon.axonserver.servers", "localhost:8124");
        Instant deadline = Instant.now().plus(GIVE_UP_AFTER);
        while (Instant.now().isBefore(deadline)) {
            for (String server : servers.split(",")) {
                if (reachable(server.trim())) {
                    return;
                }
            }
            sleep();
        }
        String message = "Axon Server not reachable at " + servers + " (koers.event-store=axon-server): set "
                + "axon.axonserver.servers=host:port to a running Axon Server, or koers.event-store=jdbc with "
                + "spring.datasource.url for the JDBC event store";
        log.error(message);
        throw new AxonServerUnreachable(message);
    }

    private static boolean reachable(String server) {
        String host = server;
        int port = 8124;
        int colon = server.lastIndexOf(':');
        if (colon > 0) {
            host = server.substring(0, colon);
            port = Integer.parseInt(server.substring(colon + 1));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Start-up stops with this; the message says what to configure. */
    public static class AxonServerUnreachable extends RuntimeException {
        AxonServerUnreachable(String message) {
            super(message, null, false, false);
        }
    }
}
