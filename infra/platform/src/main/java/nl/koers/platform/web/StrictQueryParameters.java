package nl.koers.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query parameter the endpoint does not know is a mistake the client must hear about (a misspelt
 * {@code focusarea} would otherwise silently widen a list): 400 naming it and every parameter the endpoint does
 * know. What an endpoint knows is read once from its handler method's {@code @RequestParam}s (and plain
 * simple-typed arguments, which Spring binds from the query too), so a new parameter needs no list kept here. An
 * endpoint that takes a map of all parameters accepts any.
 */
public class StrictQueryParameters implements HandlerInterceptor {
    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
    private final Map<Method, Optional<Set<String>>> known = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null) {
            return true;
        }
        Optional<Set<String>> accepted = known.computeIfAbsent(method.getMethod(), m -> accepted(method));
        if (accepted.isEmpty()) {
            return true;
        }
        Set<String> unknown = new TreeSet<>(names(request.getQueryString()));
        unknown.removeAll(accepted.get());
        if (!unknown.isEmpty()) {
            throw unknownParameters(unknown, accepted.get());
        }
        return true;
    }

    static ApiProblem unknownParameters(Collection<String> unknown, Set<String> accepted) {
        String knows = accepted.isEmpty() ? "this endpoint takes no query parameters"
                : "this endpoint knows " + String.join(", ", accepted);
        List<FieldProblem> errors = unknown.stream()
                .map(name -> new FieldProblem(name, "is not a query parameter of this endpoint; " + knows)).toList();
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Unknown query parameter " + String.join(", ", unknown) + "; " + knows + ".", errors);
    }

    /** The parameter names the handler binds from the query; empty when it takes them all (a map). */
    static Optional<Set<String>> accepted(HandlerMethod handler) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            boolean plain = parameter.getParameterAnnotations().length == 0
                    && BeanUtils.isSimpleProperty(parameter.getParameterType());
            if (annotation == null && !plain) {
                continue;
            }
            if (annotation != null && Map.class.isAssignableFrom(parameter.getParameterType())
                    && annotation.name().isEmpty()) {
                return Optional.empty();
            }
            String name = annotation != null && !annotation.name().isEmpty() ? annotation.name() : null;
            if (name == null) {
                parameter.initParameterNameDiscovery(NAMES);
                name = parameter.getParameterName();
            }
            if (name != null) {
                names.add(name);
            }
        }
        return Optional.of(names);
    }

    /** The names in a raw query string, decoded; {@code a=1&b&c=} has a, b and c. */
    static Set<String> names(String queryString) {
        Set<String> names = new TreeSet<>();
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String raw = equals < 0 ? pair : pair.substring(0, equals);
            try {
                names.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                names.add(raw);
            }
        }
        return names;
    }
}
