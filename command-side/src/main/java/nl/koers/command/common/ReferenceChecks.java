package nl.koers.command.common;

import nl.koers.events.reference.Catalogue;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.reference.Wijk;
import nl.koers.platform.web.FieldChecks;

import java.util.Optional;

/** The rules of {@link ReferenceRules} on a request: collected as field problems, with the same messages. */
public final class ReferenceChecks {

    private ReferenceChecks() {
    }

    /** The request's district, or empty with a field problem. */
    public static Optional<Wijk> wijk(FieldChecks checks, String code) {
        if (!checks.required(ReferenceRules.NEIGHBOURHOOD, code)) {
            return Optional.empty();
        }
        Optional<Wijk> wijk = ReferenceData.get().wijk(code);
        checks.check(wijk.isPresent(), ReferenceRules.NEIGHBOURHOOD, ReferenceData.NOT_A_PROGRAMME_WIJK);
        return wijk;
    }

    /** Adds a field problem unless {@code code} is given and in {@code catalogue}. */
    public static void inCatalogue(FieldChecks checks, String field, Catalogue catalogue, String code) {
        if (checks.required(field, code)) {
            checks.check(catalogue.contains(code), field, catalogue.notInCatalogue());
        }
    }
}
