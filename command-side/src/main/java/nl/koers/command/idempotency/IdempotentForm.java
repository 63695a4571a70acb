package nl.koers.command.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The idempotency key of a page's form: a hidden field ({@value #FIELD}) instead of the API's
 * {@code Idempotency-Key} header, taken by the same {@link IdempotencyFilter} (same store, same {@link RequestKey}
 * bound to the command). A page answers a form post with {@code 303} whether it recorded something or sends the
 * form back with its errors, so the page says which one it was: {@link #recorded()} after the command succeeded
 * keeps that {@code 303} for a repeat of the post (a double click lands on the same page, and records once); any
 * other answer frees the key, as a refusal does for the API.
 */
public final class IdempotentForm {
    /** The form field that carries the key; a page renders a fresh one with every form. */
    public static final String FIELD = "idempotencyKey";
    private static final String RECORDED = IdempotentForm.class.getName() + ".recorded";

    private IdempotentForm() {
    }

    /** Marks the form post being handled as recorded: its answer is kept for a repeat with the same key. */
    public static void recorded() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(RECORDED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    static boolean wasRecorded(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(RECORDED));
    }

    /** A browser's form post (not the API, whose clients send the header). */
    static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || request.getRequestURI().startsWith("/api/")) {
            return false;
        }
        try {
            return MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(type));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
