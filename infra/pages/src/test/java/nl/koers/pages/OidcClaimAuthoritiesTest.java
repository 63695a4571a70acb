package nl.koers.pages;

import nl.koers.platform.config.KoersProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A page login through OIDC gets the same role and areas as a bearer token with the same claims. */
class OidcClaimAuthoritiesTest {
    private final OidcClaimAuthorities mapper = new OidcClaimAuthorities(new KoersProperties("production",
            Path.of("."), "axon-server", null, null,
            new KoersProperties.Oidc("koers_role", "koers_areas", "preferred_username")));

    @Test
    void theRoleAndAreasClaimsBecomeKoersAuthoritiesAndScopesGiveNone() {
        var authorities = mapper.mapAuthorities(List.of(oidc(Map.of("sub", "u1", "koers_role", "YOUTH_WORKER",
                "koers_areas", List.of("FA01", "FA02"))), new SimpleGrantedAuthority("SCOPE_openid")));

        assertThat(authorities).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_YOUTH_WORKER", "AREA_FA01", "AREA_FA02");
    }

    @Test
    void aUserForAllAreasAndAUserWithoutARoleClaim() {
        assertThat(mapper.mapAuthorities(List.of(oidc(Map.of("sub", "u2", "koers_role", "POLICY_ANALYST",
                "koers_areas", "ALL"))))).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_POLICY_ANALYST", "AREA_ALL");
        assertThat(mapper.mapAuthorities(List.of(oidc(Map.of("sub", "u3"))))).isEmpty();
    }

    private static OidcUserAuthority oidc(Map<String, Object> claims) {
        return new OidcUserAuthority(new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), claims));
    }
}
