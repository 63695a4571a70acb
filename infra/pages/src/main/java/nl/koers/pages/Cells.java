package nl.koers.pages;

import java.util.Collection;

/**
 * Cells of published figures as the JSON API gives them: a number, {@code "<5"} (a count from 1 to 4) or
 * {@code null} (withheld: it would reveal a small count). Pages and CSV downloads show them as they are; sums
 * over cells are only published when no suppressed cell hides in them.
 */
public final class Cells {
    public static final String BELOW_THRESHOLD = "<5";

    private Cells() {
    }

    public static boolean isNumber(Object cell) {
        return cell instanceof Number;
    }

    /**
     * The sum of cells, published by the same rule as the API's totals: exact when every cell is a number;
     * {@code "<5"} when a single suppressed cell stands among zeros (the sum is that cell); otherwise withheld.
     */
    public static Object sum(Collection<?> cells) {
        long sum = 0;
        int suppressed = 0;
        for (Object cell : cells) {
            if (cell instanceof Number n) {
                sum += n.longValue();
            } else {
                suppressed++;
            }
        }
        if (suppressed == 0) {
            return sum;
        }
        return suppressed == 1 && sum == 0 && cells.stream().noneMatch(c -> c == null) ? BELOW_THRESHOLD : null;
    }

    /** A cell as text: the number, {@code <5}, or {@code withheld} for a withheld one. */
    public static String text(Object cell, String withheld) {
        return cell == null ? withheld : String.valueOf(cell);
    }
}
