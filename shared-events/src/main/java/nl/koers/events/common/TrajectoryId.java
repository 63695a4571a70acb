package nl.koers.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies one trajectory. Serialized as a bare string; Axon uses {@link #toString()} as aggregate id. */
public record TrajectoryId(@JsonValue String value) {

    @JsonCreator
    public TrajectoryId {
        Ids.requireUuid(value, "trajectoryId");
    }

    public static TrajectoryId newId() {
        return new TrajectoryId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
