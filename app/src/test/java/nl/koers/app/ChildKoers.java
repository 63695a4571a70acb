package nl.koers.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Koers in a separate JVM on the test class path, so a test can kill it like an operator's {@code kill -9} or stop
 * it like {@code kill -TERM}. Its data folder is {@code dir/data}, its key folder {@code dir/keys}.
 */
final class ChildKoers implements AutoCloseable {
    private final Process process;
    final int port;
    final KoersApi api;

    private ChildKoers(Process process, int port) {
        this.process = process;
        this.port = port;
        this.api = new KoersApi("http://127.0.0.1:" + port);
    }

    static ChildKoers start(Path dir, Path log, String... extraArgs) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"),
                KoersApplication.class.getName(),
                "--server.port=" + port, "--koers.data-dir=" + dir.resolve("data"),
                "--koers.key-dir=" + dir.resolve("keys"), "--koers.demo-data=false",
                "--logging.level.root=WARN"));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ChildKoers child = new ChildKoers(process, port);
        child.awaitHealthy(Duration.ofSeconds(90));
        return child;
    }

    private void awaitHealthy(Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Koers exited during start-up with code " + process.exitValue());
            }
            try {
                if (api.get(null, "/actuator/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Koers did not become healthy within " + limit);
    }

    /** SIGKILL: no shutdown hooks, no flushing — what a power-cut-free crash looks like to the stores. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as an operator or a service manager stops Koers; returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
