package nl.koers.app.cli;

import nl.koers.app.bench.AggregateBenchmark;
import nl.koers.app.bench.AuditBenchmark;
import nl.koers.app.bench.CommandBenchmark;
import nl.koers.app.audit.AuditCli;
import nl.koers.app.console.CliLogging;
import nl.koers.app.bench.QueryBenchmark;
import nl.koers.app.bench.ReplayBenchmark;
import nl.koers.app.bench.SearchBenchmark;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The command-line side of {@code ./koers}: {@code audit verify|replay …} and {@code bench replay|queries|audit|commands|search …}.
 * Results go to stdout, logs and progress to stderr; the process ends with the command's exit code (Axon and
 * the in-process MongoDB may leave non-daemon threads that would otherwise keep it alive).
 */
public final class KoersCli {
    static final String USAGE = """
            usage: koers audit verify FILE
                   koers audit replay FILE --as-of INSTANT --view caseload|outcomes|history [options]
                   koers bench replay [options]    rebuild all views from a generated log; events per second
                   koers bench queries [options]   caseload and history latency under concurrent clients
                   koers bench audit [options]     export, verify and replay times for large exports
                   koers bench commands [options]  durable commands per second over HTTP (Basic and bearer)
                   koers bench search [options]    search and worklist latency at 1 000 and 10 000 trajectories
                   koers bench aggregate [options] loading a trajectory of 10 000 events (snapshots)
            koers bench alone runs them all with their defaults, the replay last.
            Each subcommand prints its own options with --help.""";

    private KoersCli() {
    }

    public static void main(String[] args) {
        CliLogging.toStderr();
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0) {
            System.err.println(USAGE);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "audit" -> AuditCli.run(rest);
            case "bench" -> bench(rest);
            case "-h", "--help", "help" -> {
                System.out.println(USAGE);
                yield 0;
            }
            default -> {
                System.err.println("koers: unknown command '" + args[0] + "'\n" + USAGE);
                yield 2;
            }
        };
    }

    private static int bench(String[] args) {
        if (args.length == 0) {
            return everyBenchmark();
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "replay" -> ReplayBenchmark.run(rest);
            case "queries" -> QueryBenchmark.run(rest);
            case "audit" -> AuditBenchmark.run(rest);
            case "commands" -> CommandBenchmark.run(rest);
            case "search" -> SearchBenchmark.run(rest);
            case "aggregate" -> AggregateBenchmark.run(rest);
            default -> {
                System.err.println("koers bench: unknown benchmark '" + args[0] + "'\n" + USAGE);
                yield 2;
            }
        };
    }

    /**
     * {@code ./koers bench} alone: every benchmark with its defaults, one after the other, each in a fresh data
     * folder; the replay last, so the output ends with its "all views: …; raw read: …" line. Takes a while (about
     * half an hour on two cores); each benchmark can be run on its own with its options.
     */
    private static int everyBenchmark() {
        Map<String, Function<String[], Integer>> benchmarks = new LinkedHashMap<>();
        benchmarks.put("commands", CommandBenchmark::run);
        benchmarks.put("queries", QueryBenchmark::run);
        benchmarks.put("search", SearchBenchmark::run);
        benchmarks.put("aggregate", AggregateBenchmark::run);
        benchmarks.put("audit", AuditBenchmark::run);
        benchmarks.put("replay", ReplayBenchmark::run);
        int worst = 0;
        for (Map.Entry<String, Function<String[], Integer>> benchmark : benchmarks.entrySet()) {
            System.out.printf("%n== koers bench %s%n", benchmark.getKey());
            int exit = benchmark.getValue().apply(new String[0]);
            if (exit != 0) {
                System.out.printf("koers bench %s failed (exit %d)%n", benchmark.getKey(), exit);
                worst = Math.max(worst, exit);
            }
        }
        return worst;
    }
}
