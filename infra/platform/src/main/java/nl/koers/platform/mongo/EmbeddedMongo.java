package nl.koers.platform.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import nl.koers.platform.files.MvStoreCompaction;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The in-process MongoDB wire-protocol server of the embedded default. It listens on a Unix domain socket in a
 * fresh folder that only the process owner may enter (0700), never on TCP, so no other user's process can read or
 * delete youth keys or access-log entries through it. It supports a subset of MongoDB: no transactions, change
 * streams or non-unique indexes, which is why every view is reached by {@code _id} and written idempotently.
 */
public final class EmbeddedMongo implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    /**
     * How long the file keeps a chunk that later commits replaced before writing over it: the replacing chunks must be
     * on the disk by then, or a power cut could leave neither. MVStore's default, 45 s, trusts the operating system's
     * write-back (up to 30 s on Linux); at a few hundred durable writes a second (access-log appends) the file then
     * held gigabytes of dead chunks. Koers syncs the file every second instead, and keeps old chunks for five.
     */
    static final int RETENTION_MILLIS = 5_000;
    /**
     * How often the file is committed and synced: writes that did not wait for the disk ({@code j: false}: views,
     * tokens) are stored by then even when no durable write follows, so a crash of an idle process takes back at
     * most this much of the processors' work, which they then do again.
     */
    static final int SYNC_MILLIS = 1_000;
    /**
     * Documents per B-tree page when a page is split. MVStore splits a page only when a key is inserted, never when
     * a value is replaced, so documents that grow by updates (a wijk's caseload document gains an entry per
     * trajectory) stay in the page they were inserted into: with MVStore's 48 keys per page, 1 000 000 events left
     * the caseload's 90 wijk documents in five pages of 13-26 documents, 1.9-3.9 MB each, and every read of one
     * decoded all of its page (60-300 ms). At most 8 per page bounds what a read decodes; the trees get a level or
     * two deeper.
     */
    static final int KEYS_PER_PAGE = 8;
    /**
     * Segments of the page cache (MVStore's default 16). A page larger than one segment (the cache size divided by
     * the segments: 1 MB of the default 16 MB) is never cached, so the pages above were decoded again at every read;
     * with 4 segments a page of up to 4 MB stays.
     */
    static final int CACHE_SEGMENTS = 4;
    private final DomainSocketMongoServer server;
    private final MvStoreCompaction compaction;
    private final ScheduledExecutorService fileSync;
    private final Path socketDir;
    private final Path socket;
    private final String description;

    private EmbeddedMongo(MongoBackend backend, MVStore file, String description, int syncMillis) {
        this.socketDir = privateFolder();
        this.socket = socketDir.resolve("mongodb.sock");
        this.server = new DomainSocketMongoServer(backend, socket);
        this.description = description;
        if (file == null) {
            this.compaction = null;
            this.fileSync = null;
        } else {
            this.compaction = new MvStoreCompaction("MongoDB file " + file.getFileStore().getFileName(), file);
            file.setRetentionTime(RETENTION_MILLIS);
            this.fileSync = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "mongo-file-sync");
                thread.setDaemon(true);
                return thread;
            });
            fileSync.scheduleWithFixedDelay(() -> commitAndSync(file), syncMillis, syncMillis, TimeUnit.MILLISECONDS);
        }
    }

    private static void commitAndSync(MVStore file) {
        try {
            if (!file.isClosed()) {
                if (file.hasUnsavedChanges()) {
                    file.commit();
                }
                file.sync();
            }
        } catch (RuntimeException e) {
            log.warn("Committing or syncing the MongoDB file failed; trying again at the next interval", e);
        }
    }

    /** File-backed: data survive a restart; every acknowledged write is on disk. */
    public static EmbeddedMongo fileBacked(Path file) {
        return fileBacked(file, SYNC_MILLIS);
    }

    /** With another interval for committing and syncing (tests that look at the file between two). */
    static EmbeddedMongo fileBacked(Path file, int syncMillis) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().keysPerPage(KEYS_PER_PAGE)
                .cacheConcurrency(CACHE_SEGMENTS).open();
        return new EmbeddedMongo(new DurableH2Backend(store), store, "embedded, file " + file, syncMillis);
    }

    /** For tests that need no restart. */
    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new UnsizedMemoryBackend(), null, "embedded, in memory", 0);
    }

    /** For the MongoDB driver: the socket's path, URL-encoded as the host (the driver needs jnr-unixsocket). */
    public String connectionString() {
        return "mongodb://" + URLEncoder.encode(socket.toString(), StandardCharsets.UTF_8);
    }

    public String description() {
        return description + " (Unix domain socket)";
    }

    /** A slice of compaction when the file's chunks are mostly dead pages ({@link MvStoreCompaction}); else nothing. */
    public void compactIfSparse() {
        if (compaction != null) {
            compaction.compactIfSparse();
        }
    }

    @Override
    public void close() {
        server.stop();
        if (fileSync != null) {
            // not shutdownNow: an interrupt during a sync closes the file channel, and the compaction below needs it
            fileSync.shutdown();
            try {
                fileSync.awaitTermination(SYNC_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (compaction != null) {
            compaction.compactNow();
        }
        server.backend().close();
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(socketDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path privateFolder() {
        try {
            // Short on purpose: a socket path may not be longer than about 100 bytes.
            return Files.createTempDirectory("koers-mongo-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            throw new IllegalStateException("the in-process MongoDB needs a POSIX file system for its private "
                    + "socket folder; set koers.mongo.uri to a MongoDB server instead", notPosix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for the in-process MongoDB's socket", e);
        }
    }
}
