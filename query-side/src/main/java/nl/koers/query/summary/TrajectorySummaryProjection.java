package nl.koers.query.summary;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Events → one summary document per trajectory ({@code _id} = trajectory id). Each document remembers the
 * sequence number it has applied, and every update is conditional on being newer, so redelivery is a no-op.
 * Personal fields stay sealed here; they are opened only when a permitted user reads them.
 */
@Component
@ProcessingGroup("trajectory-summary")
public class TrajectorySummaryProjection {
    static final String COLLECTION = "view_trajectory_summary";
    private final MongoCollection<Document> summaries;

    public TrajectorySummaryProjection(@Qualifier("koers") MongoDatabase database) {
        this.summaries = database.getCollection(COLLECTION);
    }

    @EventHandler
    void on(TrajectoryOpened e, @SequenceNumber long sequence) {
        Document youth = new Document("givenName", e.youth().givenName().ciphertext())
                .append("familyName", e.youth().familyName().ciphertext())
                .append("birthDate", e.youth().birthDate().ciphertext());
        summaries.replaceOne(Filters.eq("_id", e.trajectoryId().value()),
                new Document("_id", e.trajectoryId().value())
                        .append("youthId", e.youthId().value())
                        .append("youth", youth)
                        .append("neighbourhood", e.neighbourhood().value())
                        .append("focusArea", e.focusArea() == null ? null : e.focusArea().value())
                        .append("gemeente", e.neighbourhood().gemeenteCode())
                        .append("phase", "PREVENTION")
                        .append("openedOn", e.openedOn().toString())
                        .append("caseworker", null)
                        .append("version", sequence),
                new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(TrajectoryClosed e, @SequenceNumber long sequence) {
        applyIfNew(e.trajectoryId().value(), sequence, Updates.combine(
                Updates.set("phase", "CLOSED"), Updates.set("closedOn", e.closedOn().toString())));
    }

    private void applyIfNew(String id, long sequence, org.bson.conversions.Bson update) {
        summaries.updateOne(Filters.and(Filters.eq("_id", id), Filters.lt("version", sequence)),
                Updates.combine(update, Updates.set("version", sequence)));
    }

    static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
