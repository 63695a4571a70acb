package nl.koers.command.common;

import nl.koers.events.common.FocusAreaCode;
import nl.koers.platform.security.KoersUser;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What travels with every command besides its payload: who sends it, the areas they may act in, the version the
 * client expects (If-Match) and the request's idempotency key ({@link #IDEMPOTENCY_KEY}, added by
 * {@link CommandSender}). The aggregate checks scope, key and version before anything else.
 */
public final class CommandMetadata {
    public static final String USER = "user";
    public static final String ROLE = "role";
    public static final String AREAS = "areas";
    public static final String EXPECTED_VERSION = "expectedVersion";
    /** A hash of the request's Idempotency-Key ({@code RequestKey}), copied into the events ({@link CommandCorrelation}). */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String ALL_AREAS = "*";

    private CommandMetadata() {
    }

    public static MetaData of(KoersUser user, Long expectedVersion) {
        Map<String, Object> values = new HashMap<>();
        values.put(USER, user.username());
        values.put(ROLE, user.role().name());
        values.put(AREAS, user.allAreas() ? ALL_AREAS
                : user.focusAreas().stream().map(FocusAreaCode::value).sorted().collect(Collectors.joining(",")));
        if (expectedVersion != null) {
            values.put(EXPECTED_VERSION, expectedVersion);
        }
        return MetaData.from(values);
    }

    /** Whether the areas in the metadata include {@code area}. */
    public static boolean inScope(MetaData metaData, FocusAreaCode area) {
        Object areas = metaData.get(AREAS);
        if (areas == null) {
            return false;
        }
        if (ALL_AREAS.equals(areas)) {
            return true;
        }
        return area != null && Set.of(areas.toString().split(",")).contains(area.value());
    }
}
