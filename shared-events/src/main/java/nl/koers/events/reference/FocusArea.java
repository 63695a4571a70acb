package nl.koers.events.reference;

import nl.koers.events.common.CbsWijkCode;
import nl.koers.events.common.FocusAreaCode;

import java.time.LocalDate;
import java.util.List;

/**
 * An NPLV focus area. Membership changes over time, so each area has validity dates; {@code mapping} says how
 * sure the district list is ({@code sourced}, {@code cbs-names} or {@code guess}).
 */
public record FocusArea(FocusAreaCode code, String name, String gemeenteCode, String gemeenteName,
                        List<CbsWijkCode> wijken, String mapping, LocalDate validFrom, LocalDate validUntil) {
}
