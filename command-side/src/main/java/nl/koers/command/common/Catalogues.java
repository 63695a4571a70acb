package nl.koers.command.common;

/** Names of the reference-data catalogues that command fields draw their codes from. */
public final class Catalogues {
    public static final String INTERVENTION_TYPES = "intervention-types";
    public static final String CONTACT_KINDS = "contact-kinds";
    public static final String POLICE_CONTACT_KINDS = "police-contact-kinds";

    private Catalogues() {
    }
}
