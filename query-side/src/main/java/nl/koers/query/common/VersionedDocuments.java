package nl.koers.query.common;

import org.bson.Document;

import java.util.function.Consumer;

/**
 * One document per trajectory ({@code _id} = trajectory id) that remembers the sequence number of the last event
 * it applied in {@code version}; an event that is not newer changes nothing, so a redelivered event (retry, crash
 * between view write and token update, replay from an older token) is a no-op.
 * <p>
 * Every read and write selects by {@code _id} alone (a value or {@code $in}): the embedded MongoDB server uses its
 * primary-key index only for such filters (one more condition and it scans the collection). Checking the version
 * and writing are two steps, which is safe because one trajectory's events are handled by one thread at a time
 * (sequencing per aggregate). Writes go out with the processor batch ({@link ViewBatch}), one per document and batch.
 */
public final class VersionedDocuments extends ViewCollection {
    public static final String VERSION = "version";
    /** Flushed after scope entries: a state is never stored ahead of what was derived from it. */
    static final int RANK = 1;

    public VersionedDocuments(ViewGenerations.GenerationalCollection collection) {
        super(collection, RANK);
    }

    /** The document as the current batch has it, or {@code null}. */
    public Document find(String id) {
        return ViewBatch.current().find(generation(), id).orElse(null);
    }

    /** Stores the first version of a document, made by the event with {@code sequence}, unless there is one. */
    public void insertFirst(String id, long sequence, Document document) {
        if (find(id) == null) {
            store(id, sequence, document);
        }
    }

    /** Changes a copy of the document and stores it, unless it is absent or has seen the event already. */
    public void changeIfNew(String id, long sequence, Consumer<Document> change) {
        Document current = find(id);
        if (current == null || applied(current, sequence)) {
            return;
        }
        Document next = new Document(current);
        change.accept(next);
        store(id, sequence, next);
    }

    /** Stores {@code document} as the version after {@code sequence}; the caller checked it is newer. */
    public void store(String id, long sequence, Document document) {
        generation().wrote(id);
        ViewBatch.current().replace(collection(), rank(), id, document.append("_id", id).append(VERSION, sequence));
    }

    /** Whether the document has applied the event with this sequence number (or a later one). */
    public static boolean applied(Document document, long sequence) {
        return document != null && document.get(VERSION, Number.class).longValue() >= sequence;
    }
}
