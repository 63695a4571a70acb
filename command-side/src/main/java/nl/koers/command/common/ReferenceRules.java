package nl.koers.command.common;

import nl.koers.events.common.CbsWijkCode;
import nl.koers.events.common.CommandRefused;
import nl.koers.events.reference.Catalogue;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.reference.Wijk;

/**
 * Codes that must exist in the reference data, as the aggregate refuses them for any sender: a district (CBS 2024
 * wijk of the programme) and catalogue codes. {@link ReferenceChecks} checks the same codes on a request, with the
 * same messages, collected with the other field problems (400 before 403). Kept apart so that the aggregate's
 * rules never reach the web layer.
 */
public final class ReferenceRules {
    public static final String NEIGHBOURHOOD = "neighbourhood";

    private ReferenceRules() {
    }

    /** The command's district; refused when unknown. */
    public static Wijk wijk(CbsWijkCode code) {
        return ReferenceData.get().wijk(code)
                .orElseThrow(() -> CommandRefused.invalid(NEIGHBOURHOOD, ReferenceData.NOT_A_PROGRAMME_WIJK));
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
