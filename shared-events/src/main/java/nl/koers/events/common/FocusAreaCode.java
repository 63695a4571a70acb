package nl.koers.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** One of the NPLV focus areas, {@code FA01} … {@code FA20}. */
public record FocusAreaCode(@JsonValue String value) {
    private static final Pattern FORMAT = Pattern.compile("FA\\d{2}");

    @JsonCreator
    public FocusAreaCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a focus area code (FA + 2 digits)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
