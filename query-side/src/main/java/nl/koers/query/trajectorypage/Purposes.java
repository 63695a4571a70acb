package nl.koers.query.trajectorypage;

import jakarta.servlet.http.HttpSession;
import nl.koers.pages.purpose.ReadingPurpose;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Why a justice liaison reads this trajectory, asked on the page before the file opens and kept in the session per
 * trajectory (never in a URL). The reasons, their checks and the wording the access log gets are those of the
 * search page's {@link ReadingPurpose}; what the readers receive is exactly what {@code X-Purpose} carries through
 * the API.
 */
final class Purposes {
    static final String ATTRIBUTE = Purposes.class.getName();

    private Purposes() {
    }

    static String of(HttpSession session, String trajectoryId) {
        return session == null ? null : stored(session).get(trajectoryId);
    }

    static void keep(HttpSession session, String trajectoryId, ReadingPurpose purpose) {
        stored(session).put(trajectoryId, purpose.logged());
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
