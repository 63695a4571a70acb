package nl.koers.platform.crypto;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import nl.koers.events.common.YouthId;
import org.bson.Document;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Youth keys in the {@code youth_keys} collection, each wrapped (AES-GCM) with the master key and bound to its
 * youth id, so a copied collection is useless without the master key. Destroy deletes the document; the small
 * in-process cache is cleared at the same time.
 */
public class MongoYouthKeyStore implements YouthKeyStore {
    static final String COLLECTION = "youth_keys";
    private final MongoCollection<Document> keys;
    private final SecretKey masterKey;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<YouthId, SecretKey> cache = new ConcurrentHashMap<>();

    public MongoYouthKeyStore(MongoDatabase database, KeyMaterial material) {
        this.keys = database.getCollection(COLLECTION);
        this.masterKey = material.masterKey();
    }

    @Override
    public SecretKey keyFor(YouthId youth) {
        return existingKey(youth).orElseGet(() -> create(youth));
    }

    @Override
    public Optional<SecretKey> existingKey(YouthId youth) {
        SecretKey cached = cache.get(youth);
        if (cached != null) {
            return Optional.of(cached);
        }
        Document doc = keys.find(Filters.eq("_id", youth.value())).first();
        if (doc == null) {
            return Optional.empty();
        }
        SecretKey key = unwrap(youth, doc.getString("wrappedKey"));
        cache.put(youth, key);
        return Optional.of(key);
    }

    @Override
    public boolean destroy(YouthId youth) {
        cache.remove(youth);
        boolean deleted = keys.deleteOne(Filters.eq("_id", youth.value())).getDeletedCount() > 0;
        cache.remove(youth);
        return deleted;
    }

    private SecretKey create(YouthId youth) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        try {
            keys.insertOne(new Document("_id", youth.value()).append("wrappedKey", wrap(youth, raw)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another request created it first: use that one
        }
        return existingKey(youth).orElseThrow();
    }

    private String wrap(YouthId youth, byte[] raw) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(youth.value().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(raw);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap youth key", e);
        }
    }

    private SecretKey unwrap(YouthId youth, String wrapped) {
        try {
            byte[] bytes = Base64.getDecoder().decode(wrapped);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(128, bytes, 0, 12));
            cipher.updateAAD(youth.value().getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(cipher.doFinal(bytes, 12, bytes.length - 12), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("youth key cannot be unwrapped: wrong master key?", e);
        }
    }
}
