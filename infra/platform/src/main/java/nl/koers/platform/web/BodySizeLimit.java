package nl.koers.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies over {@value #LIMIT_BYTES} bytes with a 413 problem document before anything reads them
 * into memory: first of all filters (before authentication and the idempotency filter, which hashes the body).
 * A declared Content-Length is checked as such; a chunked body is read up to one byte past the limit, so at most
 * 1 MB is ever held, and then handed on from that buffer. Tomcat's own limits do not cover JSON bodies.
 */
@Configuration(proxyBeanMethods = false)
public class BodySizeLimit {
    public static final int LIMIT_BYTES = 1024 * 1024;

    @Bean
    FilterRegistrationBean<Filter> bodySizeLimitFilter(ObjectMapper mapper) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(mapper));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 50);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {
        private final ObjectMapper mapper;

        Filter(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long declared = request.getContentLengthLong();
            if (declared > LIMIT_BYTES) {
                refuse(response);
                return;
            }
            if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
                chain.doFilter(request, response);
                return;
            }
            byte[] body = request.getInputStream().readNBytes(LIMIT_BYTES + 1);
            if (body.length > LIMIT_BYTES) {
                refuse(response);
                return;
            }
            chain.doFilter(new CachedBodyRequest(request, body), response);
        }

        private void refuse(HttpServletResponse response) throws IOException {
            // The rest of the body is not read; Tomcat closes the connection when it is too long to swallow.
            response.setHeader("Connection", "close");
            Problems.write(response, mapper, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                    "the request body exceeds 1 MB");
        }
    }
}
