package nl.koers.app.audit;

import nl.koers.app.bench.SyntheticExport;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A replay in slices hands on every event once, each trajectory's events all in one slice and in export order, so
 * the views built per slice add up to the view built at once (the answers themselves are compared with the live
 * system's in {@link ReplayEqualsLiveTest}). A wrong number of slices and an export that changes between passes
 * are refused.
 */
class ReplayInSlicesTest {
    static final Instant START = Instant.parse("2025-01-01T07:00:00Z");
    static final Duration SPAN = Duration.ofDays(300);
    @TempDir
    static Path dir;
    static Path export;

    @BeforeAll
    static void writeExport() throws IOException {
        export = dir.resolve("export.ndjson");
        SyntheticExport.write(export, 3_000, 7, START, SPAN);
    }

    @Test
    void everyEventIsHandedOnOnceWithEachTrajectoryInOneSliceInExportOrder() throws IOException {
        List<String> atOnce = new ArrayList<>();
        new ExportEvents().replay(() -> ExportFile.openBytes(export.toString()), Instant.MAX, r -> true,
                batch -> batch.forEach(message -> atOnce.add(message.getIdentifier())), lines -> { });

        Map<Integer, List<DomainEventMessage<?>>> bySlice = new HashMap<>();
        List<Integer> done = new ArrayList<>();
        int[] current = {0};
        ExportEvents.Counts counts = new ExportEvents().replayInSlices(() -> ExportFile.openBytes(export.toString()), 4,
                Instant.MAX, r -> true,
                batch -> bySlice.computeIfAbsent(current[0], s -> new ArrayList<>()).addAll(batch),
                slice -> {
                    done.add(slice);
                    current[0] = slice + 1;
                }, lines -> { });

        assertThat(done).containsExactly(0, 1, 2, 3);
        assertThat(counts.lines()).isEqualTo(3_000);
        assertThat(counts.delivered()).isEqualTo(atOnce.size());
        Map<String, Integer> sliceOfTrajectory = new HashMap<>();
        List<String> all = new ArrayList<>();
        bySlice.forEach((slice, messages) -> {
            assertThat(messages).as("slice %d holds events", slice).isNotEmpty();
            for (DomainEventMessage<?> message : messages) {
                Integer earlier = sliceOfTrajectory.putIfAbsent(message.getAggregateIdentifier(), slice);
                assertThat(earlier).as("trajectory %s", message.getAggregateIdentifier()).isIn(null, slice);
                all.add(message.getIdentifier());
            }
            List<String> inExportOrder = atOnce.stream()
                    .filter(id -> messages.stream().anyMatch(m -> m.getIdentifier().equals(id))).toList();
            assertThat(messages.stream().map(DomainEventMessage::getIdentifier).toList()).isEqualTo(inExportOrder);
        });
        assertThat(all).hasSize(atOnce.size()).containsExactlyInAnyOrderElementsOf(atOnce);
    }

    @Test
    void eventsAfterTheInstantAreInNoSlice() throws IOException {
        Instant half = START.plus(SPAN.dividedBy(2));
        List<DomainEventMessage<?>> handed = new ArrayList<>();
        ExportEvents.Counts counts = new ExportEvents().replayInSlices(() -> ExportFile.openBytes(export.toString()), 3,
                half, r -> true, handed::addAll, slice -> { }, lines -> { });

        assertThat(counts.lines()).isEqualTo(3_000);
        assertThat(counts.delivered()).isEqualTo(handed.size()).isBetween(1L, 2_999L);
        assertThat(handed).allSatisfy(message -> assertThat(message.getTimestamp()).isBeforeOrEqualTo(half));
    }

    @Test
    void linesAreFoundAsAReaderFindsThem() throws IOException {
        String longLine = "x".repeat(3 << 20);
        String text = "first\r\n\n  \t\nsecond \u00e9\n" + longLine + "\nlast without an end";
        List<String> found = new ArrayList<>();
        try (ExportLines lines = new ExportLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            while (lines.next()) {
                if (!lines.blank()) {
                    found.add(lines.text());
                }
            }
        }

        assertThat(found).containsExactly("first", "second \u00e9", longLine, "last without an end");
    }

    @Test
    void anExportThatChangesBetweenPassesIsRefused() throws IOException {
        List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
        int[] opened = {0};
        ExportEvents.Source shrinking = () -> new ByteArrayInputStream(String.join("\n",
                opened[0]++ == 0 ? lines : lines.subList(0, lines.size() - 1)).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> new ExportEvents().replayInSlices(shrinking, 2, Instant.MAX, r -> true,
                batch -> { }, slice -> { }, progress -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("the export changed while it was replayed");
    }

    @Test
    void aNumberOfSlicesOutsideOneToAHundredIsAUsageError() {
        for (String slices : List.of("0", "101", "many")) {
            AuditRun run = AuditRun.of("replay", export.toString(), "--as-of", "2025-06-01", "--view", "caseload",
                    "--focus-area", "FA03", "--slices", slices);

            assertThat(run.exit()).as(slices).isEqualTo(AuditCli.USAGE);
            assertThat(run.err()).contains("--slices must be a number from 1 to 100");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void standardInputCannotBeReadInSeveralSlices() {
        AuditRun run = AuditRun.of("replay", "-", "--as-of", "2025-06-01", "--view", "outcomes", "--focus-area",
                "FA03", "--cohort", "2025", "--slices", "2");

        assertThat(run.exit()).isEqualTo(AuditCli.USAGE);
        assertThat(run.err()).contains("standard input can be read once only");
    }

    @Test
    void aHistoryIsReplayedInOnePassAndSaysSo() throws IOException {
        String trajectory = nl.koers.query.audit.AuditRecord.parse(Files.readAllLines(export).get(0)).aggregateId();
        AuditRun run = AuditRun.of("replay", export.toString(), "--as-of", START.plus(SPAN).toString(), "--view",
                "history", "--trajectory", trajectory, "--slices", "3");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("--slices ignored").doesNotContain("slice 1 of");
        assertThat(run.out()).contains(trajectory);
    }

    @Test
    void inSlicesTheReplayedCaseloadIsTheOneReplayedAtOnce() {
        String atOnce = caseloadIn(1);
        String inSlices = caseloadIn(5);

        assertThat(inSlices).isEqualTo(atOnce).contains("\"code\" : \"FA03\"");
    }

    private static String caseloadIn(int slices) {
        AuditRun run = AuditRun.of("replay", export.toString(), "--as-of", START.plus(SPAN).toString(), "--view",
                "caseload", "--focus-area", "FA03", "--slices", String.valueOf(slices));
        assertThat(run.exit()).as(run.err()).isZero();
        if (slices > 1) {
            assertThat(run.err()).contains("slice " + slices + " of " + slices + " done");
        }
        return run.out();
    }
}
