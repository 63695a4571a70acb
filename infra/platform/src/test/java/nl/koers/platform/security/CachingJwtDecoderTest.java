package nl.koers.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import nl.koers.platform.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bearer tokens are verified once and then served from memory until they expire; invalid ones never are. */
class CachingJwtDecoderTest {
    private static final KeyPair ISSUER = rsa();
    private static final KeyPair FORGER = rsa();

    private final AtomicLong nanos = new AtomicLong(5_000);
    private final AtomicInteger verifications = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.now());
    private final JwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) ISSUER.getPublic()).build();
    private VerifiedCache<Jwt> verified;
    private CachingJwtDecoder decoder;

    @BeforeEach
    void setUp() {
        verified = new VerifiedCache<>(100, nanos::get);
        decoder = new CachingJwtDecoder(token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        }, verified, clock);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(KeyPair signer, String user, Instant expires) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder().subject(user)
                .claim("koers_role", "YOUTH_WORKER").issueTime(new Date()).expirationTime(Date.from(expires)).build());
        jwt.sign(new RSASSASigner(signer.getPrivate()));
        return jwt.serialize();
    }

    @Test
    void aValidTokenIsVerifiedOnce() throws Exception {
        String token = token(ISSUER, "f.worker", Instant.now().plusSeconds(600));
        for (int i = 0; i < 5; i++) {
            assertThat(decoder.decode(token).getSubject()).isEqualTo("f.worker");
        }
        assertThat(verifications).hasValue(1);
    }

    @Test
    void forgedOrAlteredTokensAreRefusedEvenAfterAValidOne() throws Exception {
        String valid = token(ISSUER, "f.worker", Instant.now().plusSeconds(600));
        decoder.decode(valid);
        String forged = token(FORGER, "f.worker", Instant.now().plusSeconds(600));
        String[] parts = valid.split("\\.");
        String altered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "A." + parts[2];
        for (String bad : new String[]{forged, altered, forged}) {
            assertThatThrownBy(() -> decoder.decode(bad)).isInstanceOf(JwtException.class);
        }
        assertThat(verified.ids()).hasSize(1);
    }

    @Test
    void aRememberedTokenIsNotServedOnceItHasExpired() throws Exception {
        Instant expires = clock.instant().plusSeconds(90);
        String token = token(ISSUER, "f.worker", expires);
        decoder.decode(token);
        clock.set(expires);
        nanos.addAndGet(Duration.ofSeconds(90).toNanos());
        decoder.decode(token); // the real decoder, on the real clock, still accepts it
        assertThat(verifications).as("the remembered verdict ends with the token").hasValue(2);
    }

    @Test
    void aLongLivedTokenIsCheckedAgainAfterFiveMinutes() throws Exception {
        String token = token(ISSUER, "f.worker", Instant.now().plusSeconds(3600));
        decoder.decode(token);
        nanos.addAndGet(CachingJwtDecoder.LIFETIME.toNanos() - 1);
        decoder.decode(token);
        assertThat(verifications).hasValue(1);
        nanos.addAndGet(1);
        decoder.decode(token);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void whatIsKeptIsNotTheToken() throws Exception {
        String token = token(ISSUER, "f.worker", Instant.now().plusSeconds(600));
        decoder.decode(token);
        String id = verified.ids().iterator().next();
        String unkeyed = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        assertThat(id).matches("[0-9a-f]{64}").isNotEqualTo(unkeyed);
        assertThat(token).doesNotContain(id);
    }
}
