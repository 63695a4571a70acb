package nl.koers.platform.crypto;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import nl.koers.events.common.YouthId;
import nl.koers.platform.crypto.MasterKeys.MasterKey;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Youth keys in the {@code youth_keys} collection, each wrapped (AES-GCM) with the master key and bound to its
 * youth id, so a copied collection is useless without the master key; each document names the master key that
 * wraps it ({@code master}). Destroy deletes the document and, where the master key rotates (embedded default),
 * re-wraps every other youth key under a new master key and destroys the old one: the deleted document lives on in
 * old file chunks and backups, but nothing can unwrap it any more. Creating and reading keys pause while that
 * runs (one lock), so no key can be wrapped with a master key that is about to be destroyed.
 */
public class MongoYouthKeyStore implements YouthKeyStore {
    static final String COLLECTION = "youth_keys";
    private static final Logger log = LoggerFactory.getLogger(MongoYouthKeyStore.class);
    private static final int REWRAP_BATCH = 500;
    private final MongoCollection<Document> keys;
    private final MasterKeys masterKeys;
    private final SecureRandom random = new SecureRandom();
    private final RecentYouthKeys cache;
    private final ReadWriteLock rotation = new ReentrantReadWriteLock();

    public MongoYouthKeyStore(MongoDatabase database, KeyMaterial material) {
        this(database, material, Clock.systemUTC());
    }

    /** {@code clock}: when a key held in memory is too old to be used without reading MongoDB again. */
    MongoYouthKeyStore(MongoDatabase database, KeyMaterial material, Clock clock) {
        this.cache = new RecentYouthKeys(clock);
        this.keys = database.getCollection(COLLECTION);
        this.masterKeys = material.masterKeys();
        if (masterKeys.rotationPending()) {
            log.info("Finishing a master key rotation that an earlier run began");
            rotate();
        }
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
        rotation.readLock().lock();
        try {
            Document doc = keys.find(Filters.eq("_id", youth.value())).first();
            if (doc == null) {
                return Optional.empty();
            }
            SecretKey key = unwrap(youth, doc);
            cache.put(youth, key);
            return Optional.of(key);
        } finally {
            rotation.readLock().unlock();
        }
    }

    @Override
    public boolean destroy(YouthId youth) {
        rotation.writeLock().lock();
        try {
            cache.remove(youth);
            if (keys.find(Filters.eq("_id", youth.value())).first() == null) {
                return false;
            }
            if (masterKeys.rotates()) {
                // The new master key is on disk before the delete: a crash after it is finished at the next start.
                masterKeys.beginRotation();
            }
            keys.deleteOne(Filters.eq("_id", youth.value()));
            cache.remove(youth);
            if (masterKeys.rotates()) {
                rotate();
            }
            return true;
        } finally {
            rotation.writeLock().unlock();
        }
    }

    /** Wraps every youth key not yet under the new master key anew, then destroys the old master key. */
    private void rotate() {
        rotation.writeLock().lock();
        try {
            MasterKey next = masterKeys.beginRotation();
            List<WriteModel<Document>> batch = new ArrayList<>(REWRAP_BATCH);
            long rewrapped = 0;
            for (Document doc : keys.find(Filters.ne("master", next.id()))) {
                YouthId youth = new YouthId(doc.getString("_id"));
                byte[] raw = unwrap(youth, doc).getEncoded();
                batch.add(new ReplaceOneModel<>(Filters.eq("_id", youth.value()), wrapped(youth, raw, next)));
                if (batch.size() == REWRAP_BATCH) {
                    rewrapped += write(batch);
                }
            }
            rewrapped += write(batch);
            masterKeys.completeRotation();
            log.info("Master key rotated: {} youth keys wrapped anew, the old master key destroyed", rewrapped);
        } finally {
            rotation.writeLock().unlock();
        }
    }

    private int write(List<WriteModel<Document>> batch) {
        int size = batch.size();
        if (size > 0) {
            keys.bulkWrite(batch);
            batch.clear();
        }
        return size;
    }

    private SecretKey create(YouthId youth) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        rotation.readLock().lock();
        try {
            keys.insertOne(wrapped(youth, raw, masterKeys.forWrapping()));
            SecretKey key = new SecretKeySpec(raw, "AES");
            cache.put(youth, key);
            return key;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another request created it first: use that one
        } finally {
            rotation.readLock().unlock();
        }
        return existingKey(youth).orElseThrow();
    }

    /** One unordered insert for all of them: a bulk import pays one durable write, not one per youth. */
    @Override
    public void createKeys(Collection<YouthId> youths) {
        Map<YouthId, SecretKey> created = new HashMap<>();
        List<Document> documents = new ArrayList<>(youths.size());
        rotation.readLock().lock();
        try {
            MasterKey master = masterKeys.forWrapping();
            for (YouthId youth : youths) {
                if (cache.get(youth) == null && !created.containsKey(youth)) {
                    byte[] raw = new byte[32];
                    random.nextBytes(raw);
                    documents.add(wrapped(youth, raw, master));
                    created.put(youth, new SecretKeySpec(raw, "AES"));
                }
            }
            if (documents.isEmpty()) {
                return;
            }
            try {
                keys.insertMany(documents, new InsertManyOptions().ordered(false));
                created.forEach(cache::put);
            } catch (MongoBulkWriteException e) {
                if (e.getWriteErrors().stream().anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
                    throw e;
                }
                // some youths had a key already: theirs stays, and is read when first used
                Set<Integer> existing = new HashSet<>();
                e.getWriteErrors().forEach(error -> existing.add(error.getIndex()));
                for (int i = 0; i < documents.size(); i++) {
                    if (!existing.contains(i)) {
                        YouthId youth = new YouthId(documents.get(i).getString("_id"));
                        cache.put(youth, created.get(youth));
                    }
                }
            }
        } finally {
            rotation.readLock().unlock();
        }
    }

    private Document wrapped(YouthId youth, byte[] raw, MasterKey master) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, master.key(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(youth.value().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(raw);
            String wrappedKey = Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
            return new Document("_id", youth.value()).append("wrappedKey", wrappedKey).append("master", master.id());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap youth key", e);
        }
    }

    private SecretKey unwrap(YouthId youth, Document doc) {
        MasterKey master = masterKeys.byId(doc.getString("master")).orElseThrow(() -> new IllegalStateException(
                "youth key wrapped with master key " + doc.getString("master") + ", which is not in the key folder"));
        try {
            byte[] bytes = Base64.getDecoder().decode(doc.getString("wrappedKey"));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, master.key(), new GCMParameterSpec(128, bytes, 0, 12));
            cipher.updateAAD(youth.value().getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(cipher.doFinal(bytes, 12, bytes.length - 12), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("youth key cannot be unwrapped: wrong master key?", e);
        }
    }
}
