package nl.koers.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.web.RefusalLog;
import nl.koers.platform.web.UnknownUserException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal on a page is a page, not a problem document: the same {@link ApiProblem} the service layer throws
 * for the API (403 outside one's scope, 400, 404, 409) is shown in the layout with its status, and a 403 lands in
 * the access log exactly as through the API. Runs before Spring's own resolvers (which would answer with the
 * API's RFC 7807 handler) and only for page controllers: {@code @Controller}s without {@code @ResponseBody}.
 */
@Component
@Order(-100)
public class PageProblems implements HandlerExceptionResolver {
    private final RefusalLog refusals;

    public PageProblems(RefusalLog refusals) {
        this.refusals = refusals;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        if (!isPage(handler)) {
            return null;
        }
        HttpStatus status;
        if (exception instanceof ApiProblem problem) {
            status = problem.status();
        } else if (exception instanceof UnknownUserException) {
            status = HttpStatus.FORBIDDEN;
        } else {
            return null;
        }
        if (status == HttpStatus.FORBIDDEN) {
            refusals.record(request, status.value());
        }
        ModelAndView page = new ModelAndView("problem");
        page.setStatus(status);
        page.addObject("status", status.value());
        return page;
    }

    static boolean isPage(Object handler) {
        return handler instanceof HandlerMethod method
                && !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                && !method.hasMethodAnnotation(ResponseBody.class);
    }
}
