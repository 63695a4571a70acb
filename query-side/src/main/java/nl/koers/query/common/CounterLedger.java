package nl.koers.query.common;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Counter documents read by {@code _id} (one per wijk, focus area, municipality or cohort) that stay exact under
 * redelivery: each remembers, per trajectory, the sequence number of the last event whose change it applied
 * ({@code applied.<trajectoryId>}), and an increment is made in the same atomic update only when the event is
 * newer. The ledger grows by one small entry per trajectory that ever counted in the document.
 */
public final class CounterLedger {
    static final String APPLIED = "applied";
    private final MongoCollection<Document> counters;

    public CounterLedger(MongoCollection<Document> counters) {
        this.counters = counters;
    }

    public MongoCollection<Document> collection() {
        return counters;
    }

    /** Increments each counter document by its delta, unless it has applied this trajectory's event already. */
    public void apply(String trajectoryId, long sequence, Map<String, Map<String, Long>> deltas) {
        String applied = APPLIED + "." + trajectoryId;
        deltas.forEach((counterId, paths) -> {
            if (paths.isEmpty()) {
                return;
            }
            List<Bson> updates = new ArrayList<>();
            paths.forEach((path, amount) -> updates.add(Updates.inc(path, amount)));
            updates.add(Updates.set(applied, sequence));
            Bson notYetApplied = Filters.and(Filters.eq("_id", counterId), Filters.not(Filters.gte(applied, sequence)));
            Bson update = Updates.combine(updates);
            try {
                counters.updateOne(notYetApplied, update, new UpdateOptions().upsert(true));
            } catch (MongoWriteException e) {
                if (!VersionedDocuments.isDuplicateKey(e)) {
                    throw e;
                }
                // The document exists: either it applied this event already (no match, so the upsert collided on
                // _id), or another trajectory created it at the same moment. Without upsert, the second case
                // applies now and the first stays a no-op.
                counters.updateOne(notYetApplied, update);
            }
        });
    }

    /** Reads counter documents without their ledger. */
    public static Bson withoutLedger() {
        return Projections.exclude(APPLIED);
    }
}
