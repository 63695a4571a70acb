package nl.koers.platform.web;

import nl.koers.events.common.BusinessCalendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a request before answering, so a client sees all invalid fields at once.
 * {@link #throwIfAny()} raises a 400 with the list.
 */
public final class FieldChecks {
    private final List<FieldProblem> problems = new ArrayList<>();
    private final Clock clock;

    public FieldChecks(Clock clock) {
        this.clock = clock;
    }

    public boolean required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problems.add(new FieldProblem(field, "is required"));
            return false;
        }
        return true;
    }

    public void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "is longer than " + max + " characters"));
        }
    }

    /** Required, and not after today. */
    public boolean pastOrToday(String field, LocalDate date) {
        if (!required(field, date)) {
            return false;
        }
        if (date.isAfter(today())) {
            problems.add(new FieldProblem(field, "lies in the future"));
            return false;
        }
        return true;
    }

    public void check(boolean condition, String field, String message) {
        if (!condition) {
            problems.add(new FieldProblem(field, message));
        }
    }

    public void add(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }

    /** Today's business date ({@link BusinessCalendar}). */
    public LocalDate today() {
        return BusinessCalendar.today(clock);
    }
}
