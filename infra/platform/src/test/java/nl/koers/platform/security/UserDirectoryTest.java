package nl.koers.platform.security;

import nl.koers.events.common.FocusAreaCode;
import nl.koers.platform.config.KoersProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both directories answer "who is this user name?" the way the logged-in user would be seen. */
class UserDirectoryTest {

    @Test
    void passwordAccountsAreTheDirectoryAndKeepOnlyAHash() {
        var accounts = PasswordAccounts.withPassword(new BCryptPasswordEncoder(4), "geheim", List.of(
                KoersUser.inAreas("jeugdwerker-ams", Role.YOUTH_WORKER, "FA01", "FA02"),
                KoersUser.everywhere("liaison", Role.JUSTICE_LIAISON)));
        var directory = new PasswordUserDirectory(accounts);

        assertThat(directory.userNames()).containsExactly("jeugdwerker-ams", "liaison");
        assertThat(directory.exists("liaison")).isTrue();
        assertThat(directory.exists("straatcoach")).isFalse();
        assertThat(directory.exists(null)).isFalse();
        assertThat(directory.find("jeugdwerker-ams")).get().extracting(KoersUser::focusAreas)
                .isEqualTo(Set.of(new FocusAreaCode("FA01"), new FocusAreaCode("FA02")));

        var details = directory.loadUserByUsername("jeugdwerker-ams");
        assertThat(details.getPassword()).doesNotContain("geheim").startsWith("$2");
        KoersUser asLoggedIn = CurrentUser.fromAuthorities(details.getUsername(), details.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet()));
        assertThat(asLoggedIn).isEqualTo(directory.find("jeugdwerker-ams").orElseThrow());
        assertThat(CurrentUser.fromAuthorities("liaison", directory.loadUserByUsername("liaison").getAuthorities()
                .stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet())).allAreas()).isTrue();
        assertThatThrownBy(() -> directory.loadUserByUsername("straatcoach"))
                .isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void twoAccountsWithOneNameAreAMistake() {
        assertThatThrownBy(() -> PasswordAccounts.withPassword(new BCryptPasswordEncoder(4), "geheim", List.of(
                KoersUser.everywhere("auditor", Role.AUDITOR), KoersUser.everywhere("auditor", Role.ADMIN))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokenUsersBecomeKnownWhenTheyPresentAValidTokenWithARole() {
        var directory = new TokenUserDirectory();
        var converter = new ClaimMappingJwtConverter(new KoersProperties("production", Path.of("."), "axon-server",
                new KoersProperties.Mongo("mongodb://x", "koers", false), new KoersProperties.Crypto(null, null),
                new KoersProperties.Oidc("koers_role", "koers_areas", "preferred_username")), directory::saw);
        assertThat(directory.exists("f.worker")).isFalse();

        converter.convert(token("f.worker", "YOUTH_WORKER", List.of("FA03")));
        converter.convert(token("x.intruder", "SUPERUSER", List.of("ALL")));

        assertThat(directory.userNames()).containsExactly("f.worker");
        assertThat(directory.find("f.worker")).get().extracting(KoersUser::role).isEqualTo(Role.YOUTH_WORKER);
        converter.convert(token("f.worker", "YOUTH_WORKER", List.of("FA04")));
        assertThat(directory.find("f.worker").orElseThrow().focusAreas()).containsExactly(new FocusAreaCode("FA04"));
    }

    private static Jwt token(String name, String role, List<String> areas) {
        return Jwt.withTokenValue("t").header("alg", "none").subject("sub-" + name)
                .claim("preferred_username", name).claim("koers_role", role).claim("koers_areas", areas)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }
}
