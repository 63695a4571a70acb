package nl.koers.app.audit;

import nl.koers.platform.accesslog.AccessLogLink;
import nl.koers.query.audit.AuditRecord;
import nl.koers.query.audit.ChainVerifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;

/**
 * {@code verify FILE}: streams an export through the chain verifier; exit 1 on the first broken link. The first
 * line tells which log it is: the event log ({@code GET /api/audit/events}) or the access log
 * ({@code GET /api/audit/access-log/export}).
 */
final class VerifyCommand {
    private static final int LOOK_AHEAD = 8 << 20;

    private VerifyCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("koers audit verify: give exactly one FILE");
            err.println(AuditCli.USAGE_TEXT);
            return AuditCli.USAGE;
        }
        long started = System.nanoTime();
        ChainVerifier.Result result;
        String records;
        try (BufferedReader reader = ExportFile.open(args[0])) {
            boolean accessLog = isAccessLog(reader);
            records = accessLog ? "access-log entries" : "events";
            result = ChainVerifier.verify(reader, accessLog ? AccessLogLink::parse : AuditRecord::parse,
                    checked -> err.printf("koers audit verify: %,d %s checked (%.1f s)%n", checked, records,
                            seconds(started)));
        } catch (IOException e) {
            err.println("koers audit verify: cannot read " + args[0] + ": " + e.getMessage());
            return AuditCli.USAGE;
        }
        if (!result.intact()) {
            out.println("BROKEN at " + result.firstBreak().describe());
            return AuditCli.BROKEN;
        }
        ChainVerifier.Summary summary = result.summary();
        if (summary.events() == 0) {
            out.println("INTACT: the export holds no " + records);
            return AuditCli.OK;
        }
        out.printf("INTACT: %,d %s, %s %d to %d%n", summary.events(), records,
                records.equals("events") ? "positions" : "sequence numbers", summary.firstPosition(),
                summary.lastPosition());
        out.println("  anchored on: " + (summary.fromStartOfLog() ? "the start of the log"
                : "previous hash " + summary.anchor() + " (the last hash of the export before this one)"));
        out.println("  final hash:  " + summary.finalHash());
        out.printf("  checked in %.1f s%n", seconds(started));
        return AuditCli.OK;
    }

    /** Whether the first record is an access-log entry; the reader is left where it was. */
    private static boolean isAccessLog(BufferedReader reader) throws IOException {
        reader.mark(LOOK_AHEAD);
        String line = reader.readLine();
        while (line != null && line.isBlank()) {
            line = reader.readLine();
        }
        reader.reset();
        return line != null && AccessLogLink.isLine(line);
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
