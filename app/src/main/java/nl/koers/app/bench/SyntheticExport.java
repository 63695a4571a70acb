package nl.koers.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.BasicConditionAssessed;
import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.events.common.BusinessCalendar;
import nl.koers.events.common.CbsWijkCode;
import nl.koers.events.common.EncryptedValue;
import nl.koers.events.common.SealedYouth;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.contact.PoliceContactRecorded;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.detention.NetworkMeetingHeld;
import nl.koers.events.detention.ReleaseReason;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.reference.Wijk;
import nl.koers.events.trajectory.CaseworkerAssigned;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.ReferralSource;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryOpened;
import nl.koers.platform.axon.AxonConfiguration;
import nl.koers.query.audit.AuditRecord;
import nl.koers.platform.hashchain.CanonicalJson;
import org.axonframework.serialization.Revision;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a synthetic but valid export: trajectories that open, get contacts, caseworkers, detentions with network
 * meetings, releases, basic-condition assessments, police contacts and closes, as real event records serialized
 * the way the live event store stores them, linked into a correct hash chain with an occasional gap in the
 * positions. Personal fields are random sealed-looking strings (no real data, no keys). Deterministic per seed;
 * written as it is generated, so any size fits in little memory.
 */
public final class SyntheticExport {
    private static final ObjectMapper MAPPER = AxonConfiguration.messageObjectMapper();
    private static final String[] CONTACT_KINDS = {"HOME_VISIT", "TALK", "TALK_WITH_PARENTS", "SCHOOL_CONTACT", "PHONE"};
    private static final int MAX_ACTIVE = 5_000;

    private final Random random;
    private final Instant start;
    private final long stepMillis;
    private final List<Wijk> wijken;
    private final List<Trajectory> active = new ArrayList<>();

    private long position;
    private long count;
    private Instant now;
    private String previousHash = AuditRecord.GENESIS;

    private static final class Trajectory {
        final String id;
        final String wijk;
        final String focusArea;
        final String user;
        long sequence = -1;
        String phase = "PREVENTION";
        boolean meetingHeld;

        Trajectory(String id, String wijk, String focusArea, String user) {
            this.id = id;
            this.wijk = wijk;
            this.focusArea = focusArea;
            this.user = user;
        }
    }

    private SyntheticExport(long seed, Instant start, Duration span, long events) {
        this.random = new Random(seed);
        this.start = start;
        this.now = start;
        this.stepMillis = Math.max(1, span.toMillis() / Math.max(1, events));
        this.wijken = ReferenceData.get().wijken().stream().filter(w -> w.focusArea() != null).toList();
    }

