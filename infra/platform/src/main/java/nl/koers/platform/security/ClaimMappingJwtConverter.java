package nl.koers.platform.security;

import nl.koers.platform.config.KoersProperties;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Production users come from an OIDC provider. The role is read from the claim {@code koers_role} and the
 * focus areas from {@code koers_areas} (a list, or {@code ALL}); the user name from {@code preferred_username}.
 */
class ClaimMappingJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {
    static final String ROLE_CLAIM = "koers_role";
    static final String AREAS_CLAIM = "koers_areas";

    ClaimMappingJwtConverter(KoersProperties properties) {
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        String role = jwt.getClaimAsString(ROLE_CLAIM);
        if (role != null) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        }
        List<String> areas = jwt.hasClaim(AREAS_CLAIM) ? jwt.getClaimAsStringList(AREAS_CLAIM) : List.of();
        for (String area : areas) {
            authorities.add(new SimpleGrantedAuthority("AREA_" + area));
        }
        String name = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
        return new JwtAuthenticationToken(jwt, authorities, name);
    }
}
