package nl.koers.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Pseudonymous id of a young person: the only way events refer to a youth. */
public record YouthId(@JsonValue String value) {

    @JsonCreator
    public YouthId {
        Ids.requireUuid(value, "youthId");
    }

    public static YouthId newId() {
        return new YouthId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
