package nl.koers.events.common;

import java.util.UUID;

final class Ids {
    private Ids() {
    }

    static void requireUuid(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        try {
            UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a valid id");
        }
        if (value.length() != 36) {
            throw new IllegalArgumentException(name + " is not a valid id");
        }
    }
}
