package nl.koers.pages;

import nl.koers.platform.config.KoersProperties;
import nl.koers.platform.security.LoginThrottle;
import nl.koers.platform.security.ThrottledLogins;
import nl.koers.platform.security.UserDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The pages' filter chain: every request the API chain does not take (that one matches {@code /api/**},
 * {@code /actuator/**} and the OpenAPI paths and is ordered first). Pages use a session and CSRF protection;
 * the API stays stateless with HTTP Basic or bearer tokens.
 * <ul>
 * <li>Password login at {@code GET/POST /login} with the same accounts as HTTP Basic (the application's
 * {@code PasswordAccounts}, e.g. the demo users of the embedded default, as the {@link UserDirectory} has them).</li>
 * <li>OIDC login when {@code spring.security.oauth2.client.registration.*} is configured (production: no demo
 * users); the provider's claims map to a role and areas as for bearer tokens ({@link OidcClaimAuthorities}).</li>
 * <li>With neither, the chain still starts: the login page says that no login is set up, and every page sends
 * the visitor there — the API and its health endpoints keep working.</li>
 * </ul>
 * Sessions end after 15 minutes idle ({@link PagesAutoConfiguration}); {@code POST /logout} ends one at once.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurity {
    static final String[] PUBLIC = {"/css/**", "/js/**", "/img/**", "/favicon.ico", "/login", "/error"};

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain pages(HttpSecurity http, UserDirectory users, PasswordEncoder encoder, LoginThrottle throttle,
                              ObjectProvider<ClientRegistrationRepository> oidc, KoersProperties properties)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
                                + "base-uri 'self'")));
        if (passwordLogin(users)) {
            // A password is checked once per login (the session carries the user), so no verdict cache here; the
            // same throttle as the API's, or guessing would simply move to the login form.
            DaoAuthenticationProvider passwords = new DaoAuthenticationProvider((UserDetailsService) users);
            passwords.setPasswordEncoder(encoder);
            // After logging in: back to the page that asked for it, otherwise the start page.
            http.authenticationManager(new ProviderManager(new ThrottledLogins(passwords, throttle)))
                    .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/").failureUrl("/login?error"));
        }
        if (oidc.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/login").defaultSuccessUrl("/")
                    .userInfoEndpoint(info -> info.userAuthoritiesMapper(new OidcClaimAuthorities(properties))));
        }
        return http.build();
    }

    /** Users log in with a password when the application defines password accounts (the demo users). */
    static boolean passwordLogin(UserDirectory users) {
        return users instanceof UserDetailsService;
    }
}
