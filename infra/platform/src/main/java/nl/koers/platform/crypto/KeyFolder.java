package nl.koers.platform.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder with the embedded default's key files, apart from the data folder so that a backup of the data holds
 * no key: by default {@code <data folder>-keys} beside it ({@code ./data} → {@code ./data-keys}), owner-only.
 * Files are written atomically (temporary file, flush to disk, rename) and destroyed by overwriting them in place
 * before deleting them.
 */
final class KeyFolder {
    private static final Logger log = LoggerFactory.getLogger(KeyFolder.class);
    private static final String LEGACY = "keys";
    private final Path folder;

    KeyFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** {@code keyDir} when given, else the folder beside the data folder; moves keys an older version kept inside it. */
    static KeyFolder forData(Path dataDir, String keyDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        KeyFolder keys = new KeyFolder(keyDir == null || keyDir.isBlank()
                ? data.resolveSibling(data.getFileName() + "-keys") : Path.of(keyDir));
        keys.adoptLegacy(data.resolve(LEGACY));
        return keys;
    }

    Path path() {
        return folder;
    }

    boolean exists(String name) {
        return Files.exists(folder.resolve(name));
    }

    /** The key in {@code name}, or empty when the file is absent or was destroyed half-way. */
    Optional<byte[]> read(String name) {
        Path file = folder.resolve(name);
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            return key.length == 32 ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException overwritten) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file, e);
        }
    }

    /** A new random key, written atomically to {@code name}. */
    byte[] create(String name) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path target = folder.resolve(name);
        Path temporary = folder.resolve(name + ".tmp");
        try {
            createFolder();
            writeDurably(temporary, Base64.getEncoder().encodeToString(key).getBytes(StandardCharsets.US_ASCII));
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncFolder();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write key file " + target, e);
        }
        return key;
    }

    /** Replaces {@code target} by {@code source} in one step (both in this folder). */
    void rename(String source, String target) {
        try {
            Files.move(folder.resolve(source), folder.resolve(target), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            syncFolder();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename key file " + source, e);
        }
    }

    /** Overwrites the file's bytes in place with zeros, flushes them to disk, then deletes it. */
    void destroy(String name) {
        Path file = folder.resolve(name);
        try {
            if (Files.exists(file)) {
                destroyFile(file);
                syncFolder();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot destroy key file " + file, e);
        }
    }

    private void createFolder() throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            try {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // the parent folder's permissions apply
            }
        }
    }

    private static void writeDurably(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the folder's permissions apply
            }
            channel.write(ByteBuffer.wrap(content), 0);
            channel.force(true);
        }
    }

    private void syncFolder() {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // not every platform can sync a folder; the rename itself is atomic
        }
    }

    /** Moves key files that older versions kept inside the data folder (and so in its backups) to this folder. */
    private void adoptLegacy(Path legacy) {
        if (!Files.isDirectory(legacy) || legacy.equals(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(legacy)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (exists(name)) {
                    throw new IllegalStateException("key file " + name + " exists both in " + legacy + " and in "
                            + folder + "; keep the right one and remove the other");
                }
                createFolder();
                writeDurably(folder.resolve(name), Files.readAllBytes(file));
                destroyFile(file);
            }
            Files.delete(legacy);
            syncFolder();
            log.info("Moved the key files from {} to {}: backups of the data folder must not hold keys",
                    legacy, folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the key files from " + legacy + " to " + folder, e);
        }
    }

    private static void destroyFile(Path file) throws IOException {
        writeDurably(file, new byte[(int) Files.size(file)]);
        Files.delete(file);
    }
}
