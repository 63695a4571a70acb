package nl.koers.command.common;

import jakarta.servlet.http.HttpServletRequest;
import nl.koers.platform.web.FieldChecks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code If-Match} header: the trajectory version the client last saw, as the ETag every answer
 * carries ({@code "3"}; a bare {@code 3} is accepted too). {@code *} and an absent header mean "any version".
 */
public final class IfMatch {
    public static final String HEADER = "If-Match";
    private static final String FORM_VERSION = IfMatch.class.getName() + ".form";
    private static final Pattern VERSION = Pattern.compile("\"(\\d{1,18})\"|(\\d{1,18})");

    private IfMatch() {
    }

    /** The expected version, or null for none; a malformed header is added to {@code checks} (400). */
    public static Long expectedVersion(String header, FieldChecks checks) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION.matcher(header.trim());
        if (!matcher.matches()) {
            checks.add(HEADER, "must be a trajectory version in quotes, e.g. \"3\"");
            return null;
        }
        return Long.parseLong(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    /**
     * The expected version of the request being handled: its {@code If-Match} header, or the version a page form
     * was shown at ({@link #bindFormVersion}), which means the same.
     */
    public static String of(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        Object form = header == null ? request.getAttribute(FORM_VERSION) : null;
        return form == null ? header : form.toString();
    }

    /** A page form's "version shown" for this request: the form's own If-Match. */
    public static void bindFormVersion(HttpServletRequest request, long version) {
        request.setAttribute(FORM_VERSION, version);
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
