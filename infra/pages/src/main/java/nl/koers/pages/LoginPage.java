package nl.koers.pages;

import nl.koers.platform.security.UserDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /login}: the password form when users are known here, a link per OIDC provider when one is
 * configured, or a plain statement that no login is set up. {@code POST /login} is Spring Security's.
 */
@Controller
public class LoginPage {
    /** An OIDC provider to log in with: its login path and the name to show. */
    public record Provider(String path, String name) {
    }

    private final boolean passwordLogin;
    private final List<Provider> providers;

    public LoginPage(UserDirectory users, ObjectProvider<ClientRegistrationRepository> oidc) {
        this.passwordLogin = PageSecurity.passwordLogin(users);
        List<Provider> found = new ArrayList<>();
        if (oidc.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object registration : registrations) {
                ClientRegistration client = (ClientRegistration) registration;
                found.add(new Provider("/oauth2/authorization/" + client.getRegistrationId(), client.getClientName()));
            }
        }
        this.providers = List.copyOf(found);
    }

    @GetMapping("/login")
    public String login(Model model) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        model.addAttribute("passwordLogin", passwordLogin);
        model.addAttribute("providers", providers);
        return "login";
    }
}
