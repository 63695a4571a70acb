package nl.koers.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * A CBS district (wijk) code of the 2024 area division, e.g. {@code WK059910}. CBS renumbers districts
 * between years, so the code is only meaningful together with {@link #YEAR}; whether it exists is checked
 * against the reference data, not here.
 */
public record CbsWijkCode(@JsonValue String value) {
    public static final int YEAR = 2024;
    private static final Pattern FORMAT = Pattern.compile("WK\\d{4}[0-9A-Z]{2}");

    @JsonCreator
    public CbsWijkCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a CBS wijk code (WK + 4 digits + 2 characters)");
        }
    }

    /** The municipality code (GMxxxx) this district belongs to. */
    public String gemeenteCode() {
        return "GM" + value.substring(2, 6);
    }

    @Override
    public String toString() {
        return value;
    }
}
