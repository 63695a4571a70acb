package nl.koers.platform.crypto;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The master key that wraps youth keys, and in the embedded default its rotation. Deleting a youth's wrapped key
 * from MongoDB does not remove it from the database file's old chunks or from backups; so after an erasure the
 * remaining keys are wrapped anew under a fresh master key and the old master key is destroyed, and every copy of
 * the erased youth's wrapped key becomes useless. Crash-safe: the new key is written before anything is re-wrapped,
 * both keys stay readable until the re-wrap is complete, and a start finds and finishes an interrupted rotation.
 * A master key from configuration (a secret store) cannot be destroyed by Koers and does not rotate.
 */
final class MasterKeys {
    static final String CURRENT = "master.key";
    static final String NEXT = "master.next.key";

    /** A master key and its id (a hash prefix, stored with every youth key it wraps). */
    record MasterKey(String id, SecretKey key) {
        static MasterKey of(byte[] raw) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
                return new MasterKey(HexFormat.of().formatHex(digest, 0, 8), new SecretKeySpec(raw, "AES"));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final KeyFolder folder;
    private MasterKey current;
    private MasterKey next;

    private MasterKeys(KeyFolder folder, MasterKey current, MasterKey next) {
        this.folder = folder;
        this.current = current;
        this.next = next;
    }

    static MasterKeys fixed(SecretKey key) {
        return new MasterKeys(null, MasterKey.of(key.getEncoded()), null);
    }

    static MasterKeys inFolder(KeyFolder folder) {
        MasterKey next = folder.read(NEXT).map(MasterKey::of).orElse(null);
        // During a rotation the old key may already be overwritten; then every youth key is under the new one.
        MasterKey current = folder.read(CURRENT).map(MasterKey::of)
                .orElseGet(() -> next != null ? null : MasterKey.of(folder.create(CURRENT)));
        return new MasterKeys(folder, current, next);
    }

    boolean rotates() {
        return folder != null;
    }

    /** What new youth keys are wrapped with: the new key while a rotation runs. */
    synchronized MasterKey forWrapping() {
        return next != null ? next : current;
    }

    /** The key with this id, if it still exists; a youth key stored without id predates rotation (current key). */
    synchronized Optional<MasterKey> byId(String id) {
        if (id == null) {
            return Optional.ofNullable(current);
        }
        if (current != null && current.id().equals(id)) {
            return Optional.of(current);
        }
        return next != null && next.id().equals(id) ? Optional.of(next) : Optional.empty();
    }

    synchronized boolean rotationPending() {
        return next != null;
    }

    /** Step 1: the new key on disk (or the one an interrupted rotation left). */
    synchronized MasterKey beginRotation() {
        if (!rotates()) {
            throw new IllegalStateException("a configured master key cannot be rotated by Koers");
        }
        if (next == null) {
            next = MasterKey.of(folder.create(NEXT));
        }
        return next;
    }

    /** Step 3, after every youth key is wrapped with the new key: the old key is destroyed for good. */
    synchronized void completeRotation() {
        folder.destroy(CURRENT);
        folder.rename(NEXT, CURRENT);
        current = next;
        next = null;
    }
}
