package nl.koers.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A scratch folder for a benchmark that was given no {@code --dir}: removed when the JVM exits, together with the
 * key folder Koers puts beside it ({@code DIR-keys}). A 100 000-event run leaves over a gigabyte of store files,
 * so repeated runs would otherwise fill the disk. A folder given with {@code --dir} is kept, to be looked at.
 */
final class BenchFolder {
    private BenchFolder() {
    }

    static Path temporary(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        Path keys = folder.resolveSibling(folder.getFileName() + "-keys");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            deleteQuietly(folder);
            deleteQuietly(keys);
        }, "bench-cleanup"));
        return folder;
    }

    private static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            System.err.println("koers bench: could not remove " + root + " (" + e.getMessage() + ")");
        }
    }
}
