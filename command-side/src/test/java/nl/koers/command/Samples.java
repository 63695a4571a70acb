package nl.koers.command;

import nl.koers.command.common.CommandMetadata;
import nl.koers.events.common.BusinessCalendar;
import nl.koers.events.common.CbsWijkCode;
import nl.koers.events.common.EncryptedValue;
import nl.koers.events.common.FocusAreaCode;
import nl.koers.events.common.InterventionId;
import nl.koers.events.common.SealedYouth;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.detention.StartDetention;
import nl.koers.events.trajectory.ReferralSource;
import nl.koers.events.trajectory.TrajectoryOpened;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/** Fixed values for tests: one trajectory in Rotterdam-Zuid (FA03), a worker of that area, and "today". */
public final class Samples {
    public static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    /** 10:00 on {@link #TODAY} in the business zone, seen from a process that runs in UTC. */
    public static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 0).atZone(BusinessCalendar.ZONE).toInstant(),
            ZoneId.of("UTC"));
    public static final TrajectoryId ID = new TrajectoryId("0b8f5a52-3c1e-4f43-9d7a-6f0e2b1c9a01");
    public static final YouthId YOUTH = new YouthId("5d2c7e10-8a4b-4c3d-b2e1-0f9a8b7c6d02");
    public static final InterventionId INTERVENTION = new InterventionId("a3e1c9d7-2b4f-4e6a-8c0d-1f2e3d4c5b03");
    public static final CbsWijkCode WIJK = new CbsWijkCode("WK059910");
    public static final CbsWijkCode OTHER_WIJK = new CbsWijkCode("WK059912");
    public static final CbsWijkCode AMSTERDAM_WIJK = new CbsWijkCode("WK0363TA");
    public static final FocusAreaCode FA03 = new FocusAreaCode("FA03");
    public static final FocusAreaCode FA01 = new FocusAreaCode("FA01");
    public static final LocalDate OPENED = LocalDate.of(2025, 9, 1);
    public static final String WORKER = "jeugdwerker";
    public static final EncryptedValue SEALED = new EncryptedValue("c2VhbGVkIGZvciB0ZXN0cw==");
    public static final SealedYouth SEALED_YOUTH = new SealedYouth(new EncryptedValue("Z2l2ZW4="),
            new EncryptedValue("ZmFtaWx5"), new EncryptedValue("MjAxMC0wNS0wMQ=="), null);

    /** Metadata of a youth worker of Rotterdam-Zuid. */
    public static final Map<String, Object> WORKER_FA03 = Map.of(CommandMetadata.USER, WORKER,
            CommandMetadata.ROLE, "YOUTH_WORKER", CommandMetadata.AREAS, "FA03");

    private Samples() {
    }

    /** The day the sample detention starts. */
    public static final LocalDate DETAINED = LocalDate.of(2025, 11, 3);

    public static TrajectoryOpened opened() {
        return opened(OPENED);
    }

    public static TrajectoryOpened opened(LocalDate on) {
        return new TrajectoryOpened(ID, YOUTH, WIJK, FA03, on, ReferralSource.POLICE, SEALED, SEALED_YOUTH, 15,
                WORKER);
    }

    public static DetentionStarted detentionStarted(LocalDate on) {
        return new DetentionStarted(ID, DetentionType.PRE_TRIAL, "JJI Den Hey-Acker", on, WORKER);
    }

    public static StartDetention startDetention(LocalDate on) {
        return new StartDetention(ID, DetentionType.PRE_TRIAL, "JJI Den Hey-Acker", on, WORKER);
    }

    public static ContactRecorded contactRecorded(LocalDate on) {
        return new ContactRecorded(ID, "HOME_VISIT", on, SEALED, WORKER);
    }

    public static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    public static Map<String, Object> withExpectedVersion(long version) {
        Map<String, Object> meta = new java.util.HashMap<>(WORKER_FA03);
        meta.put(CommandMetadata.EXPECTED_VERSION, version);
        return meta;
    }
}
