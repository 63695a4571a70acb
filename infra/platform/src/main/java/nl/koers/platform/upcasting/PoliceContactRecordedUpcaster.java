package nl.koers.platform.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.koers.events.contact.PoliceContactRecorded;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * {@link PoliceContactRecorded} revision 1 → 2: the business date was called {@code on} and is now
 * {@code contactOn}, like every other dated fact. Stored events are never rewritten; they are upcast on every read
 * (aggregate loading, projections, replays). A revision-1 document that already uses {@code contactOn} is only
 * relabelled.
 */
@Component
public class PoliceContactRecordedUpcaster extends SingleEventUpcaster {
    static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(PoliceContactRecorded.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(PoliceContactRecorded.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, PoliceContactRecordedUpcaster::renameDate);
    }

    private static JsonNode renameDate(JsonNode payload) {
        if (payload instanceof ObjectNode object && object.has("on") && !object.has("contactOn")) {
            JsonNode date = object.remove("on");
            object.set("contactOn", date);
        }
        return payload;
    }
}
