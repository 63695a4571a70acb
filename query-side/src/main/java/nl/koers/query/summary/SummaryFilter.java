package nl.koers.query.summary;

import nl.koers.platform.security.KoersUser;

/**
 * What a list of trajectories is limited to; {@code null} means "any". Codes as in the reference data: a CBS 2024
 * wijk, a focus area, a municipality ({@code GMxxxx}), a phase name, a caseworker's user name ({@value #ME}: the
 * reader's own cases).
 */
public record SummaryFilter(String neighbourhood, String focusArea, String gemeente, String phase,
                            String caseworker) {
    public static final SummaryFilter ANY = new SummaryFilter(null, null, null, null, null);
    /** {@code caseworker=me}: the person reading. */
    public static final String ME = "me";

    /** With {@code caseworker=me} replaced by the reader's user name. */
    SummaryFilter forReader(KoersUser reader) {
        return ME.equals(caseworker)
                ? new SummaryFilter(neighbourhood, focusArea, gemeente, phase, reader.username()) : this;
    }
}
