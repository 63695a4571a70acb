package nl.koers.app.audit;

import nl.koers.query.audit.ChainVerifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;

/** {@code verify FILE}: streams the export through the chain verifier; exit 1 on the first broken link. */
final class VerifyCommand {

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
        try (BufferedReader reader = ExportFile.open(args[0])) {
            result = ChainVerifier.verify(reader, checked -> err.printf(
                    "koers audit verify: %,d events checked (%.1f s)%n", checked, seconds(started)));
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
            out.println("INTACT: the export holds no events");
            return AuditCli.OK;
        }
        out.printf("INTACT: %,d events, positions %d to %d%n", summary.events(), summary.firstPosition(),
                summary.lastPosition());
        out.println("  anchored on: " + (summary.fromStartOfLog() ? "the start of the log"
                : "previous hash " + summary.anchor() + " (the last hash of the export before this one)"));
        out.println("  final hash:  " + summary.finalHash());
        out.printf("  checked in %.1f s%n", seconds(started));
        return AuditCli.OK;
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
