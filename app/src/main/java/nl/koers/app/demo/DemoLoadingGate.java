package nl.koers.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * While demo data is recorded with its planned, earlier timestamps, nothing else may append to the event log, or
 * the log's timestamps would no longer rise in its global order: requests that record (anything but a read under
 * {@code /api/}) answer 503 with {@code Retry-After} until loading is done. Reading is never held up.
 */
@Component
class DemoLoadingGate extends OncePerRequestFilter {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private final ObjectMapper mapper;
    private volatile boolean loading;

    DemoLoadingGate(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void loading(boolean now) {
        loading = now;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (loading && request.getRequestURI().startsWith("/api/") && !READS.contains(request.getMethod())) {
            response.setHeader("Retry-After", String.valueOf(ApiProblem.RETRY_AFTER_SECONDS));
            Problems.write(response, mapper, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    "demo data is being loaded; recording is possible again in a moment");
            return;
        }
        chain.doFilter(request, response);
    }
}
