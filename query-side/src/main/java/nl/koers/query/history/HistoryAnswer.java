package nl.koers.query.history;

import nl.koers.query.common.PersonalFields;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the answer from a stored history: the entries recorded at or before {@code knownAt} (all when absent),
 * in order, with sealed values opened and each correction shown against the entry it corrects. Markers come only
 * from corrections that are themselves visible, so "what did we know then" shows no later correction.
 */
final class HistoryAnswer {
    private HistoryAnswer() {
    }

    static List<Map<String, Object>> entries(Document history, Instant knownAt, PersonalFields.Opener opener) {
        List<Document> stored = new ArrayList<>(history.getList("entries", Document.class));
        stored.sort(Comparator.comparingLong(e -> e.get("sequence", Number.class).longValue()));
        Map<String, Map<String, Object>> byEventId = new LinkedHashMap<>();
        for (Document entry : stored) {
            if (knownAt == null || !Instant.parse(entry.getString("recordedAt")).isAfter(knownAt)) {
                byEventId.put(entry.getString("eventId"), open(entry, opener));
            }
        }
        for (Map<String, Object> entry : byEventId.values()) {
            if ("EntryCorrected".equals(entry.get("type"))) {
                Map<String, Object> target = byEventId.get((String) entry.get("correctedEventId"));
                if (target != null) {
                    @SuppressWarnings("unchecked")
                    List<String> by = (List<String>) target.computeIfAbsent("correctedBy", k -> new ArrayList<>());
                    by.add((String) entry.get("eventId"));
                    if (entry.get("newOccurredOn") != null) {
                        target.put("correctedOccurredOn", entry.get("newOccurredOn"));
                    }
                }
            } else if ("EntryRetracted".equals(entry.get("type"))) {
                Map<String, Object> target = byEventId.get((String) entry.get("retractedEventId"));
                if (target != null) {
                    target.put("retracted", true);
                    target.put("retractedBy", entry.get("eventId"));
                }
            }
        }
        return new ArrayList<>(byEventId.values());
    }

    private static Map<String, Object> open(Document entry, PersonalFields.Opener opener) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("eventId", entry.getString("eventId"));
        out.put("sequence", entry.get("sequence"));
        out.put("type", entry.getString("type"));
        out.put("occurredOn", entry.getString("occurredOn"));
        out.put("recordedAt", entry.getString("recordedAt"));
        out.put("recordedBy", entry.getString("recordedBy"));
        Document fields = entry.get("fields", Document.class);
        if (fields != null) {
            out.putAll(fields);
        }
        Document sealed = entry.get("sealed", Document.class);
        if (sealed != null) {
            sealed.forEach((name, ciphertext) -> out.put(name, opener.open((String) ciphertext)));
        }
        return out;
    }
}
