package nl.koers.pages;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.UnknownUserException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

import java.util.List;
import java.util.Map;

/**
 * What the layout shows around every page, read from templates as {@code @pageChrome}: who is logged in and
 * the navigation of their role. A page only appears in a role's navigation when the role may use it (the same
 * rules as the API); pages still to come are added here when they exist.
 */
@Component("pageChrome")
public class PageChrome {
    /** A link in the header: the path and the message key of its label. */
    public record NavItem(String path, String label) {
    }

    private static final Map<Role, List<NavItem>> NAVIGATION = Map.of(
            Role.YOUTH_WORKER, List.of(new NavItem("/", "nav.worklist"), new NavItem(StartPage.SEARCH, "nav.search"),
                    new NavItem("/trajecten/nieuw", "nav.open"), new NavItem("/wijken", "nav.caseload"),
                    new NavItem("/uitkomsten", "nav.outcomes")),
            Role.JUSTICE_LIAISON, List.of(new NavItem(StartPage.SEARCH, "nav.search")),
            Role.POLICY_ANALYST, List.of(new NavItem("/wijken", "nav.caseload"),
                    new NavItem("/uitkomsten", "nav.outcomes")),
            Role.AUDITOR, List.of(new NavItem("/audit", "nav.audit")),
            Role.ADMIN, List.of(new NavItem("/beheer", "nav.admin")));

    private final CurrentUser currentUser;

    public PageChrome(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** The logged-in user, or {@code null} on the login page and for a login without a Koers role. */
    public KoersUser user() {
        try {
            return currentUser.get();
        } catch (UnknownUserException e) {
            return null;
        }
    }

    public List<NavItem> navigation() {
        KoersUser user = user();
        return user == null ? List.of() : NAVIGATION.get(user.role());
    }

    /** This page in another language: the same path and parameters with {@code lang} replaced. */
    public String languageLink(String lang) {
        UriComponents here = ServletUriComponentsBuilder.fromUriString(addressed())
                .replaceQueryParam("lang", lang).build();
        return here.getPath() + "?" + here.getQuery();
    }

    /** Whether a navigation item is the page being shown (for {@code aria-current}). */
    public boolean isCurrent(String path) {
        return path.equals(ServletUriComponentsBuilder.fromUriString(addressed()).build().getPath());
    }

    /** Whether the header carries the search box: for the roles that search trajectories. */
    public boolean searches() {
        KoersUser user = user();
        return user != null && (user.role() == Role.YOUTH_WORKER || user.role() == Role.JUSTICE_LIAISON);
    }

    /**
     * The path and query the browser asked for: for a forwarded page (the worklist shown at {@code /}) the
     * original one, not the path it was forwarded to.
     */
    private static String addressed() {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String path = forwarded != null ? (String) forwarded : request.getRequestURI();
        Object forwardedQuery = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        String query = forwarded != null ? (String) forwardedQuery : request.getQueryString();
        return query == null ? path : path + "?" + query;
    }

    /** The message key of a role's name, e.g. {@code role.YOUTH_WORKER}. */
    public String roleLabel() {
        KoersUser user = user();
        return user == null ? null : "role." + user.role().name();
    }
}
