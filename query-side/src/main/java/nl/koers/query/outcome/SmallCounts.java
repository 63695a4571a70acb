package nl.koers.query.outcome;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Statistical disclosure control for published counts (see {@code package-info}).
 * <ol>
 * <li>Primary: a count from 1 to 4 is shown as {@code "<5"}; 0 and 5 or more are shown.</li>
 * <li>Secondary: in a group of cells that add up to a published total, the total is withheld
 * ({@code count: null, suppressed: true}) as soon as any cell is suppressed. Withholding only when exactly one
 * cell is suppressed would not do: two suppressed cells with a known sum of 2 (or 8) are each 1 (or 4).</li>
 * <li>A share is shown only when both its count and its denominator are shown, so no share reveals a
 * withheld count.</li>
 * </ol>
 */
final class SmallCounts {
    static final int THRESHOLD = 5;
    static final String BELOW_THRESHOLD = "<5";

    private SmallCounts() {
    }

    enum Visibility { SHOWN, BELOW_THRESHOLD, WITHHELD }

    /** A count and how it may be published. */
    static final class Count {
        final long value;
        Visibility visibility;

        private Count(long value, Visibility visibility) {
            this.value = value;
            this.visibility = visibility;
        }

        boolean shown() {
            return visibility == Visibility.SHOWN;
        }
    }

    static Count count(long value) {
        return new Count(value, value >= 1 && value < THRESHOLD ? Visibility.BELOW_THRESHOLD : Visibility.SHOWN);
    }

    /** Withholds a shown total when one of the cells adding up to it is not shown. */
    static void protect(Count total, Collection<Count> cells) {
        if (total.shown() && cells.stream().anyMatch(cell -> !cell.shown())) {
            total.visibility = Visibility.WITHHELD;
        }
    }

    /** {@code {count}}. */
    static Map<String, Object> render(Count count) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (count.visibility) {
            case SHOWN -> out.put("count", count.value);
            case BELOW_THRESHOLD -> out.put("count", BELOW_THRESHOLD);
            case WITHHELD -> {
                out.put("count", null);
                out.put("suppressed", true);
            }
        }
        return out;
    }

    /** {@code {count, share}}, the share of {@code denominator} rounded to three decimals. */
    static Map<String, Object> render(Count count, Count denominator) {
        Map<String, Object> out = render(count);
        boolean shareShown = count.shown() && denominator.shown() && denominator.value > 0;
        out.put("share", shareShown ? Math.round(1000.0 * count.value / denominator.value) / 1000.0 : null);
        return out;
    }
}
