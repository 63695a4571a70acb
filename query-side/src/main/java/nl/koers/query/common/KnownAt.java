package nl.koers.query.common;

import nl.koers.events.common.BusinessCalendar;
import nl.koers.platform.web.ApiProblem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The moment a "what did we know then" read looks back to ({@code ?knownAt=}): an instant, or a date meaning the
 * end of that day in the business calendar (Europe/Amsterdam), the form a person types. Answers say which instant
 * was used.
 */
public final class KnownAt {
    public static final String PARAMETER = "knownAt";
    static final String FORMATS = "a date (YYYY-MM-DD, meaning the end of that day, Europe/Amsterdam) or an instant "
            + "(ISO-8601 UTC, e.g. 2026-03-01T12:00:00Z)";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private KnownAt() {
    }

    /** {@code null} for none; 400 naming both accepted forms for anything else. */
    public static Instant parse(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        try {
            if (DATE.matcher(text).matches()) {
                return endOf(LocalDate.parse(text));
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(PARAMETER, "not a valid moment; give " + FORMATS);
        }
    }

    /** The last instant of a business day: everything recorded on that day in Amsterdam is at or before it. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(BusinessCalendar.ZONE).toInstant().minusNanos(1);
    }
}
