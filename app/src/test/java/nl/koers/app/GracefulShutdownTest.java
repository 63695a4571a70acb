package nl.koers.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -TERM} stops Koers in order: the event processors first, then the event store, then MongoDB. H2's
 * own shutdown hook used to close the event store while the processors still read from it, which filled the log
 * with "Database is already closed" errors.
 */
class GracefulShutdownTest {

    @TempDir
    Path dir;

    @Test
    void sigtermWhileProjectingLogsNoError() throws Exception {
        Path log = dir.resolve("child.log");
        ChildKoers koers = ChildKoers.start(dir, log);
        AtomicBoolean stopping = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            for (int i = 0; !stopping.get() && i < 200; i++) {
                try {
                    koers.api.open("jeugdwerker", "WK059912", "Stop" + i, "Demo-Afsluiten",
                            "2010-0" + (1 + i % 9) + "-1" + (i % 10));
                } catch (IllegalStateException refusedWhileStopping) {
                    return;
                }
            }
        });
        try {
            for (int i = 0; i < 10; i++) {
                assertThat(koers.api.open("jeugdwerker", "WK059912", "Kind" + i, "Demo-Afsluiten",
                        "2011-0" + (1 + i % 9) + "-2" + (i % 10)).status()).isEqualTo(201);
            }
            writer.start();
            Thread.sleep(500);
        } finally {
            stopping.set(true);
            koers.terminate();
            writer.join();
        }

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty();
        assertThat(lines).noneMatch(line -> line.contains(" ERROR ") || line.contains("already closed"));
    }
}
