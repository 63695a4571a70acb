package nl.koers.app;

import nl.koers.platform.config.AxonServerReachability.AxonServerUnreachable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** In axon-server mode without a reachable Axon Server, start-up stops (it never hangs) and says what to set. */
class AxonServerModeTest {

    @Test
    void startUpFailsWithAClearMessageWhenNoAxonServerAnswers() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String servers = "127.0.0.1:" + closedPort;
        Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> catchThrowable(() ->
                new SpringApplicationBuilder(KoersApplication.class)
                        .properties("koers.event-store=axon-server", "axon.axonserver.servers=" + servers,
                                "koers.mongo.in-memory=true", "server.port=0", "koers.demo-data=false")
                        .run()));
        assertThat(failure).isInstanceOf(AxonServerUnreachable.class);
        assertThat(failure.getMessage()).contains(servers).contains("axon.axonserver.servers")
                .contains("koers.event-store=jdbc");
    }
}
