package nl.koers.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.koers.platform.accesslog.AccessLog;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes every refused request (401, 403) to the access log with who asked, what and, where the path names one,
 * which trajectory (an API path or a trajectory page) — so "who tried to look at this file" includes the attempts that failed.
 */
@Component
public class RefusalLog {
    private static final Pattern TRAJECTORY = Pattern.compile("/(?:api/trajectories|trajecten)/([0-9a-fA-F-]{36})(?:/.*)?");
    private final AccessLog accessLog;

    public RefusalLog(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    public void record(HttpServletRequest request, int status) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String user = auth == null || !auth.isAuthenticated() ? "anonymous" : auth.getName();
        String role = auth == null ? null : auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).findFirst().orElse(null);
        String path = request.getRequestURI();
        Matcher matcher = TRAJECTORY.matcher(path);
        String trajectoryId = matcher.matches() ? matcher.group(1) : null;
        accessLog.refused(user, role, request.getMethod() + " " + path, path, trajectoryId, null,
                request.getHeader("X-Purpose"), status);
    }
}
