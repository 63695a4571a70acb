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
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Production users come from an OIDC provider. Which claims carry the role, the focus areas (a list, or
 * {@code ALL}) and the user name is configuration ({@code koers.oidc.*}); a token without a known role gets no
 * Koers authority and is refused everywhere. Users with a known role are made known to the {@link UserDirectory}.
 */
class ClaimMappingJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {
    private final KoersProperties.Oidc claims;
    private final Consumer<KoersUser> verified;

    /** {@code verified} hears of every token user with a known role (to keep the directory current). */
    ClaimMappingJwtConverter(KoersProperties properties, Consumer<KoersUser> verified) {
        this.claims = properties.oidc();
        this.verified = verified;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        String role = jwt.getClaimAsString(claims.roleClaim());
        if (role != null) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        }
        List<String> areas = jwt.hasClaim(claims.areasClaim()) ? jwt.getClaimAsStringList(claims.areasClaim()) : List.of();
        for (String area : areas) {
            authorities.add(new SimpleGrantedAuthority("AREA_" + area));
        }
        String name = jwt.hasClaim(claims.usernameClaim()) ? jwt.getClaimAsString(claims.usernameClaim())
                : jwt.getSubject();
        if (role != null && CurrentUser.isRole(role)) {
            verified.accept(CurrentUser.fromAuthorities(name, authorities.stream().map(GrantedAuthority::getAuthority)
                    .collect(Collectors.toSet())));
        }
        return new JwtAuthenticationToken(jwt, authorities, name);
    }
}
