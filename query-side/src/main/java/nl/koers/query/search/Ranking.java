package nl.koers.query.search;

import java.util.List;

/**
 * How well a case matches a search, 0 for not at all. For a name every word typed must match a word of the youth's
 * names; each counts by how it matches, an exact word before the start of a word before a part of one, the family
 * name before the given name, and the best match comes first. A birth date or BSN matches exactly or not.
 */
final class Ranking {
    private static final int EXACT = 3;
    private static final int PREFIX = 2;
    private static final int PART = 1;

    private Ranking() {
    }

    /** {@code bsnHash}: the keyed hash of the BSN searched for ({@code null} for other searches). */
    static int score(SearchQuery query, IndexedCase c, String bsnHash) {
        return switch (query.kind()) {
            case BSN -> bsnHash.equals(c.bsnHash()) ? 1 : 0;
            case BIRTH_DATE -> query.birthDate().equals(c.birthDate()) ? 1 : 0;
            case NAME -> nameScore(query.words(), c);
        };
    }

    private static int nameScore(List<String> words, IndexedCase c) {
        int total = 0;
        for (String word : words) {
            // family name first: each kind of match in the family name outranks the same in the given name
            int best = Math.max(2 * match(word, c.familyName()), 2 * match(word, c.givenName()) - 1);
            if (best <= 0) {
                return 0;
            }
            total += best;
        }
        return total;
    }

    private static int match(String word, List<String> tokens) {
        int best = 0;
        for (String token : tokens) {
            if (token.equals(word)) {
                return EXACT;
            }
            if (token.startsWith(word)) {
                best = Math.max(best, PREFIX);
            } else if (token.contains(word)) {
                best = Math.max(best, PART);
            }
        }
        return best;
    }
}
