package nl.koers.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors raised before the application sees a request are problem documents too: a path that Spring Security's
 * firewall rejects ({@code //}, encoded dots or slashes, control characters), what Tomcat sends to the error page,
 * and what Tomcat refuses before any application code runs (a path it cannot decode: {@code %zz}, invalid UTF-8).
 * A browser asking for HTML still gets Spring Boot's error page. Never a stack trace or an exception message.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemErrors {

    @Bean
    RequestRejectedHandler problemForRejectedRequests(ObjectMapper mapper) {
        return (request, response, rejected) -> Problems.write(response, mapper, HttpStatus.BAD_REQUEST,
                "Malformed request", "The request path is not acceptable.");
    }

    /** Spring Boot's {@code /error}, answering in the problem shape where it would answer JSON. */
    @Bean
    BasicErrorController problemErrorController(ErrorAttributes attributes, ServerProperties server,
                                                ObjectProvider<ErrorViewResolver> resolvers) {
        return new BasicErrorController(attributes, server.getError(), resolvers.orderedStream().toList()) {
            @Override
            public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
                HttpStatus status = HttpStatus.resolve(getStatus(request).value());
                return problem(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status);
            }
        };
    }

    /** Last of the Tomcat customizers, so its error report replaces the one Spring Boot installs. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport() {
        return new ProblemErrorReport();
    }

    static ResponseEntity<Map<String, Object>> problem(HttpStatus status) {
        Map<String, Object> body = new LinkedHashMap<>();
        var problem = Problems.of(status, status.getReasonPhrase(), detail(status), List.of());
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType(Problems.MEDIA_TYPE)).body(body);
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is malformed (its path, encoding or headers).";
            case NOT_FOUND -> "No such endpoint.";
            case METHOD_NOT_ALLOWED -> "This endpoint does not take this method.";
            default -> status.is5xxServerError() ? "The request could not be processed." : status.getReasonPhrase();
        };
    }

    private static final class ProblemErrorReport
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Pipeline pipeline = context.getParent().getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                pipeline.addValve(new ProblemReportValve());
                // else the host adds Tomcat's own report valve when it starts, which would answer first
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Tomcat's last word on an error nothing else answered: a problem document instead of its HTML page. */
    static final class ProblemReportValve extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            Map<String, Object> body = problem(status == null ? HttpStatus.BAD_REQUEST : status).getBody();
            try {
                response.setContentType(Problems.MEDIA_TYPE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(new ObjectMapper().writeValueAsString(body));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response was committed meanwhile: nothing more to say
            }
        }
    }
}
