package nl.koers.app.audit;

import nl.koers.platform.accesslog.AccessLogLink;
import nl.koers.platform.hashchain.ChainLink;
import nl.koers.query.audit.AuditRecord;
import nl.koers.query.audit.ChainVerifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code verify FILE [--head POSITION:HASH]}: streams an export through the chain verifier; exit 1 on the first
 * broken link. The first line tells which log it is: the event log ({@code GET /api/audit/events}) or the access log
 * ({@code GET /api/audit/access-log/export}). With {@code --head} (from {@code GET /api/audit/head}) the export must
 * also reach that position with that hash: an export cut short is incomplete, not intact.
 */
final class VerifyCommand {
    private static final int LOOK_AHEAD = 8 << 20;
    private static final Pattern HEAD = Pattern.compile("(-?\\d{1,18}):([0-9a-f]{64})");

    private VerifyCommand() {
    }

    /** Where a complete export must end. */
    private record Head(long position, String hash) {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Matcher head = args.length == 3 && args[1].equals("--head") ? HEAD.matcher(args[2]) : null;
        if (args.length != 1 && (head == null || !head.matches())) {
            err.println("koers audit verify: give one FILE, optionally followed by --head POSITION:HASH "
                    + "(as GET /api/audit/head answers: position, a colon, the 64 hex digits of the hash)");
            err.println(AuditCli.USAGE_TEXT);
            return AuditCli.USAGE;
        }
        Head expected = head == null ? null : new Head(Long.parseLong(head.group(1)), head.group(2));
        long started = System.nanoTime();
        ChainVerifier.Result result;
        String records;
        String[] hashAtHead = {null};
        try (BufferedReader reader = ExportFile.open(args[0])) {
            boolean accessLog = isAccessLog(reader);
            records = accessLog ? "access-log entries" : "events";
            Function<String, ChainLink> parser = accessLog ? AccessLogLink::parse : AuditRecord::parse;
            result = ChainVerifier.verify(reader, line -> {
                ChainLink link = parser.apply(line);
                if (expected != null && link.position() == expected.position()) {
                    hashAtHead[0] = link.hash();
                }
                return link;
            }, checked -> err.printf("koers audit verify: %,d %s checked (%.1f s)%n", checked, records,
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
        String incomplete = expected == null ? null : incomplete(summary, expected, hashAtHead[0]);
        if (incomplete != null) {
            out.println("INCOMPLETE: " + incomplete);
            return AuditCli.BROKEN;
        }
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
        if (expected != null && expected.position() >= 0) {
            out.println("  reaches the head: position " + expected.position() + ", hash " + expected.hash());
        }
        out.printf("  checked in %.1f s%n", seconds(started));
        return AuditCli.OK;
    }

    /** Why an intact export does not reach the head, or null when it does. */
    private static String incomplete(ChainVerifier.Summary summary, Head head, String hashAtHead) {
        if (head.position() < 0) {
            return null; // the log was empty when the head was taken
        }
        if (summary.events() == 0 || summary.lastPosition() < head.position()) {
            String end = summary.events() == 0 ? "the export holds no records"
                    : "the export ends at position " + summary.lastPosition();
            return end + ", before the head at position " + head.position() + ": the records after it up to the "
                    + "head are missing";
        }
        if (hashAtHead == null) {
            return "the export does not hold position " + head.position() + " of the head (it covers positions "
                    + summary.firstPosition() + " to " + summary.lastPosition() + ")";
        }
        if (!hashAtHead.equals(head.hash())) {
            return "position " + head.position() + " has hash " + hashAtHead + ", not the head's " + head.hash()
                    + ": the export is not the log the head was taken from";
        }
        return null;
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
