package nl.koers.platform.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Everything that selects a runtime mode. The code is the same in every mode: only these values differ.
 *
 * @param mode          a label for logs and health ({@code embedded}, {@code self-hosted}, {@code production})
 * @param dataDir       where the embedded stores keep their files
 * @param eventStore    {@code jdbc} (H2 file or PostgreSQL, via {@code spring.datasource.url}) or {@code axon-server}
 * @param mongo         MongoDB for views, tokens, dead letters, key store and lookup tables
 * @param crypto        keys that protect personal data
 * @param oidc          how a production token's claims map to a Koers role and focus areas
 */
@ConfigurationProperties("koers")
public record KoersProperties(@DefaultValue("embedded") String mode,
                              @DefaultValue("./data") Path dataDir,
                              @DefaultValue("jdbc") String eventStore,
                              @DefaultValue Mongo mongo,
                              @DefaultValue Crypto crypto,
                              @DefaultValue Oidc oidc) {

    /**
     * @param uri      a MongoDB connection string; empty starts the in-process server
     * @param database the database name
     * @param inMemory for tests: the in-process server keeps nothing on disk
     */
    public record Mongo(String uri, @DefaultValue("koers") String database, @DefaultValue("false") boolean inMemory) {
        public boolean embedded() {
            return uri == null || uri.isBlank();
        }
    }

    /**
     * @param masterKey   base64 AES-256 key that wraps every youth key (from a secret store in production);
     *                    empty in the embedded default: a key file is generated in the data folder
     * @param identityKey base64 HMAC key for the "already known?" hashes of BSN and name + birth date
     */
    public record Crypto(String masterKey, String identityKey) {
    }

    /**
     * @param roleClaim     claim with one of the Koers roles (YOUTH_WORKER, JUSTICE_LIAISON, …)
     * @param areasClaim    claim with a list of focus-area codes, or ALL
     * @param usernameClaim claim recorded as the user's name in events and the access log
     */
    public record Oidc(@DefaultValue("koers_role") String roleClaim, @DefaultValue("koers_areas") String areasClaim,
                       @DefaultValue("preferred_username") String usernameClaim) {
    }
}
