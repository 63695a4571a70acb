package nl.koers.query.audit;

import nl.koers.platform.hashchain.CanonicalJson;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of tampering with an export is caught at the record where the chain breaks. */
class ChainVerifierTest {

    /** Ten linked records at positions 1..4, 6..11: position 5 is a gap the store left (a rolled-back insert). */
    static List<String> chain() {
        List<String> lines = new ArrayList<>();
        String previous = AuditRecord.GENESIS;
        for (long position : new long[] {1, 2, 3, 4, 6, 7, 8, 9, 10, 11}) {
            AuditRecord record = record(position).linkedTo(previous);
            lines.add(record.toLine());
            previous = record.hash();
        }
        return lines;
    }

    static AuditRecord record(long position) {
        return new AuditRecord(position, "event-" + position, "trajectory-" + (position % 3), position / 3,
                "nl.koers.events.contact.ContactRecorded", "1", "2026-03-0" + (1 + position % 9) + "T10:15:30.123456Z",
                CanonicalJson.canonicalize("{\"kind\":\"HOME_VISIT\", \"note\":\"c2VhbGVk\", \"n\":" + position + "}"),
                "{\"user\":\"jeugdwerker\"}", null, null);
    }

    static ChainVerifier.Result verify(List<String> lines) throws IOException {
        return ChainVerifier.verify(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")));
    }

    static int lineOf(List<String> lines, long position) {
        for (int i = 0; i < lines.size(); i++) {
            if (AuditRecord.parse(lines.get(i)).position() == position) {
                return i;
            }
        }
        throw new IllegalArgumentException("no position " + position);
    }

    @Test
    void anIntactExportVerifiesAndReportsItsEnds() throws IOException {
        List<String> lines = chain();
        ChainVerifier.Result result = verify(lines);
        assertThat(result.intact()).isTrue();
        assertThat(result.summary().events()).isEqualTo(10);
        assertThat(result.summary().firstPosition()).isEqualTo(1);
        assertThat(result.summary().lastPosition()).isEqualTo(11);
        assertThat(result.summary().fromStartOfLog()).isTrue();
        assertThat(result.summary().finalHash()).isEqualTo(AuditRecord.parse(lines.get(9)).hash());
    }

    @Test
    void aPageFromTheMiddleIsAnchoredOnThePreviousPagesLastHash() throws IOException {
        List<String> lines = chain();
        ChainVerifier.Result result = verify(lines.subList(4, 10));
        assertThat(result.intact()).isTrue();
        assertThat(result.summary().fromStartOfLog()).isFalse();
        assertThat(result.summary().anchor()).isEqualTo(AuditRecord.parse(lines.get(3)).hash());
    }

    @Test
    void anEditedPayloadIsCaughtAsAlteredAtItsPosition() throws IOException {
        List<String> lines = chain();
        int at = lineOf(lines, 7);
        lines.set(at, lines.get(at).replace("HOME_VISIT", "PHONE_CALL"));
        ChainVerifier.Break found = verify(lines).firstBreak();
        assertThat(found.kind()).isEqualTo(ChainVerifier.Kind.ALTERED);
        assertThat(found.position()).isEqualTo(7);
        assertThat(found.line()).isEqualTo(at + 1);
    }

    @Test
    void anEditedTimestampOrPositionIsCaughtAsAltered() throws IOException {
        List<String> lines = chain();
        lines.set(2, lines.get(2).replace("T10:15:30", "T11:15:30"));
        assertThat(verify(lines).firstBreak().kind()).isEqualTo(ChainVerifier.Kind.ALTERED);
        assertThat(verify(lines).firstBreak().position()).isEqualTo(3);

        List<String> renumbered = chain();
        int at = lineOf(renumbered, 6);
        renumbered.set(at, renumbered.get(at).replace("\"position\":6", "\"position\":5"));
        assertThat(verify(renumbered).firstBreak().kind()).isEqualTo(ChainVerifier.Kind.ALTERED);
        assertThat(verify(renumbered).firstBreak().position()).isEqualTo(5);
    }

    @Test
    void aDroppedLineIsCaughtAsMissingAtTheNextPosition() throws IOException {
        List<String> lines = chain();
        lines.remove(lineOf(lines, 8));
        ChainVerifier.Break found = verify(lines).firstBreak();
        assertThat(found.kind()).isEqualTo(ChainVerifier.Kind.MISSING);
        assertThat(found.position()).isEqualTo(9);
        assertThat(found.detail()).contains("between positions 7 and 9");
    }

    @Test
    void theGapTheStoreLeftIsNotAMissingRecord() throws IOException {
        // Position 5 never existed; 6 links straight to 4.
        assertThat(AuditRecord.parse(chain().get(4)).previousHash())
                .isEqualTo(AuditRecord.parse(chain().get(3)).hash());
        assertThat(verify(chain()).intact()).isTrue();
    }

    @Test
    void swappedLinesAreCaughtAsReorderedAtTheFirstOutOfPlace() throws IOException {
        List<String> lines = chain();
        int at = lineOf(lines, 3);
        String three = lines.get(at);
        lines.set(at, lines.get(at + 1));
        lines.set(at + 1, three);
        ChainVerifier.Break found = verify(lines).firstBreak();
        assertThat(found.kind()).isEqualTo(ChainVerifier.Kind.REORDERED);
        assertThat(found.position()).isEqualTo(4);
        assertThat(found.detail()).contains("belongs after position 3");
    }

    @Test
    void aForgedRecordWithAValidHashInsertedInAGapIsCaughtAsInserted() throws IOException {
        List<String> lines = chain();
        AuditRecord four = AuditRecord.parse(lines.get(lineOf(lines, 4)));
        String forged = record(5).linkedTo(four.hash()).toLine();
        lines.add(lineOf(lines, 6), forged);
        ChainVerifier.Break found = verify(lines).firstBreak();
        assertThat(found.kind()).isEqualTo(ChainVerifier.Kind.INSERTED);
        assertThat(found.position()).isEqualTo(5);
    }

    @Test
    void aForgedRecordThatDoesNotLinkIsCaughtAsInsertedAtItsOwnPosition() throws IOException {
        List<String> lines = chain();
        String forged = record(5).linkedTo("ab".repeat(32)).toLine();
        lines.add(lineOf(lines, 6), forged);
        ChainVerifier.Break found = verify(lines).firstBreak();
        assertThat(found.kind()).isEqualTo(ChainVerifier.Kind.INSERTED);
        assertThat(found.position()).isEqualTo(5);
    }

    @Test
    void aCopiedLineInsertedElsewhereIsCaughtAsInserted() throws IOException {
        List<String> lines = chain();
        lines.add(lineOf(lines, 9), lines.get(lineOf(lines, 2)));
        ChainVerifier.Break found = verify(lines).firstBreak();
        assertThat(found.kind()).isEqualTo(ChainVerifier.Kind.INSERTED);
        assertThat(found.position()).isEqualTo(2);
        assertThat(found.line()).isEqualTo(lineOf(lines, 8) + 2);
    }

    @Test
    void aDuplicatedLineIsCaughtAsInserted() throws IOException {
        List<String> lines = chain();
        lines.add(lineOf(lines, 7), lines.get(lineOf(lines, 7)));
        ChainVerifier.Break found = verify(lines).firstBreak();
        assertThat(found.kind()).isEqualTo(ChainVerifier.Kind.INSERTED);
        assertThat(found.position()).isEqualTo(7);
        assertThat(found.detail()).contains("appears twice");
    }

    @Test
    void aLineThatIsNotARecordIsCaughtAsMalformedWithItsLineNumber() throws IOException {
        List<String> lines = chain();
        lines.set(5, lines.get(5).substring(0, 40));
        ChainVerifier.Break found = verify(lines).firstBreak();
        assertThat(found.kind()).isEqualTo(ChainVerifier.Kind.MALFORMED);
        assertThat(found.line()).isEqualTo(6);

        List<String> extraField = chain();
        extraField.set(1, extraField.get(1).replace("{\"aggregateId\"", "{\"note\":1,\"aggregateId\""));
        assertThat(verify(extraField).firstBreak().kind()).isEqualTo(ChainVerifier.Kind.MALFORMED);
        assertThat(verify(extraField).firstBreak().detail()).contains("unknown field \"note\"");
    }
}
