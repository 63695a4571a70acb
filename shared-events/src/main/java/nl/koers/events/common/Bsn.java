package nl.koers.events.common;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A burgerservicenummer: nine digits that pass the eleven test (elfproef). Personal data: it never appears in
 * clear in an event (it is sealed) nor in a log line ({@link #toString()} hides it).
 */
public record Bsn(String value) {
    private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");
    private static final String ZEROS = "000000000";

    public Bsn {
        if (!valid(value)) {
            throw new IllegalArgumentException("not a valid BSN (9 digits, eleven test)");
        }
    }

    /** Whether {@code candidate} (surrounding blanks ignored) is nine digits that pass the eleven test. */
    public static boolean valid(String candidate) {
        if (candidate == null || !NINE_DIGITS.matcher(candidate.trim()).matches()) {
            return false;
        }
        String digits = candidate.trim();
        return !digits.equals(ZEROS) && (weightedSum(digits) - digit(digits, 8)) % 11 == 0;
    }

    /** The BSN in {@code candidate}, surrounding blanks removed. */
    public static Bsn of(String candidate) {
        return new Bsn(candidate == null ? null : candidate.trim());
    }

    /**
     * The BSN that starts with these eight digits, or empty when no ninth digit passes the eleven test (for
     * generated test data; a real BSN is never made up).
     */
    public static Optional<Bsn> completing(String firstEight) {
        int check = weightedSum(firstEight) % 11;
        String digits = firstEight + check;
        return check < 10 && valid(digits) ? Optional.of(new Bsn(digits)) : Optional.empty();
    }

    /** 9 × the first digit + 8 × the second … + 2 × the eighth. */
    private static int weightedSum(String digits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * digit(digits, i);
        }
        return sum;
    }

    private static int digit(String digits, int index) {
        return digits.charAt(index) - '0';
    }

    @Override
    public String toString() {
        return "Bsn[hidden]";
    }
}
