package nl.koers.app.audit;

import nl.koers.app.bench.SyntheticExport;
import nl.koers.query.audit.AuditRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code koers audit verify FILE} on a realistic export: what the auditor reads and the exit code a script sees. */
class AuditCliVerifyTest {
    @TempDir
    static Path dir;
    static Path export;
    static String finalHash;
    static List<String> lines;

    @BeforeAll
    static void writeExport() throws IOException {
        export = dir.resolve("export.ndjson");
        finalHash = SyntheticExport.write(export, 3_000, 42, Instant.parse("2026-01-01T08:00:00Z"), Duration.ofDays(60));
        lines = Files.readAllLines(export);
    }

    static AuditRun verify(Path file) {
        return AuditRun.of("verify", file.toString());
    }

    static Path tampered(String name, List<String> content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    static long positionOf(String line) {
        return AuditRecord.parse(line).position();
    }

    @Test
    void anIntactExportExitsZeroWithItsSummary() {
        AuditRun run = verify(export);
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("INTACT: 3,000 events, positions 1 to " + positionOf(lines.get(2_999)))
                .contains("the start of the log").contains("final hash:  " + finalHash);
    }

    @Test
    void anEditedPayloadExitsOneNamingThePosition() throws IOException {
        List<String> edited = new ArrayList<>(lines);
        int at = 1_234;
        edited.set(at, edited.get(at).replaceFirst("\"recordedBy\":\"[^\"]*\"", "\"recordedBy\":\"someone-else\""));
        AuditRun run = verify(tampered("edited.ndjson", edited));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("BROKEN at position " + positionOf(lines.get(at)) + " (line " + (at + 1) + "): altered record");
    }

    @Test
    void aDroppedLineExitsOneNamingTheRecordAfterTheHole() throws IOException {
        List<String> dropped = new ArrayList<>(lines);
        dropped.remove(2_000);
        AuditRun run = verify(tampered("dropped.ndjson", dropped));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("BROKEN at position " + positionOf(lines.get(2_001)))
                .contains("missing record").contains("between positions " + positionOf(lines.get(1_999)));
    }

    @Test
    void swappedLinesExitOneAsReordered() throws IOException {
        List<String> swapped = new ArrayList<>(lines);
        swapped.set(500, lines.get(501));
        swapped.set(501, lines.get(500));
        AuditRun run = verify(tampered("swapped.ndjson", swapped));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("BROKEN at position " + positionOf(lines.get(501))).contains("reordered record");
    }

    @Test
    void anInsertedLineExitsOneAsInserted() throws IOException {
        List<String> inserted = new ArrayList<>(lines);
        inserted.add(2_500, lines.get(10));
        AuditRun run = verify(tampered("inserted.ndjson", inserted));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("BROKEN at position " + positionOf(lines.get(10)) + " (line 2501)")
                .contains("inserted record");
    }

    @Test
    void aMissingFileIsAUsageErrorNotAVerdict() {
        AuditRun run = verify(dir.resolve("nothing-here.ndjson"));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void withoutACommandItShowsHowToUseIt() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AuditCli.run(new String[0], new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("koers audit verify FILE");
    }
}
