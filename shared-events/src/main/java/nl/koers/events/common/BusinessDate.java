package nl.koers.events.common;

import java.time.LocalDate;

/**
 * One business date of a command, named as the request field that carries it (so a refusal points at that
 * field). An optional date may be absent; a required one may not.
 */
public record BusinessDate(String field, LocalDate date, boolean required) {

    public static BusinessDate of(String field, LocalDate date) {
        return new BusinessDate(field, date, true);
    }

    public static BusinessDate optional(String field, LocalDate date) {
        return new BusinessDate(field, date, false);
    }
}
