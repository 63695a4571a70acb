package nl.koers.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.platform.config.KoersProperties;
import nl.koers.platform.web.Problems;
import nl.koers.platform.web.RefusalLog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;

/**
 * Every API call is authenticated (HTTP Basic with the demo users in the embedded default; JWT from an OIDC
 * provider in production). Authorisation by role and area happens in the service layer of each side, where the
 * trajectory's area is known; the filter chain only demands a login and answers 401/403 as problem details.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** First: the pages' chain (module {@code pages}) takes every request this one does not match. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper mapper, KoersProperties properties,
                           RefusalLog refusals) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            if (request.getRequestURI().startsWith("/api/")) {
                                refusals.record(request, HttpStatus.UNAUTHORIZED.value());
                            }
                            response.setHeader("WWW-Authenticate", "Basic realm=\"Koers\"");
                            Problems.write(response, mapper, HttpStatus.UNAUTHORIZED, "Authentication required",
                                    "Log in with a Koers account (HTTP Basic or a bearer token).");
                        })
                        .accessDeniedHandler((request, response, ex) -> {
                            refusals.record(request, HttpStatus.FORBIDDEN.value());
                            Problems.write(response, mapper, HttpStatus.FORBIDDEN, "Forbidden",
                                    "Your role does not allow this.");
                        }));
        if (properties.demoUsers()) {
            http.httpBasic(Customizer.withDefaults());
        } else {
            http.oauth2ResourceServer(o -> o.jwt(jwt -> jwt.jwtAuthenticationConverter(
                    new ClaimMappingJwtConverter(properties))));
        }
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The demo users of the embedded default (api.md); absent unless {@code koers.demo-users=true}. */
    @Bean
    @ConditionalOnProperty(name = "koers.demo-users", havingValue = "true")
    UserDetailsService demoUsers(PasswordEncoder encoder) {
        String password = encoder.encode("koers-demo");
        List<UserDetails> users = List.of(
                user("jeugdwerker", password, "YOUTH_WORKER", "AREA_FA03"),
                user("jeugdwerker-ams", password, "YOUTH_WORKER", "AREA_FA01", "AREA_FA02"),
                user("liaison", password, "JUSTICE_LIAISON", "AREA_ALL"),
                user("auditor", password, "AUDITOR", "AREA_ALL"),
                user("analist", password, "POLICY_ANALYST", "AREA_ALL"),
                user("beheerder", password, "ADMIN", "AREA_ALL"));
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails user(String name, String password, String role, String... areas) {
        String[] authorities = new String[areas.length + 1];
        authorities[0] = "ROLE_" + role;
        System.arraycopy(areas, 0, authorities, 1, areas.length);
        return User.withUsername(name).password(password).authorities(authorities).build();
    }
}
