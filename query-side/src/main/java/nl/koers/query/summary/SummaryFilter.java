package nl.koers.query.summary;

/**
 * What a list of trajectories is limited to; {@code null} means "any". Codes as in the reference data: a CBS 2024
 * wijk, a focus area, a municipality ({@code GMxxxx}), a phase name, a caseworker's user name.
 */
public record SummaryFilter(String neighbourhood, String focusArea, String gemeente, String phase,
                            String caseworker) {
    public static final SummaryFilter ANY = new SummaryFilter(null, null, null, null, null);
}
