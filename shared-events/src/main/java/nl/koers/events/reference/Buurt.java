package nl.koers.events.reference;

import nl.koers.events.common.CbsWijkCode;

/** A CBS 2024 neighbourhood (buurt) inside a district. */
public record Buurt(String code, String name, CbsWijkCode wijk, String gemeenteCode, String gemeenteName) {
}
