package nl.koers.events;

import nl.koers.events.aftercare.AftercareStarted;
import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.BasicConditionAssessed;
import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.events.assessment.LifeDomain;
import nl.koers.events.assessment.RiskAssessmentRecorded;
import nl.koers.events.assessment.RiskLevel;
import nl.koers.events.common.CbsWijkCode;
import nl.koers.events.common.EncryptedValue;
import nl.koers.events.common.FocusAreaCode;
import nl.koers.events.common.InterventionId;
import nl.koers.events.common.SealedYouth;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.contact.PoliceContactRecorded;
import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.correction.EntryRetracted;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.detention.NetworkMeetingHeld;
import nl.koers.events.detention.PerspectiefplanSet;
import nl.koers.events.detention.ReleaseReason;
import nl.koers.events.detention.StpStarted;
import nl.koers.events.detention.TrajectoryMeetingHeld;
import nl.koers.events.intervention.InterventionCompleted;
import nl.koers.events.intervention.InterventionPlanned;
import nl.koers.events.intervention.InterventionStarted;
import nl.koers.events.intervention.InterventionStopped;
import nl.koers.events.intervention.StopReason;
import nl.koers.events.outcome.OutcomeKind;
import nl.koers.events.outcome.OutcomeRecorded;
import nl.koers.events.privacy.YouthPersonalDataErased;
import nl.koers.events.trajectory.CaseworkerAssigned;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.ReferralSource;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryOpened;
import nl.koers.events.trajectory.TrajectoryTransferred;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One fixed sample of every event, and the golden JSON files ({@code events/<Event>.v<revision>.json}) that pin
 * its stored form. Shipped in the test jar: the platform reads the files of older revisions through its
 * upcasters and must arrive at these same samples.
 */
public final class GoldenSamples {
    public static final TrajectoryId ID = new TrajectoryId("0b8f5a52-3c1e-4f43-9d7a-6f0e2b1c9a01");
    public static final YouthId YOUTH = new YouthId("5d2c7e10-8a4b-4c3d-b2e1-0f9a8b7c6d02");
    public static final InterventionId INTERVENTION = new InterventionId("a3e1c9d7-2b4f-4e6a-8c0d-1f2e3d4c5b03");
    private static final CbsWijkCode WIJK = new CbsWijkCode("WK059910");
    private static final CbsWijkCode OTHER_WIJK = new CbsWijkCode("WK059912");
    private static final FocusAreaCode FA03 = new FocusAreaCode("FA03");
    private static final String WORKER = "jeugdwerker";
    private static final EncryptedValue NOTE = new EncryptedValue("q83vAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0e");
    private static final Pattern FILE = Pattern.compile("(\\w+)\\.v(\\w+)\\.json");

    private GoldenSamples() {
    }

    /** A golden file: the event's simple name, the revision it was written in, and its JSON. */
    public record GoldenFile(String name, String event, String revision, String json) {
    }

    /** Event type → its sample, in the order of a trajectory's life. */
    public static Map<Class<?>, Object> samples() {
        Map<LifeDomain, RiskLevel> domains = new EnumMap<>(LifeDomain.class);
        domains.put(LifeDomain.SCHOOL, RiskLevel.HIGH);
        domains.put(LifeDomain.PEERS, RiskLevel.MEDIUM);
        List<Object> events = List.of(
                new TrajectoryOpened(ID, YOUTH, WIJK, FA03, date("2025-09-01"), ReferralSource.POLICE, NOTE,
                        new SealedYouth(new EncryptedValue("Z2l2ZW5OYW1l"), new EncryptedValue("ZmFtaWx5TmFtZQ=="),
                                new EncryptedValue("YmlydGhEYXRl"), new EncryptedValue("YnNu")), 15, WORKER),
                new CaseworkerAssigned(ID, "straatcoach-zuid", date("2025-09-02"), WORKER),
                new TrajectoryTransferred(ID, WIJK, OTHER_WIJK, FA03, date("2026-02-20"), WORKER),
                new TrajectoryClosed(ID, date("2026-03-01"), ClosureReason.GOALS_REACHED, WORKER),
                new RiskAssessmentRecorded(ID, date("2025-09-10"), domains, RiskLevel.HIGH, WORKER),
                new ContactRecorded(ID, "HOME_VISIT", date("2025-09-15"), NOTE, WORKER),
                new PoliceContactRecorded(ID, "ARREST", date("2025-10-30"), WORKER),
                new InterventionPlanned(ID, INTERVENTION, "DEBT_HELP", date("2025-09-20"), WORKER),
                new InterventionStarted(ID, INTERVENTION, "DEBT_HELP", date("2025-09-25"), NOTE, WORKER),
                new InterventionCompleted(ID, INTERVENTION, date("2025-10-20"), WORKER),
                new InterventionStopped(ID, INTERVENTION, date("2025-10-21"), StopReason.NO_SHOW, WORKER),
                new DetentionStarted(ID, DetentionType.PRE_TRIAL, "JJI Den Hey-Acker", date("2025-11-01"), WORKER),
                new NetworkMeetingHeld(ID, date("2025-11-05"), WORKER),
                new PerspectiefplanSet(ID, date("2025-11-20"), NOTE, WORKER),
                new TrajectoryMeetingHeld(ID, date("2025-11-20"), WORKER),
                new StpStarted(ID, date("2026-01-05"), WORKER),
                new DetentionEnded(ID, date("2026-02-01"), ReleaseReason.SENTENCE_SERVED, WORKER),
                new AftercareStarted(ID, date("2026-02-01"), WORKER),
                new BasicConditionAssessed(ID, BasicCondition.HOUSING, ConditionStatus.PARTLY, date("2026-02-10"),
                        WORKER),
                new OutcomeRecorded(ID, OutcomeKind.SCHOOL_ENROLMENT, date("2026-02-15"), WORKER),
                new EntryCorrected(ID, "3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c", date("2026-02-16"),
                        date("2025-09-14"), NOTE, WORKER),
                new EntryRetracted(ID, "3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c", date("2026-02-17"), NOTE, WORKER),
                new YouthPersonalDataErased(YOUTH, "verzoek tot verwijdering (AVG art. 17)", "beheerder"));
        Map<Class<?>, Object> byType = new LinkedHashMap<>();
        events.forEach(event -> byType.put(event.getClass(), event));
        return byType;
    }

    /** The sample of the event with this simple name. */
    public static Object sampleOf(String simpleName) {
        return samples().values().stream().filter(event -> event.getClass().getSimpleName().equals(simpleName))
                .findFirst().orElseThrow(() -> new AssertionError("no sample event named " + simpleName));
    }

    /** The golden file {@code events/<name>}. */
    public static String golden(String name) {
        try (InputStream in = GoldenSamples.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new AssertionError("no golden file events/" + name + " (shared-events/src/test/resources)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every golden file, from a folder or from the test jar. */
    public static List<GoldenFile> files() throws IOException, URISyntaxException {
        URI folder = GoldenSamples.class.getResource("/events").toURI();
        if (!"jar".equals(folder.getScheme())) {
            return files(Path.of(folder));
        }
        try (FileSystem jar = FileSystems.newFileSystem(folder, Map.of())) {
            return files(jar.getPath("/events"));
        }
    }

    private static List<GoldenFile> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.map(path -> path.getFileName().toString()).sorted().map(name -> {
                Matcher parts = FILE.matcher(name);
                if (!parts.matches()) {
                    throw new AssertionError("a golden file is named <Event>.v<revision>.json, not " + name);
                }
                return new GoldenFile(name, parts.group(1), parts.group(2), golden(name));
            }).toList();
        }
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
