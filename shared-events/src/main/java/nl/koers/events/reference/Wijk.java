package nl.koers.events.reference;

import nl.koers.events.common.CbsWijkCode;
import nl.koers.events.common.FocusAreaCode;

/** A CBS 2024 district with its municipality, population and (if any) the focus area that covers it. */
public record Wijk(CbsWijkCode code, String name, String gemeenteCode, String gemeenteName, int inhabitants,
                   FocusAreaCode focusArea) {
}
