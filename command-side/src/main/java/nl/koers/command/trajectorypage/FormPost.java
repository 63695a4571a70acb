package nl.koers.command.trajectorypage;

import nl.koers.platform.web.FieldProblem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of one posted form, read as the API's request records need them. What a browser cannot send
 * wrong (a date picker's date, a select's value) is still checked: a malformed value becomes a field error,
 * never a guess ({@link Unreadable}). Error values are message keys of the pages ({@code tp.error.*}).
 */
final class FormPost {
    /** Fields that steer the post, not the recording. */
    static final String KEY = "idempotencyKey";
    static final String VERSION = "version";

    private final Map<String, String> fields;

    /**
     * A field the page cannot read (a malformed date, a value no select offers). Thrown before the API is called:
     * sending the rest would record an optional field as absent instead of as typed.
     */
    static final class Unreadable extends RuntimeException {
        final String field;
        final String errorKey;

        Unreadable(String field, String errorKey) {
            super(field + " cannot be read", null, false, false);
            this.field = field;
            this.errorKey = errorKey;
        }
    }

    FormPost(Map<String, String> fields) {
        this.fields = fields;
    }

    /** Trimmed text, {@code null} when empty. */
    String text(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Free text as typed (line breaks kept), {@code null} when empty. */
    String note(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    LocalDate date(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Unreadable(name, "tp.error.date");
        }
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new Unreadable(name, "tp.error.choice");
        }
    }

    /** The version the page was shown at; a form without one is refused like a malformed If-Match. */
    Long version() {
        String value = text(VERSION);
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The values to show again in the form: everything typed, not the steering fields. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>(fields);
        values.remove(KEY);
        values.remove(VERSION);
        values.remove("_csrf");
        return values;
    }

    /** The page's message key for a field problem of the API (its messages are English and fixed). */
    static String errorKey(FieldProblem problem) {
        String message = problem.message() == null ? "" : problem.message();
        if (message.equals("is required")) {
            return "tp.error.required";
        }
        if (message.equals("lies in the future")) {
            return "tp.error.future";
        }
        if (message.startsWith("is longer than")) {
            return "tp.error.tooLong";
        }
        if (message.startsWith("lies before")) {
            return "tp.error.tooEarly";
        }
        if (message.startsWith("contains control characters")) {
            return "tp.error.control";
        }
        if (message.startsWith("is not a user Koers knows") || message.equals("is not a youth worker")) {
            return "tp.error.caseworker";
        }
        if (message.startsWith("is not in the catalogue") || message.startsWith("not a valid")) {
            return "tp.error.choice";
        }
        return "tp.error.invalid";
    }
}