    /** Writes {@code events} linked events recorded from {@code start} over {@code span}; returns the final hash. */
    public static String write(Path file, long events, long seed, Instant start, Duration span) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return write(out, events, seed, start, span);
        }
    }

    public static String write(Writer out, long events, long seed, Instant start, Duration span) throws IOException {
        SyntheticExport export = new SyntheticExport(seed, start, span, events);
        while (export.count < events) {
            export.next(out);
        }
        return export.previousHash;
    }

    private void next(Writer out) throws IOException {
        now = start.plusMillis(count * stepMillis + random.nextInt((int) Math.min(stepMillis, 1_000)));
        LocalDate today = LocalDate.ofInstant(now, BusinessCalendar.ZONE);
        if (active.isEmpty() || (active.size() < MAX_ACTIVE && random.nextInt(8) == 0)) {
            open(out, today);
            return;
        }
        int index = random.nextInt(active.size());
        Trajectory t = active.get(index);
        int dice = random.nextInt(100);
        switch (t.phase) {
            case "PREVENTION" -> {
                if (dice < 45) {
                    contact(out, t, today);
                } else if (dice < 55) {
                    emit(out, t, new CaseworkerAssigned(id(t), "caseworker-" + random.nextInt(40), today, t.user));
                } else if (dice < 65) {
                    emit(out, t, new PoliceContactRecorded(id(t), "ARREST", today.minusDays(random.nextInt(3)), "liaison"));
                } else if (dice < 75) {
                    t.phase = "DETENTION";
                    t.meetingHeld = false;
                    emit(out, t, new DetentionStarted(id(t), DetentionType.values()[random.nextInt(3)], "JJI Teylingereind",
                            today.minusDays(random.nextInt(3)), "liaison"));
                } else if (dice < 85) {
                    close(out, t, today, index);
                } else {
                    contact(out, t, today);
                }
            }
            case "DETENTION" -> {
                if (!t.meetingHeld && dice < 50) {
                    t.meetingHeld = true;
                    emit(out, t, new NetworkMeetingHeld(id(t), today, "liaison"));
                } else if (dice < 70) {
                    t.phase = "AFTERCARE";
                    emit(out, t, new DetentionEnded(id(t), today, ReleaseReason.values()[random.nextInt(6)], "liaison"));
                } else {
                    contact(out, t, today);
                }
            }
            default -> {
                if (dice < 40) {
                    emit(out, t, new BasicConditionAssessed(id(t), BasicCondition.values()[random.nextInt(6)],
                            ConditionStatus.values()[random.nextInt(3)], today, t.user));
                } else if (dice < 50) {
                    emit(out, t, new PoliceContactRecorded(id(t), "ARREST", today, "liaison"));
                } else if (dice < 65) {
                    close(out, t, today, index);
                } else {
                    contact(out, t, today);
                }
            }
        }
    }

    private void open(Writer out, LocalDate today) throws IOException {
        Wijk wijk = wijken.get(random.nextInt(wijken.size()));
        Trajectory t = new Trajectory(uuid(), wijk.code().value(), wijk.focusArea().value(),
                "jeugdwerker-" + wijk.focusArea().value().toLowerCase());
        active.add(t);
        YouthId youth = new YouthId(uuid());
        emit(out, t, new TrajectoryOpened(id(t), youth, new CbsWijkCode(t.wijk), wijk.focusArea(),
                today.minusDays(random.nextInt(20)), ReferralSource.values()[random.nextInt(9)], sealed(40),
                new SealedYouth(sealed(12), sealed(16), sealed(10), random.nextBoolean() ? sealed(9) : null),
                12 + random.nextInt(12), t.user));
    }

    private void contact(Writer out, Trajectory t, LocalDate today) throws IOException {
        emit(out, t, new ContactRecorded(id(t), CONTACT_KINDS[random.nextInt(CONTACT_KINDS.length)],
                today.minusDays(random.nextInt(4)), random.nextInt(3) == 0 ? null : sealed(60), t.user));
    }

    private void close(Writer out, Trajectory t, LocalDate today, int index) throws IOException {
        t.phase = "CLOSED";
        emit(out, t, new TrajectoryClosed(id(t), today, ClosureReason.values()[random.nextInt(6)], t.user));
        active.set(index, active.get(active.size() - 1));
        active.remove(active.size() - 1);
    }

    private void emit(Writer out, Trajectory t, Object event) throws IOException {
        // Now and then a position is skipped, as a rolled-back insert leaves it in the JDBC store.
        position += random.nextInt(997) == 0 ? 2 : 1;
        t.sequence++;
        Revision revision = event.getClass().getAnnotation(Revision.class);
        String metadata = "{\"areas\":\"" + t.focusArea + "\",\"role\":\"YOUTH_WORKER\",\"user\":\"" + t.user + "\"}";
        AuditRecord record = new AuditRecord(position, uuid(), t.id, t.sequence, event.getClass().getName(),
                revision == null ? null : revision.value(), now.toString(), CanonicalJson.canonicalize(json(event)),
                metadata, null, null).linkedTo(previousHash);
        out.write(record.toLine());
        out.write('\n');
        previousHash = record.hash();
        count++;
    }

    private static byte[] json(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event.getClass().getSimpleName(), e);
        }
    }

    private EncryptedValue sealed(int plainLength) {
        byte[] bytes = new byte[12 + plainLength + 16];
        random.nextBytes(bytes);
        return new EncryptedValue(Base64.getEncoder().encodeToString(bytes));
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static TrajectoryId id(Trajectory t) {
        return new TrajectoryId(t.id);
    }
}
