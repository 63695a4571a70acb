package nl.koers.query.trajectorypage;

import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Why a justice liaison reads a trajectory, asked on the page before the file opens and kept in the session per
 * trajectory (never in a URL). It reaches the readers exactly as {@code X-Purpose} does through the API, so the
 * access log records it; what the log gets is the chosen purpose in Dutch, with the liaison's own words after it.
 */
final class Purposes {
    static final String ATTRIBUTE = Purposes.class.getName();
    /** As {@code IndividualReadPolicy} allows for {@code X-Purpose}. */
    static final int MAX_LENGTH = 500;

    /** The common purposes: a code for the form, the Dutch wording for the access log. */
    public enum Common {
        ADVICE("Advies aan OM of rechter"),
        HEARING("Voorbereiding zitting"),
        NETWORK("Netwerkoverleg"),
        SCREENING("Screening"),
        OTHER("Ander doel");

        final String logged;

        Common(String logged) {
            this.logged = logged;
        }
    }

    static final List<Common> CHOICES = List.of(Common.values());

    private Purposes() {
    }

    /** What goes into the access log: the purpose, and the free text when there is one. */
    static String worded(Common choice, String text) {
        return text == null || text.isBlank() ? choice.logged : choice.logged + ": " + text.strip();
    }

    static String of(HttpSession session, String trajectoryId) {
        return session == null ? null : stored(session).get(trajectoryId);
    }

    static void keep(HttpSession session, String trajectoryId, String purpose) {
        stored(session).put(trajectoryId, purpose);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> stored(HttpSession session) {
        synchronized (session) {
            Object map = session.getAttribute(ATTRIBUTE);
            if (map == null) {
                map = new Stored();
                session.setAttribute(ATTRIBUTE, map);
            }
            return (Map<String, String>) map;
        }
    }

    /** Serializable, as a session attribute must be for a shared session store. */
    private static final class Stored extends ConcurrentHashMap<String, String> implements Serializable {
    }
}
