package nl.koers.platform.testing;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDBC event store's table ({@code DomainEventEntry}) as tests see it: what was stored, exactly as stored
 * (not upcast), and a way to store an event as an older version of Koers did. The one place for its SQL.
 */
public final class EventTable {
    private static final String COLUMNS = "eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, "
            + "payloadType, payloadRevision, payload, metaData";
    private final DataSource dataSource;

    public EventTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One row: the payload and metadata as the JSON text they were stored as. */
    public record StoredEvent(String eventId, String aggregateId, long sequence, String aggregateType, String timestamp,
                              String payloadType, String payloadRevision, String payload, String metaData) {

        /** The payload type without its package, e.g. {@code ContactRecorded}. */
        public String simpleType() {
            return payloadType.substring(payloadType.lastIndexOf('.') + 1);
        }
    }

    /** How many events the store holds, of every aggregate. */
    public long count() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM DomainEventEntry");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event table", e);
        }
    }

    /** Every event of every aggregate. */
    public List<StoredEvent> all() {
        return query("SELECT " + COLUMNS + " FROM DomainEventEntry ORDER BY globalIndex", null);
    }

    /** The events of one aggregate, in sequence. */
    public List<StoredEvent> of(String aggregateId) {
        return query("SELECT " + COLUMNS + " FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "ORDER BY sequenceNumber", aggregateId);
    }

    /** The sequence numbers of one aggregate's events, in order. */
    public List<Long> sequences(String aggregateId) {
        return of(aggregateId).stream().map(StoredEvent::sequence).toList();
    }

    /** Stores {@code event} as it is, past the application (e.g. in a revision an older version wrote). */
    public void insert(StoredEvent event) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO DomainEventEntry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, event.eventId());
            insert.setString(2, event.aggregateId());
            insert.setLong(3, event.sequence());
            insert.setString(4, event.aggregateType());
            insert.setString(5, event.timestamp());
            insert.setString(6, event.payloadType());
            insert.setString(7, event.payloadRevision());
            insert.setBytes(8, bytes(event.payload()));
            insert.setBytes(9, bytes(event.metaData()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the event", e);
        }
    }

    private List<StoredEvent> query(String sql, String aggregateId) {
        List<StoredEvent> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (aggregateId != null) {
                statement.setString(1, aggregateId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new StoredEvent(rows.getString(1), rows.getString(2), rows.getLong(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            text(rows.getBytes(8)), text(rows.getBytes(9))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event table", e);
        }
        return events;
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
