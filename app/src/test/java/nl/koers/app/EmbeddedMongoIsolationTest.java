package nl.koers.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Other processes on the machine cannot reach the in-process MongoDB: the Koers process listens on TCP for HTTP
 * only (MongoDB is on a Unix domain socket in an owner-only folder), and anonymous health shows the status and
 * nothing that would point to it.
 */
@EnabledOnOs(OS.LINUX)
class EmbeddedMongoIsolationTest {

    @TempDir
    Path dir;

    @Test
    void theProcessListensOnTcpForHttpOnlyAndHealthShowsOnlyTheStatus() throws Exception {
        try (ChildKoers koers = ChildKoers.start(dir, dir.resolve("child.log"))) {
            assertThat(listeningTcpPorts(koers.pid())).containsExactly(koers.port);

            var health = koers.api.get(null, "/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body().toString()).isEqualTo("{\"status\":\"UP\"}");
            // MongoDB works all the same: a trajectory is stored and read back
            var opened = koers.api.open("jeugdwerker", "WK059912", "Sanne", "Demo-Afgeschermd", "2010-04-05");
            assertThat(opened.status()).isEqualTo(201);
            assertThat(koers.api.awaitTrajectory("jeugdwerker", opened.body().get("trajectoryId").asText())
                    .status()).isEqualTo(200);
        }
    }

    /** The TCP ports on which the process has a listening socket (Linux /proc). */
    private static Set<Integer> listeningTcpPorts(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing
                }
            });
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", Long.toString(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] f = line.trim().split("\\s+");
                boolean listening = f[3].equals("0A");
                if (listening && inodes.contains(f[9])) {
                    ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }
}
