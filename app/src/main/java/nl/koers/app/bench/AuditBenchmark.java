package nl.koers.app.bench;

import nl.koers.app.audit.AuditCli;
import nl.koers.app.audit.ExportEvents;
import nl.koers.app.audit.ExportFile;
import nl.koers.app.audit.ReplayCommand;
import nl.koers.app.console.CliLogging;
import nl.koers.query.audit.ChainVerifier;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./koers bench audit [--events 100000,1000000] [--views caseload,outcomes,history] [--export-up-to N]
 * [--dir DIR]}: times the auditor's tools on synthetic but valid exports (real event records, a correct chain,
 * gaps in the positions). Per size: generating the export, {@code verify}, and {@code replay} of each view at the
 * export's last instant; for sizes up to {@code --export-up-to} (default 100000) also loading the events into a
 * running embedded Koers and exporting them over HTTP. Figures go to stdout as a table; run it with the same heap
 * as {@code ./koers} (512 MB) to check the tools fit.
 */
public final class AuditBenchmark {
    static final Instant START = Instant.parse("2024-01-01T07:00:00Z");
    static final Duration SPAN = Duration.ofDays(700);

    private AuditBenchmark() {
    }

    public static void main(String[] args) {
        CliLogging.toStderr();
        System.exit(run(args));
    }

    public static int run(String[] args) {
        List<Long> sizes = List.of(100_000L, 1_000_000L);
        List<String> views = List.of("caseload", "outcomes", "history");
        long exportUpTo = 100_000;
        Path dir = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--events" -> sizes = parseSizes(args[i + 1]);
                case "--views" -> views = List.of(args[i + 1].split(","));
                case "--export-up-to" -> exportUpTo = Long.parseLong(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                default -> {
                    System.err.println("koers bench audit: unknown option " + args[i]);
                    return AuditCli.USAGE;
                }
            }
        }
        try {
            Path work = dir != null ? Files.createDirectories(dir) : BenchFolder.temporary("koers-audit-bench");
            System.out.printf("audit benchmark: heap max %d MB, %d cores%n", Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("%-10s %-22s %10s %14s %s%n", "events", "step", "seconds", "events/s", "note");
            for (long size : sizes) {
                bench(work, size, views, size <= exportUpTo);
            }
            return AuditCli.OK;
        } catch (IOException | RuntimeException e) {
            System.err.println("koers bench audit: " + e);
            return AuditCli.USAGE;
        }
    }

    private static void bench(Path work, long size, List<String> views, boolean export) throws IOException {
        Path file = work.resolve("export-" + size + ".ndjson");
        long t = System.nanoTime();
        SyntheticExport.write(file, size, size, START, SPAN);
        row(size, "generate", t, Files.size(file) / (1 << 20) + " MB");

        t = System.nanoTime();
        ChainVerifier.Result result;
        try (BufferedReader reader = ExportFile.open(file.toString())) {
            result = ChainVerifier.verify(reader);
        }
        row(size, "verify", t, result.intact() ? "intact, peak heap " + usedHeapMb() + " MB" : "BROKEN?!");

        Instant asOf = START.plus(SPAN);
        String trajectory = firstTrajectory(file);
        for (String view : views) {
            List<String> replay = new ArrayList<>(List.of(file.toString(), "--as-of", asOf.toString(), "--view", view));
            switch (view) {
                case "caseload" -> replay.addAll(List.of("--focus-area", "FA03"));
                case "outcomes" -> replay.addAll(List.of("--focus-area", "FA03", "--cohort", "2024"));
                default -> replay.addAll(List.of("--trajectory", trajectory));
            }
            System.gc();
            t = System.nanoTime();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            int exit = ReplayCommand.run(replay.toArray(String[]::new), new PrintStream(answer),
                    new PrintStream(OutputStream.nullOutputStream()));
            row(size, "replay " + view, t, exit == 0 ? answer.size() + " bytes of JSON, heap " + usedHeapMb() + " MB"
                    : "failed with exit " + exit);
        }
        if (export) {
            Map<String, Double> figures = LiveExportBenchmark.run(file, work.resolve("live-" + size));
            figures.forEach((step, seconds) -> System.out.printf("%-10d %-22s %10.1f %14.0f%n", size, step, seconds,
                    size / seconds));
        }
    }

    private static String firstTrajectory(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            return nl.koers.query.audit.AuditRecord.parse(reader.readLine()).aggregateId();
        }
    }

    private static void row(long size, String step, long startedNanos, String note) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf("%-10d %-22s %10.1f %14.0f %s%n", size, step, seconds, size / seconds, note);
        System.out.flush();
    }

    private static long usedHeapMb() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }

    private static List<Long> parseSizes(String list) {
        List<Long> sizes = new ArrayList<>();
        for (String size : list.split(",")) {
            sizes.add(Long.parseLong(size.replace("_", "")));
        }
        return sizes;
    }
}
