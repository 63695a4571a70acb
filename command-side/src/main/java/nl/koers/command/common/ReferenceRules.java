package nl.koers.command.common;

import nl.koers.events.common.CbsWijkCode;
import nl.koers.events.common.CommandRefused;
import nl.koers.events.reference.Catalogue;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.reference.Wijk;
import nl.koers.platform.web.FieldChecks;

import java.util.Optional;

/**
 * Codes that must exist in the reference data: a district (CBS 2024 wijk of the programme) and catalogue codes.
 * Each rule twice, with one meaning and one message: on the request, collected with the other field problems
 * (400 before 403), and in the aggregate, for any other sender.
 */
public final class ReferenceRules {
    public static final String NEIGHBOURHOOD = "neighbourhood";

    private ReferenceRules() {
    }

    /** The request's district, or empty with a field problem. */
    public static Optional<Wijk> wijk(FieldChecks checks, String code) {
        if (!checks.required(NEIGHBOURHOOD, code)) {
            return Optional.empty();
        }
        Optional<Wijk> wijk = ReferenceData.get().wijk(code);
        checks.check(wijk.isPresent(), NEIGHBOURHOOD, ReferenceData.NOT_A_PROGRAMME_WIJK);
        return wijk;
    }

    /** The command's district; refused when unknown. */
    public static Wijk wijk(CbsWijkCode code) {
        return ReferenceData.get().wijk(code)
                .orElseThrow(() -> CommandRefused.invalid(NEIGHBOURHOOD, ReferenceData.NOT_A_PROGRAMME_WIJK));
    }

    /** Adds a field problem unless {@code code} is given and in {@code catalogue}. */
    public static void inCatalogue(FieldChecks checks, String field, Catalogue catalogue, String code) {
        if (checks.required(field, code)) {
            checks.check(catalogue.contains(code), field, catalogue.notInCatalogue());
        }
    }

    /** Refuses the command unless {@code code} is given and in {@code catalogue}. */
    public static void inCatalogue(String field, Catalogue catalogue, String code) {
        if (code == null || code.isBlank()) {
            throw CommandRefused.invalid(field, "is required");
        }
        if (!catalogue.contains(code)) {
            throw CommandRefused.invalid(field, catalogue.notInCatalogue());
        }
    }
}
