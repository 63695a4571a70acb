package nl.koers.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Bearer tokens are sent again with every request of a session, and checking one means parsing it and verifying
 * an RSA (or EC) signature. A token that passed the real decoder (signature, expiry, issuer, audience as
 * configured) is remembered until it expires, at most {@link #LIFETIME}; an invalid token is never remembered.
 */
final class CachingJwtDecoder implements JwtDecoder {
    /** Keeps the effect of a signing key withdrawn by the provider to at most this long for tokens already seen. */
    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 10_000;

    private final JwtDecoder decoder;
    private final VerifiedCache<Jwt> verified;
    private final Clock clock;

    CachingJwtDecoder(JwtDecoder decoder, VerifiedCache<Jwt> verified, Clock clock) {
        this.decoder = decoder;
        this.verified = verified;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt known = verified.get(token);
        if (known != null && (known.getExpiresAt() == null || now.isBefore(known.getExpiresAt()))) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        Duration left = jwt.getExpiresAt() == null ? LIFETIME : Duration.between(now, jwt.getExpiresAt());
        if (!left.isNegative() && !left.isZero()) {
            verified.put(jwt, left.compareTo(LIFETIME) < 0 ? left : LIFETIME, token);
        }
        return jwt;
    }
}
