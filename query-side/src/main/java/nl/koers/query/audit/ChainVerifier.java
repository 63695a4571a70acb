package nl.koers.query.audit;

import nl.koers.platform.hashchain.CanonicalJson;
import nl.koers.platform.hashchain.ChainLink;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Checks an export line by line, holding only three records at a time, and stops at the first broken link. Each
 * record must hash to its {@code hash} (else it was altered) and name the hash of the record before it as
 * {@code previousHash}; where that link breaks, one record of look-ahead tells what happened: the record belongs
 * after the next one (reordered), the chain runs on around it (inserted), or the record it links to is not there
 * (missing). The first record's {@code previousHash} is the anchor: {@link AuditRecord#GENESIS} for an export
 * from the start of the log, else the hash that ends the export before it.
 */
public final class ChainVerifier {
    public static final int PROGRESS_EVERY = 100_000;

    private ChainVerifier() {
    }

    public enum Kind { MALFORMED, ALTERED, UNCHAINED, MISSING, REORDERED, INSERTED }

    /** The first broken link: the export line (1-based), the record's position when known, and what is wrong. */
    public record Break(long line, Long position, Kind kind, String detail) {
        public String describe() {
            return (position == null ? "line " + line : "position " + position + " (line " + line + ")")
                    + ": " + kind.name().toLowerCase() + " record - " + detail;
        }
    }

    /** What an intact export holds. */
    public record Summary(long events, long firstPosition, long lastPosition, String anchor, String finalHash) {
        public boolean fromStartOfLog() {
            return AuditRecord.GENESIS.equals(anchor);
        }
    }

    public record Result(Summary summary, Break firstBreak) {
        public boolean intact() {
            return firstBreak == null;
        }
    }

    public static Result verify(BufferedReader reader) throws IOException {
        return verify(reader, events -> { });
    }

    /** An event-log export; {@code progress} hears the number of records checked every {@value #PROGRESS_EVERY}. */
    public static Result verify(BufferedReader reader, LongConsumer progress) throws IOException {
        return verify(reader, AuditRecord::parse, progress);
    }

    /** Any chained export whose lines {@code parser} reads (the event log, the access log). */
    public static Result verify(BufferedReader reader, Function<String, ? extends ChainLink> parser,
                                LongConsumer progress) throws IOException {
        Lines lines = new Lines(reader, parser);
        Parsed prev = null;
        Parsed cur = lines.next();
        long count = 0;
        String anchor = null;
        long first = -1;
        while (cur != null) {
            if (cur.error != null) {
                return broken(new Break(cur.line, null, Kind.MALFORMED, cur.error));
            }
            Parsed next = lines.next();
            Break problem = check(prev, cur.record, cur.line, next == null || next.error != null ? null : next.record);
            if (problem != null) {
                return broken(problem);
            }
            if (prev == null) {
                anchor = cur.record.previousHash();
                first = cur.record.position();
            }
            count++;
            if (count % PROGRESS_EVERY == 0) {
                progress.accept(count);
            }
            prev = cur;
            cur = next;
        }
        if (prev == null) {
            return new Result(new Summary(0, -1, -1, null, null), null);
        }
        return new Result(new Summary(count, first, prev.record.position(), anchor, prev.record.hash()), null);
    }

    private static Result broken(Break problem) {
        return new Result(null, problem);
    }

    private static Break check(Parsed prevParsed, ChainLink cur, long line, ChainLink next) {
        long at = cur.position();
        if (cur.hash() == null || cur.previousHash() == null) {
            return new Break(line, at, Kind.UNCHAINED, "the record is in the log but not in the hash chain (an event "
                    + "that committed after later events were chained)");
        }
        if (!cur.computeHash().equals(cur.hash())) {
            return new Break(line, at, Kind.ALTERED, "its content does not match its hash");
        }
        if (prevParsed == null) {
            return null;
        }
        ChainLink prev = prevParsed.record;
        if (at == prev.position()) {
            return new Break(line, at, Kind.INSERTED, "position " + at + " appears twice");
        }
        if (cur.previousHash().equals(prev.hash())) {
            if (at < prev.position()) {
                // Linked correctly yet numbered backwards: the position itself was changed after hashing.
                return new Break(line, at, Kind.ALTERED, "its position is lower than that of the record before it");
            }
            return null;
        }
        if (next != null && next.hash() != null && cur.previousHash().equals(next.hash())) {
            return new Break(line, at, Kind.REORDERED,
                    "position " + at + " belongs after position " + next.position() + ", which follows it");
        }
        if (next != null && prev.hash().equals(next.previousHash())) {
            return new Break(line, at, Kind.INSERTED, "the chain runs from position " + prev.position()
                    + " to position " + next.position() + " around this record");
        }
        if (next != null && next.position() < at) {
            return new Break(line, at, Kind.REORDERED, "position " + at + " comes before position " + next.position());
        }
        if (at < prev.position()) {
            return new Break(line, at, Kind.REORDERED, "position " + at + " comes after position " + prev.position());
        }
        if (cur.previousHash().equals(prev.previousHash())) {
            return new Break(line - 1, prev.position(), Kind.INSERTED, "positions " + prev.position() + " and " + at
                    + " both link to the same predecessor; the chain runs around position " + prev.position());
        }
        return new Break(line, at, Kind.MISSING, "it links to a record that is not in the export: a record between "
                + "positions " + prev.position() + " and " + at + " is missing");
    }

    /** One export line, read ahead: the record or why it is not one. */
    private record Parsed(long line, ChainLink record, String error) {
    }

    private static final class Lines {
        private final BufferedReader reader;
        private final Function<String, ? extends ChainLink> parser;
        private long line;

        Lines(BufferedReader reader, Function<String, ? extends ChainLink> parser) {
            this.reader = reader;
            this.parser = parser;
        }

        Parsed next() throws IOException {
            String text;
            do {
                text = reader.readLine();
                line++;
                if (text == null) {
                    return null;
                }
            } while (text.isBlank());
            try {
                return new Parsed(line, parser.apply(text), null);
            } catch (CanonicalJson.MalformedJson e) {
                return new Parsed(line, null, e.getMessage());
            }
        }
    }
}
