package nl.koers.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An id in an API path ({@code {id}}, {@code {youthId}}, {@code {interventionId}}: every path variable named
 * {@code id} or ending in {@code Id}) is a UUID, or the request is malformed: 400 before any role or lookup, so
 * "not a UUID" and "no such trajectory" (404) are never confused.
 */
@Configuration(proxyBeanMethods = false)
public class PathIds implements WebMvcConfigurer {
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                check(request);
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    static void check(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null) {
            return;
        }
        List<FieldProblem> problems = new ArrayList<>();
        variables.forEach((name, value) -> {
            if ((name.equals("id") || name.endsWith("Id")) && !UUID.matcher(value).matches()) {
                problems.add(new FieldProblem(name, "is not a valid id (a UUID)"));
            }
        });
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }
}
