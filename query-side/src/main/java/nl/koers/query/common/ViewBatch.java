package nl.koers.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import nl.koers.platform.mongo.NotWaitingForDisk;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The view writes of one processor batch (one Axon unit of work), held back and sent when the batch commits,
 * before its token is stored: per document only the last version (or, for field updates, the combined fields),
 * as one ordered bulk write per collection. Reads in the batch see the batch's own writes. This turns a few
 * MongoDB round trips per event into a few per batch. Collections are flushed by rank: scope entries (rank 0)
 * before the states they were derived from (rank 1), so a crash in between is repaired by redelivery. Outside a
 * unit of work (plain tests) every write goes out at once.
 * <p>
 * A pooled streaming processor stores its token in the first prepare-commit handler of the batch, registered
 * before any event is handled; so the views of a processor batch are flushed by {@link #flushAtLastEvent()}, an
 * interceptor that runs after the batch's last event, and a crash can never leave a token ahead of its view.
 * The batch's writes do not wait for the disk ({@code j: false}), nor does the token stored next: both reach the
 * disk with the next durable write or the store's own commit within a second, in the order they were written, so a
 * token on disk always has its batch's views on disk too. Were the process to die first, the batch is delivered
 * again and the handlers, idempotent by version, write the same documents again.
 */
public final class ViewBatch {
    private static final String RESOURCE = "koers.view-batch";
    private static final Document ABSENT = new Document();
    /**
     * Ids asked for in one query when a batch's documents are read ahead. The in-process server compares every
     * document it finds with every id of the {@code $in} list, so a long list costs its square: 500 made a view
     * rebuild slower than one query per id.
     */
    private static final int READ_AHEAD_CHUNK = 64;
    private final boolean immediate;
    /** The unit of work the batch belongs to; null for an immediate one. */
    private final UnitOfWork<?> root;
    /** The aggregates (trajectories) whose events the batch holds, found when first read ahead. */
    private Set<String> aggregates;
    private final Map<MongoCollection<Document>, Map<String, Document>> documents = new HashMap<>();
    private final Map<MongoCollection<Document>, Pending> pending = new LinkedHashMap<>();
    private final List<Runnable> afterFlush = new ArrayList<>();
    private String revision;

    /** The writes held back for one collection, per document id in first-written order. */
    private record Pending(int rank, Map<String, Write> writes) {
    }

    /** A whole new version of a document, or fields to set and unset. */
    private static final class Write {
        Document replacement;
        final Document set = new Document();
        final Document unset = new Document();
        boolean upsert;

        WriteModel<Document> model(String id) {
            if (replacement != null) {
                return new ReplaceOneModel<>(Filters.eq("_id", id), replacement, new ReplaceOptions().upsert(true));
            }
            Document update = new Document();
            if (!set.isEmpty()) {
                update.append("$set", set);
            }
            if (!unset.isEmpty()) {
                update.append("$unset", unset);
            }
            return new UpdateOneModel<>(Filters.eq("_id", id), update, new UpdateOptions().upsert(upsert));
        }
    }

    private ViewBatch(UnitOfWork<?> root) {
        this.immediate = root == null;
        this.root = root;
    }

    /**
     * Handler interceptor for a view's processing group: sends the batch's writes once its last event is handled,
     * before the processor stores its token.
     */
    public static MessageHandlerInterceptor<EventMessage<?>> flushAtLastEvent() {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork.root() instanceof BatchingUnitOfWork<?> batching && batching.isLastMessage()) {
                ViewBatch batch = batching.getResource(RESOURCE);
                if (batch != null) {
                    batch.flush();
                }
            }
            return result;
        };
    }

    /** The batch of the unit of work in progress, flushed when it prepares to commit; or an immediate one. */
    public static ViewBatch current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new ViewBatch(null);
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(RESOURCE, key -> {
            ViewBatch batch = new ViewBatch(root);
            root.onPrepareCommit(unitOfWork -> batch.flush());
            return batch;
        });
    }

    /**
     * The document of {@code generation}'s collection being written, as this batch has it: written earlier in the
     * batch, or as stored. An id the generation certainly does not hold ({@link
     * ViewGenerations.GenerationalCollection#mayHold}: a rebuild's fresh generation that never had it) is not asked
     * for.
     * <p>
     * The first time the batch asks for a document of one of its own trajectories, it reads the documents of all
     * its trajectories in that collection at once, with one query per {@value #READ_AHEAD_CHUNK}: a replay batch
     * of a thousand events otherwise asked MongoDB a few hundred times. What a later read in the batch gets is the
     * same: a trajectory's documents are written by the one thread handling its events, and this batch's own
     * writes are only sent when it ends. Not during a rebuild, which knows the documents of its fresh generation
     * and asks only for those its handlers need: reading ahead there also fetched the documents of trajectories
     * whose events the view ignores, and the rebuild took longer.
     */
    Optional<Document> find(ViewGenerations.GenerationalCollection generation, String id) {
        MongoCollection<Document> collection = generation.forWriting();
        Map<String, Document> known = documents.computeIfAbsent(collection, c -> new HashMap<>());
        Document document = known.get(id);
        if (document == null) {
            if (!generation.mayHold(id)) {
                document = ABSENT;
            } else if (!generation.knowsItsDocuments() && aggregates().contains(id)) {
                readAhead(generation, known);
                document = known.get(id);
            } else {
                document = collection.find(Filters.eq("_id", id)).first();
            }
            document = document == null ? ABSENT : document;
            known.put(id, document);
        }
        return document == ABSENT ? Optional.empty() : Optional.of(document);
    }

    /** Reads the stored documents of every trajectory of the batch not known yet; the others are absent. */
    private void readAhead(ViewGenerations.GenerationalCollection generation, Map<String, Document> known) {
        List<String> wanted = new ArrayList<>();
        for (String aggregate : aggregates()) {
            if (known.putIfAbsent(aggregate, ABSENT) == null && generation.mayHold(aggregate)) {
                wanted.add(aggregate);
            }
        }
        MongoCollection<Document> collection = generation.forWriting();
        for (int from = 0; from < wanted.size(); from += READ_AHEAD_CHUNK) {
            List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + READ_AHEAD_CHUNK));
            for (Document stored : collection.find(Filters.in("_id", chunk))) {
                known.put(stored.getString("_id"), stored);
            }
        }
    }

    /** The aggregate ids of the batch's domain events (none outside a unit of work). */
    private Set<String> aggregates() {
        if (aggregates == null) {
            aggregates = new LinkedHashSet<>();
            List<? extends Message<?>> messages = root instanceof BatchingUnitOfWork<?> batching
                    ? batching.getMessages() : root == null ? List.of() : List.of(root.getMessage());
            for (Message<?> message : messages) {
                if (message instanceof DomainEventMessage<?> event) {
                    aggregates.add(event.getAggregateIdentifier());
                }
            }
        }
        return aggregates;
    }

    /** Stores a whole document (upsert); later reads in this batch see it. */
    void replace(MongoCollection<Document> collection, int rank, String id, Document document) {
        if (immediate) {
            collection.replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
            return;
        }
        documents.computeIfAbsent(collection, c -> new HashMap<>()).put(id, document);
        Write write = write(collection, rank, id);
        write.replacement = document;
    }

    /** Sets ({@code value} not null) or unsets one field of a document that is not read back in the batch. */
    void setField(MongoCollection<Document> collection, int rank, String id, String field, Object value) {
        if (immediate) {
            Document update = value == null ? new Document("$unset", new Document(field, ""))
                    : new Document("$set", new Document(field, value));
            collection.updateOne(Filters.eq("_id", id), update, new UpdateOptions().upsert(value != null));
            return;
        }
        Write write = write(collection, rank, id);
        if (value == null) {
            write.set.remove(field);
            write.unset.put(field, "");
        } else {
            write.unset.remove(field);
            write.set.put(field, value);
            write.upsert = true;
        }
    }

    /**
     * A value unique to this batch (random), for documents that mark which write changed them last: a reader that
     * keeps what it derived from such a document knows it is still current while the mark is the same, on any
     * replica. Random rather than taken from an event: a batch delivered again after a crash must not put back a
     * mark a reader may still hold for other content.
     */
    String revision() {
        if (revision == null || immediate) {
            revision = UUID.randomUUID().toString();
        }
        return revision;
    }

    private Write write(MongoCollection<Document> collection, int rank, String id) {
        return pending.computeIfAbsent(collection, c -> new Pending(rank, new LinkedHashMap<>())).writes()
                .computeIfAbsent(id, key -> new Write());
    }

    /** Runs once this batch's writes are stored (at once outside a unit of work). */
    public void afterFlush(Runnable action) {
        if (immediate) {
            action.run();
        } else {
            afterFlush.add(action);
        }
    }

    private void flush() {
        pending.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> e.getValue().rank()))
                .forEach(e -> {
                    List<WriteModel<Document>> models = new ArrayList<>();
                    e.getValue().writes().forEach((id, write) -> models.add(write.model(id)));
                    NotWaitingForDisk.of(e.getKey()).bulkWrite(models);
                });
        pending.clear();
        afterFlush.forEach(Runnable::run);
        afterFlush.clear();
    }
}
