package nl.koers.events.reference;

/**
 * The configurable catalogues that command fields draw their codes from ({@code catalogues.csv}); the one place
 * for their names, the membership check and the message when a code is not in one.
 */
public enum Catalogue {
    INTERVENTION_TYPES("intervention-types"),
    CONTACT_KINDS("contact-kinds"),
    POLICE_CONTACT_KINDS("police-contact-kinds");

    private final String fileName;

    Catalogue(String fileName) {
        this.fileName = fileName;
    }

    /** The name in {@code catalogues.csv}. */
    public String fileName() {
        return fileName;
    }

    public boolean contains(String code) {
        return ReferenceData.get().inCatalogue(fileName, code);
    }

    /** The field problem when a code is not in this catalogue. */
    public String notInCatalogue() {
        return "is not in the catalogue " + fileName;
    }
}
