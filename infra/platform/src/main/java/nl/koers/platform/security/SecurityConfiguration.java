package nl.koers.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.platform.config.KoersProperties;
import nl.koers.platform.web.Problems;
import nl.koers.platform.web.RefusalLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * Every API call is authenticated: HTTP Basic when the application defines {@link PasswordAccounts} (the demo
 * users of the embedded default, test users), otherwise JWT from an OIDC provider (production). Authorisation by
 * role and area happens in the service layer of each side, where the trajectory's area is known; the filter chain
 * only demands a login and answers 401/403 as problem details.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** First: the pages' chain (module {@code pages}) takes every request this one does not match. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper mapper, KoersProperties properties,
                           RefusalLog refusals, UserDirectory users, PasswordEncoder encoder,
                           ObjectProvider<JwtDecoder> tokenDecoder, LoginThrottle throttle) throws Exception {
        boolean passwords = users instanceof PasswordUserDirectory;
        // one answer for every 401: no credentials, a wrong password, an invalid token (logged as a refusal);
        // 429 for a user name that failed too often just now
        AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
            HttpStatus status = ex instanceof LoginThrottledException ? HttpStatus.TOO_MANY_REQUESTS
                    : HttpStatus.UNAUTHORIZED;
            if (request.getRequestURI().startsWith("/api/")) {
                refusals.record(request, status.value());
            }
            if (ex instanceof LoginThrottledException throttled) {
                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
                Problems.write(response, mapper, status, "Too many failed logins",
                        "Too many failed logins for this user name; try again after " + throttled.retryAfterSeconds()
                                + " s.");
                return;
            }
            response.setHeader("WWW-Authenticate", (passwords ? "Basic" : "Bearer") + " realm=\"Koers\"");
            Problems.write(response, mapper, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "Log in with a Koers account (HTTP Basic or a bearer token).");
        };
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, ex) -> {
                            refusals.record(request, HttpStatus.FORBIDDEN.value());
                            Problems.write(response, mapper, HttpStatus.FORBIDDEN, "Forbidden",
                                    "Your role does not allow this.");
                        }));
        if (users instanceof PasswordUserDirectory accounts) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                    .authenticationManager(new ProviderManager(new ThrottledLogins(
                            new CachingPasswordAuthenticationProvider(accounts, encoder, new VerifiedCache<>(
                                    CachingPasswordAuthenticationProvider.MAX_ENTRIES, System::nanoTime)), throttle)));
        } else {
            Consumer<KoersUser> verified = user -> {
                if (users instanceof TokenUserDirectory seen) {
                    seen.saw(user);
                }
            };
            // the provider's decoder (spring.security.oauth2.resourceserver.jwt.*), its verdicts remembered
            JwtDecoder decoder = new CachingJwtDecoder(tokenDecoder.getObject(),
                    new VerifiedCache<>(CachingJwtDecoder.MAX_ENTRIES, System::nanoTime), Clock.systemUTC());
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(unauthorized)
                    .jwt(jwt -> jwt.decoder(decoder)
                            .jwtAuthenticationConverter(new ClaimMappingJwtConverter(properties, verified))));
        }
        return http.build();
    }

    /** One per process, for every password login (also the pages' form login). */
    @Bean
    LoginThrottle loginThrottle() {
        return new LoginThrottle();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The password accounts when the application defines them, otherwise the users seen in valid tokens. */
    @Bean
    UserDirectory userDirectory(ObjectProvider<PasswordAccounts> accounts) {
        PasswordAccounts local = accounts.getIfAvailable();
        return local != null ? new PasswordUserDirectory(local) : new TokenUserDirectory();
    }
}
