package nl.koers.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

public record InterventionId(@JsonValue String value) {

    @JsonCreator
    public InterventionId {
        Ids.requireUuid(value, "interventionId");
    }

    public static InterventionId newId() {
        return new InterventionId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
