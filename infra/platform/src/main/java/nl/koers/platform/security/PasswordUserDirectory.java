package nl.koers.platform.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The directory when users log in with a password: exactly the configured {@link PasswordAccounts}. It also
 * answers Spring Security's user look-up, with the role and areas as the authorities {@link CurrentUser} reads.
 */
final class PasswordUserDirectory implements UserDirectory, UserDetailsService {
    private final PasswordAccounts accounts;

    PasswordUserDirectory(PasswordAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<KoersUser> find(String userName) {
        return Optional.ofNullable(accounts.byName().get(userName)).map(PasswordAccounts.Account::user);
    }

    @Override
    public Set<String> userNames() {
        return new TreeSet<>(accounts.byName().keySet());
    }

    @Override
    public UserDetails loadUserByUsername(String userName) {
        PasswordAccounts.Account account = accounts.byName().get(userName);
        if (account == null) {
            throw new UsernameNotFoundException("no such account");
        }
        return User.withUsername(userName).password(account.passwordHash()).authorities(authorities(account.user()))
                .build();
    }

    static List<GrantedAuthority> authorities(KoersUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
        if (user.allAreas()) {
            authorities.add(new SimpleGrantedAuthority("AREA_ALL"));
        }
        user.focusAreas().stream().map(area -> new SimpleGrantedAuthority("AREA_" + area.value()))
                .forEach(authorities::add);
        return authorities;
    }
}
