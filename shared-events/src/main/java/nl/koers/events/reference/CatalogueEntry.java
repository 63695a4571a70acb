package nl.koers.events.reference;

/** One entry of a configurable catalogue (intervention types, contact kinds, police-contact kinds). */
public record CatalogueEntry(String code, String labelNl, String labelEn) {
}
