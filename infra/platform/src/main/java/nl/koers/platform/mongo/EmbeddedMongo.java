package nl.koers.platform.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The in-process MongoDB wire-protocol server of the embedded default, on a free port of 127.0.0.1 only. It
 * supports a subset of MongoDB: no transactions, change streams or non-unique indexes, which is why every view
 * is reached by {@code _id} and written idempotently.
 */
public final class EmbeddedMongo implements AutoCloseable {
    private final MongoServer server;
    private final InetSocketAddress address;
    private final String description;

    private EmbeddedMongo(MongoServer server, String description) {
        this.server = server;
        server.bind("127.0.0.1", 0);
        this.address = server.getLocalAddress();
        this.description = description;
    }

    /** File-backed: data survive a restart; every acknowledged write is on disk. */
    public static EmbeddedMongo fileBacked(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        return new EmbeddedMongo(new MongoServer(new DurableH2Backend(store)), "embedded, file " + file);
    }

    /** For tests that need no restart. */
    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new MongoServer(new MemoryBackend()), "embedded, in memory");
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    public String description() {
        return description + " (127.0.0.1:" + address.getPort() + ")";
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
