package nl.koers.platform.security;

import nl.koers.platform.web.UnknownUserException;
import nl.koers.events.common.FocusAreaCode;
import nl.koers.platform.config.KoersProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClaimMappingJwtConverterTest {

    private static KoersProperties properties(KoersProperties.Oidc oidc) {
        return new KoersProperties("production", Path.of("."), "axon-server",
                new KoersProperties.Mongo("mongodb://x", "koers", false), new KoersProperties.Crypto(null, null),
                oidc);
    }

    private static Jwt token(String claim, Object value, String areasClaim, Object areas) {
        return Jwt.withTokenValue("t").header("alg", "none").subject("sub-123")
                .claim("preferred_username", "f.worker").claim(claim, value).claim(areasClaim, areas)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }

    @Test
    void roleAndAreasComeFromTheConfiguredClaims() {
        var converter = new ClaimMappingJwtConverter(properties(
                new KoersProperties.Oidc("groups_role", "regions", "preferred_username")), user -> { });
        var auth = converter.convert(token("groups_role", "YOUTH_WORKER", "regions", List.of("FA03", "FA04")));
        Set<String> authorities = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        KoersUser user = CurrentUser.fromAuthorities(auth.getName(), authorities);
        assertThat(user.username()).isEqualTo("f.worker");
        assertThat(user.role()).isEqualTo(Role.YOUTH_WORKER);
        assertThat(user.focusAreas()).containsExactlyInAnyOrder(new FocusAreaCode("FA03"), new FocusAreaCode("FA04"));
        assertThat(user.hasScope(new FocusAreaCode("FA01"))).isFalse();
    }

    @Test
    void allAreasIsAScopeOfItsOwn() {
        var converter = new ClaimMappingJwtConverter(properties(
                new KoersProperties.Oidc("koers_role", "koers_areas", "preferred_username")), user -> { });
        var auth = converter.convert(token("koers_role", "JUSTICE_LIAISON", "koers_areas", List.of("ALL")));
        KoersUser user = CurrentUser.fromAuthorities(auth.getName(), auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet()));
        assertThat(user.allAreas()).isTrue();
        assertThat(user.hasScope(new FocusAreaCode("FA17"))).isTrue();
    }

    @Test
    void aTokenWithoutAKnownRoleIsNoKoersUser() {
        var converter = new ClaimMappingJwtConverter(properties(
                new KoersProperties.Oidc("koers_role", "koers_areas", "preferred_username")), user -> { });
        var auth = converter.convert(token("koers_role", "SUPERUSER", "koers_areas", List.of("ALL")));
        assertThatThrownBy(() -> CurrentUser.fromAuthorities(auth.getName(), auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet())))
                .isInstanceOf(UnknownUserException.class);
    }
}
