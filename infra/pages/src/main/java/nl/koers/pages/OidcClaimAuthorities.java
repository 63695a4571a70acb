package nl.koers.pages;

import nl.koers.platform.config.KoersProperties;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Maps the claims of a page login through OIDC to the authorities every Koers service reads
 * ({@code ROLE_<role>}, {@code AREA_<code>} or {@code AREA_ALL}), with the same claim names as bearer tokens
 * ({@code koers.oidc.*}). The provider's scopes give no authority: without a known role claim a user may log in
 * but every page refuses them. The user name recorded with events is the provider's
 * {@code user-name-attribute} (set it to {@code preferred_username} in the client registration).
 */
class OidcClaimAuthorities implements GrantedAuthoritiesMapper {
    private final KoersProperties.Oidc claims;

    OidcClaimAuthorities(KoersProperties properties) {
        this.claims = properties.oidc();
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> given) {
        List<GrantedAuthority> mapped = new ArrayList<>();
        for (GrantedAuthority authority : given) {
            if (authority instanceof OAuth2UserAuthority user) {
                mapped.addAll(fromClaims(user.getAttributes()));
            }
        }
        return mapped;
    }

    List<GrantedAuthority> fromClaims(Map<String, Object> attributes) {
        List<GrantedAuthority> mapped = new ArrayList<>();
        if (attributes.get(claims.roleClaim()) instanceof String role) {
            mapped.add(new SimpleGrantedAuthority("ROLE_" + role));
        }
        Object areas = attributes.get(claims.areasClaim());
        if (areas instanceof Collection<?> list) {
            list.forEach(area -> mapped.add(new SimpleGrantedAuthority("AREA_" + area)));
        } else if (areas instanceof String single) {
            mapped.add(new SimpleGrantedAuthority("AREA_" + single));
        }
        return mapped;
    }
}
