package nl.koers.query.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.events.common.EncryptedValue;
import nl.koers.events.common.SealedYouth;
import nl.koers.events.common.TrajectoryEvent;
import nl.koers.platform.axon.AxonConfiguration;
import org.bson.Document;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns any trajectory event into a history entry, so an event the write side adds later shows up without code
 * here: the envelope (event id, type, business date, recorded time and recorder) plus the event's own fields.
 * Sealed values ({@link EncryptedValue}) stay sealed in a separate {@code sealed} part and are opened only when
 * a permitted reader asks; the youth's identity ({@link SealedYouth}) belongs to the summary, not the history.
 */
final class HistoryEntries {
    static final Set<String> ENVELOPE = Set.of("eventId", "sequence", "type", "occurredOn", "recordedAt",
            "recordedBy", "correctedBy", "correctedOccurredOn", "retracted", "retractedBy");
    private static final Set<String> LEFT_OUT = Set.of("trajectoryId", "recordedBy");
    private static final ObjectMapper MAPPER = AxonConfiguration.messageObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private HistoryEntries() {
    }

    static Document entry(TrajectoryEvent event, String eventId, long sequence, Instant recordedAt) {
        Map<String, Object> json = MAPPER.convertValue(event, MAP);
        Document fields = new Document();
        Document sealed = new Document();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            String name = component.getName();
            Class<?> type = component.getType();
            if (LEFT_OUT.contains(name) || type == SealedYouth.class) {
                continue;
            }
            Object value = json.get(name);
            if (type == EncryptedValue.class) {
                if (value != null) {
                    sealed.append(name, value);
                }
            } else {
                fields.append(ENVELOPE.contains(name) ? featureOf(event) + capitalize(name) : name, value);
            }
        }
        return new Document("eventId", eventId)
                .append("sequence", sequence)
                .append("type", event.getClass().getSimpleName())
                .append("occurredOn", event.occurredOn() == null ? null : event.occurredOn().toString())
                .append("recordedAt", recordedAt.toString())
                .append("recordedBy", event.recordedBy())
                .append("fields", fields)
                .append("sealed", sealed);
    }

    /** {@code nl.koers.events.detention.DetentionStarted} → {@code detention}: prefixes a field that collides. */
    private static String featureOf(TrajectoryEvent event) {
        String packageName = event.getClass().getPackageName();
        return packageName.substring(packageName.lastIndexOf('.') + 1);
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
