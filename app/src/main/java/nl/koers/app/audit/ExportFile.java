package nl.koers.app.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens an export for reading line by line (never whole): a file, or standard input for {@code -}. */
public final class ExportFile {
    private static final int BUFFER = 1 << 20;

    private ExportFile() {
    }

    public static BufferedReader open(String name) throws IOException {
        return new BufferedReader(new InputStreamReader(openBytes(name), StandardCharsets.UTF_8), BUFFER);
    }

    /** The export's bytes (a replay finds the lines itself, {@link ExportLines}). */
    public static InputStream openBytes(String name) throws IOException {
        return name.equals("-") ? System.in : Files.newInputStream(file(name));
    }

    /** The export's size in bytes; standard input has none ({@code -1}). */
    static long size(String name) throws IOException {
        return name.equals("-") ? -1 : Files.size(file(name));
    }

    private static Path file(String name) throws IOException {
        Path path = Path.of(name);
        if (!Files.isRegularFile(path)) {
            throw new IOException("no such file: " + name);
        }
        return path;
    }
}
