package nl.koers.query.search;

import nl.koers.events.common.Bsn;
import nl.koers.platform.web.ApiProblem;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a person typed in the search box ({@code ?q=}), understood as one of three things: a birth date
 * ({@code 2010-05-01} or {@code 01-05-2010}), a BSN (nine digits, matched exactly) or (part of) a name. The text
 * itself is personal data: it is never logged, and no refusal repeats it.
 */
public record SearchQuery(Kind kind, List<String> words, LocalDate birthDate, String bsn) {
    public static final String PARAMETER = "q";
    static final int MAX_LENGTH = 200;
    static final String FORMATS = "give at least 2 letters of a given or family name, a birth date (YYYY-MM-DD or "
            + "DD-MM-YYYY) or a BSN (9 digits)";
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DUTCH_DATE = Pattern.compile("\\d{2}-\\d{2}-\\d{4}");
    private static final Pattern DIGITS = Pattern.compile("[\\d .]+");
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd-MM-uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    public enum Kind { NAME, BIRTH_DATE, BSN }

    /** 400 naming the accepted forms for anything else. */
    public static SearchQuery parse(String q) {
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_LENGTH) {
            throw ApiProblem.invalid(PARAMETER, "is longer than " + MAX_LENGTH + " characters");
        }
        try {
            if (ISO_DATE.matcher(text).matches()) {
                return new SearchQuery(Kind.BIRTH_DATE, List.of(), LocalDate.parse(text), null);
            }
            if (DUTCH_DATE.matcher(text).matches()) {
                return new SearchQuery(Kind.BIRTH_DATE, List.of(), LocalDate.parse(text, DAY_MONTH_YEAR), null);
            }
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(PARAMETER, "is not a valid date; " + FORMATS);
        }
        if (!text.isEmpty() && DIGITS.matcher(text).matches()) {
            String digits = text.replace(" ", "").replace(".", "");
            if (!Bsn.valid(digits)) {
                throw ApiProblem.invalid(PARAMETER, "is not a valid BSN (9 digits, eleven test); " + FORMATS);
            }
            return new SearchQuery(Kind.BSN, List.of(), null, digits);
        }
        List<String> words = NameTokens.words(text);
        if (String.join("", words).length() < 2) {
            throw ApiProblem.invalid(PARAMETER, FORMATS);
        }
        return new SearchQuery(Kind.NAME, words, null, null);
    }

    /** Never the text itself: a query may hold a name or a BSN. */
    @Override
    public String toString() {
        return "SearchQuery[" + kind + ", hidden]";
    }
}
