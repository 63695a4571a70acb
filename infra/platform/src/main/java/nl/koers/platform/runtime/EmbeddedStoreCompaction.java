package nl.koers.platform.runtime;

import nl.koers.platform.files.MvStoreCompaction;
import nl.koers.platform.mongo.MongoConfiguration.MongoEndpoint;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Compacts the files of the embedded stores while Koers runs (every few seconds, a short slice for each file whose
 * chunks are mostly dead pages: see {@link MvStoreCompaction}) and once more at shutdown, after the event
 * processors have stopped and before the stores close; the periodic slices wait while a {@link CompactionHold} says
 * so. Nothing to do with PostgreSQL, Axon Server or an external MongoDB.
 */
@Component
public class EmbeddedStoreCompaction implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreCompaction.class);
    /** A slice of at most a few hundred milliseconds every 5 s holds the store for a few percent of the time. */
    private static final int SLICE_EVERY_SECONDS = 5;
    private final MongoEndpoint mongo;
    private final MvStoreCompaction events;
    private final ObjectProvider<CompactionHold> holds;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "store-compaction");
        thread.setDaemon(true);
        return thread;
    });

    // Optional, not ObjectProvider: a real dependency, so this bean is destroyed before the data source.
    public EmbeddedStoreCompaction(MongoEndpoint mongo, Optional<DataSource> dataSource,
                                   ObjectProvider<CompactionHold> holds) {
        this.mongo = mongo;
        this.holds = holds;
        this.events = h2FileStore(dataSource.orElse(null));
        timer.scheduleWithFixedDelay(this::compactIfSparse, SLICE_EVERY_SECONDS, SLICE_EVERY_SECONDS,
                TimeUnit.SECONDS);
    }

    private void compactIfSparse() {
        if (holds.stream().anyMatch(CompactionHold::holdsCompaction)) {
            log.debug("Compaction waits: a compaction hold is in force");
            return;
        }
        try {
            if (events != null) {
                events.compactIfSparse();
            }
            mongo.compactIfSparse();
        } catch (RuntimeException e) {
            log.warn("Compacting the embedded stores failed; retrying in {} s", SLICE_EVERY_SECONDS, e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        // not shutdownNow: an interrupt during a slice's file I/O closes the store's file channel under it
        timer.shutdown();
        timer.awaitTermination(10, TimeUnit.SECONDS);
        if (events != null) {
            events.compactNow();
        }
    }

    /** The MVStore behind an H2 file database, or null for any other database. */
    private static MvStoreCompaction h2FileStore(DataSource dataSource) {
        if (dataSource == null) {
            return null;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !connection.getMetaData().getURL().startsWith("jdbc:h2:file:")) {
                return null;
            }
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            return new MvStoreCompaction("event store", session.getDatabase().getStore().getMvStore());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the event store", e);
        }
    }
}
