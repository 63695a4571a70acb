package nl.koers.app.audit;

import nl.koers.app.console.CliLogging;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code ./koers audit verify FILE [--head ...]} and {@code ./koers audit replay FILE --as-of ... --view ...}: the
 * auditor's offline tools. Results go to stdout, progress and errors to stderr. Exit codes: 0 done (the export is
 * intact), 1 the export is broken, 2 wrong usage or unreadable input.
 */
public final class AuditCli {
    public static final int OK = 0;
    static final int BROKEN = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: koers audit verify FILE [--head POSITION:HASH]
                   koers audit replay FILE --as-of INSTANT|DATE --view caseload|outcomes|history
                          [--focus-area FA..] [--neighbourhood WK..] [--gemeente GM..] [--cohort YEAR]
                          [--trajectory ID] [--role analyst|liaison|youth-worker [--areas FA..,FA..]]
                          [--slices N]
              verify  checks the hash chain of an export of the event log (GET /api/audit/events) or of the
                      access log (GET /api/audit/access-log/export); names the first broken link; with --head
                      (GET /api/audit/head: its position and hash) the export must reach that head too
              replay  rebuilds a view from the events recorded up to INSTANT (ISO-8601, e.g. 2026-03-01T00:00:00Z)
                      or the end of DATE (2026-03-01, Europe/Amsterdam) with the live projection code and prints it
                      as the live endpoint showed it to that role (default: liaison for a history, analyst else);
                      the caseload and outcomes are built in N passes over FILE, one slice of the trajectories at
                      a time, so a large export fits the heap (default: one pass per 24 MB of FILE)
              FILE    an export in JSON Lines, or - for standard input""";

    private AuditCli() {
    }

    public static void main(String[] args) {
        CliLogging.toStderr();
        // Axon and the in-process MongoDB may leave non-daemon threads behind: end with the result.
        System.exit(run(args));
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            (args.length == 0 ? err : out).println(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "verify" -> VerifyCommand.run(rest, out, err);
            case "replay" -> ReplayCommand.run(rest, out, err);
            default -> {
                err.println("koers audit: unknown command '" + args[0] + "'");
                err.println(USAGE_TEXT);
                yield USAGE;
            }
        };
    }
}
