package nl.koers.pages.purpose;

import jakarta.servlet.http.HttpSession;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Why a justice liaison reads individual trajectories in this session: one of the common reasons plus, where
 * needed, their own words, as the API takes it in {@code X-Purpose}. Stated once through a form post and kept in
 * the session (it ends with the session), never in a URL: the free text may name a case or a person, and
 * addresses end up in browser histories and proxy logs. The text handed to the readers, and so to the access log,
 * is the reason's fixed Dutch wording, followed by the free text when there is one.
 */
public record ReadingPurpose(Reason reason, String text) {
    static final String ATTRIBUTE = ReadingPurpose.class.getName();
    /** The free text's limit: with the reason's wording it stays within the API's 500 characters. */
    public static final int MAX_TEXT = 400;

    /** The common reasons a liaison reads a file; the wording goes into the access log whatever the page language. */
    public enum Reason {
        COURT_ADVICE("advies aan OM/rechter"),
        HEARING("voorbereiding zitting"),
        NETWORK_MEETING("netwerkoverleg"),
        SCREENING("screening"),
        OTHER("ander doel");

        private final String logged;

        Reason(String logged) {
            this.logged = logged;
        }
    }

    /** What a liaison entered in the purpose form, shown again next to its errors. */
    public record Entered(String reason, String text) {
        @Override
        public String toString() {
            return "Entered[" + reason + ", text hidden]";
        }
    }

    /** The purpose as the readers take it ({@code X-Purpose}). */
    public String logged() {
        return text == null || text.isBlank() ? reason.logged : reason.logged + ": " + text.strip();
    }

    /** The purpose stated in this session, if any. */
    public static Optional<ReadingPurpose> of(HttpSession session) {
        return session == null ? Optional.empty()
                : Optional.ofNullable((ReadingPurpose) session.getAttribute(ATTRIBUTE));
    }

    /**
     * Checks a stated purpose; the problems by form field ({@code reason}, {@code text}) as message keys, empty when
     * it can be kept.
     */
    public static Map<String, String> problems(String reason, String text) {
        Map<String, String> problems = new LinkedHashMap<>();
        Reason chosen = parse(reason);
        if (chosen == null) {
            problems.put("reason", "readingPurpose.error.reason");
        }
        boolean blank = text == null || text.isBlank();
        if (chosen == Reason.OTHER && blank) {
            problems.put("text", "readingPurpose.error.otherText");
        } else if (!blank && (text.strip().length() > MAX_TEXT || text.chars().anyMatch(Character::isISOControl))) {
            problems.put("text", "readingPurpose.error.text");
        }
        return problems;
    }

    /** The purpose as stated, when it passes {@link #problems}. */
    public static Optional<ReadingPurpose> stated(String reason, String text) {
        return problems(reason, text).isEmpty()
                ? Optional.of(new ReadingPurpose(parse(reason), text == null || text.isBlank() ? null : text.strip()))
                : Optional.empty();
    }

    /** Keeps a purpose that passed {@link #problems} for the rest of the session. */
    public static void keep(HttpSession session, String reason, String text) {
        session.setAttribute(ATTRIBUTE, new ReadingPurpose(parse(reason), text == null || text.isBlank() ? null
                : text.strip()));
    }

    private static Reason parse(String reason) {
        for (Reason candidate : Reason.values()) {
            if (candidate.name().equals(reason)) {
                return candidate;
            }
        }
        return null;
    }

    /** Never the free text: it may hold personal data. */
    @Override
    public String toString() {
        return "ReadingPurpose[" + reason + ", text hidden]";
    }
}
