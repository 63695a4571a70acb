package nl.koers.command.trajectory;

import nl.koers.command.idempotency.RequestKey;
import nl.koers.command.youth.TrajectoryYouths;
import nl.koers.command.youth.YouthRegistry;
import nl.koers.command.common.CommandSender;
import nl.koers.events.common.Bsn;
import nl.koers.events.common.SealedYouth;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.events.reference.Wijk;
import nl.koers.events.trajectory.OpenTrajectory;
import nl.koers.platform.accesslog.AccessLog;
import nl.koers.platform.crypto.IdentityHasher;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.web.FieldChecks;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Opens a trajectory: validates the request (400), checks the worker's area (403), resolves the youth through
 * the registry by both their identities (409 when they already have an open trajectory; the id only for a caller who
 * may see it), seals the personal fields with the youth's key and sends the command. Only pseudonymous ids and
 * sealed values leave this class. A request with an {@code Idempotency-Key} opens the trajectory whose id the key
 * determines ({@link RequestKey}): when it is already in the event store, an earlier attempt recorded it and its
 * answer is given again.
 */
@Service
public class TrajectoryOpening {
    private final CommandSender sender;
    private final YouthRegistry registry;
    private final TrajectoryYouths youths;
    private final IdentityHasher hasher;
    private final PersonalDataCipher cipher;
    private final Caseworkers caseworkers;
    private final EventStore events;
    private final AccessLog accessLog;
    private final Clock clock;

    public TrajectoryOpening(CommandSender sender, YouthRegistry registry, TrajectoryYouths youths,
                             IdentityHasher hasher, PersonalDataCipher cipher, Caseworkers caseworkers,
                             EventStore events, AccessLog accessLog, Clock clock) {
        this.sender = sender;
        this.registry = registry;
        this.youths = youths;
        this.hasher = hasher;
        this.cipher = cipher;
        this.caseworkers = caseworkers;
        this.events = events;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** The trajectory's version after opening: the opening and its caseworker's assignment. */
    static final long VERSION_AFTER_OPENING = 1;

    public record Opened(TrajectoryId trajectoryId, YouthId youthId, long version) {
    }

    public Opened open(OpenTrajectoryRequest request, KoersUser user) {
        FieldChecks checks = new FieldChecks(clock);
        Optional<Wijk> wijk = request.check(checks);
        if (request.caseworker() != null) {
            caseworkers.check(checks, "caseworker", request.caseworker());
        }
        checks.throwIfAny();
        Wijk district = wijk.orElseThrow();
        if (user.role() != Role.YOUTH_WORKER) {
            throw ApiProblem.forbidden("only youth workers open trajectories");
        }
        if (district.focusArea() == null || !user.hasScope(district.focusArea())) {
            throw ApiProblem.forbidden("this neighbourhood is outside your focus areas");
        }

        TrajectoryId trajectoryId = new TrajectoryId(RequestKey.newId("trajectory"));
        Optional<Opened> earlier = openedBefore(trajectoryId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        OpenTrajectoryRequest.Youth youth = request.youth();
        Optional<Bsn> bsn = youth.validBsn();
        YouthRegistry.Identity identity = new YouthRegistry.Identity(bsn.map(n -> hasher.ofBsn(n.value())).orElse(null),
                hasher.ofPerson(youth.givenName(), youth.familyName(), youth.birthDate()));
        YouthRegistry.Claim claim = registry.claim(identity, trajectoryId, district.focusArea());
        if (!claim.granted()) {
            throw refusal(claim, user);
        }
        YouthId youthId = claim.youthId();
        // Before the command: a later request may seal free text for this trajectory as soon as it exists.
        youths.remember(trajectoryId, youthId);
        try {
            sender.send(new OpenTrajectory(trajectoryId, youthId, district.code(), district.focusArea(),
                    request.openedOn(), request.referral().source(), cipher.seal(youthId, request.referral().reason()),
                    sealed(youthId, youth, bsn), request.ageAtOpening(),
                    Caseworkers.forOpening(request.caseworker(), user), user.username()), user, null);
        } catch (RuntimeException e) {
            Optional<Opened> raced = openedBefore(trajectoryId); // a simultaneous retry of this request won
            if (raced.isPresent()) {
                return raced.get();
            }
            registry.release(identity, trajectoryId);
            throw e;
        }
        return new Opened(trajectoryId, youthId, VERSION_AFTER_OPENING);
    }

    /** The trajectory a keyed request's earlier attempt opened, answered as then. */
    private Optional<Opened> openedBefore(TrajectoryId trajectoryId) {
        if (RequestKey.current().isEmpty() || events.lastSequenceNumberFor(trajectoryId.value()).isEmpty()) {
            return Optional.empty();
        }
        return youths.youthOf(trajectoryId).map(youth -> new Opened(trajectoryId, youth, VERSION_AFTER_OPENING));
    }

    /**
     * 409 for a youth with an open trajectory. Its id only for a caller who works in its area; anyone else learns
     * neither the trajectory nor the area, and the attempt goes to the access log under that trajectory.
     */
    private YouthAlreadyOpen refusal(YouthRegistry.Claim claim, KoersUser user) {
        TrajectoryId open = claim.openTrajectory().orElseThrow();
        if (claim.openArea().filter(user::hasScope).isPresent()) {
            return new YouthAlreadyOpen("this youth already has an open trajectory (" + open + ")", open);
        }
        accessLog.refused(user.username(), user.role().name(), "POST /api/trajectories", "/api/trajectories",
                open.value(), claim.youthId().value(), null, HttpStatus.CONFLICT.value());
        return new YouthAlreadyOpen("this youth already has an open trajectory in a focus area outside yours; "
                + "contact the programme's coordinator", null);
    }

    /**
     * The 409 for a youth who already has an open trajectory; {@code shown} is that trajectory only when the caller
     * may know it (the same as the problem's detail says), for a page that links to it.
     */
    public static final class YouthAlreadyOpen extends ApiProblem {
        private final transient TrajectoryId shown;

        YouthAlreadyOpen(String detail, TrajectoryId shown) {
            super(HttpStatus.CONFLICT, "Conflict", detail, List.of());
            this.shown = shown;
        }

        public Optional<TrajectoryId> shownTrajectory() {
            return Optional.ofNullable(shown);
        }
    }

    private SealedYouth sealed(YouthId youthId, OpenTrajectoryRequest.Youth youth, Optional<Bsn> bsn) {
        return new SealedYouth(cipher.seal(youthId, youth.givenName().trim()),
                cipher.seal(youthId, youth.familyName().trim()),
                cipher.seal(youthId, youth.birthDate().toString()),
                bsn.map(number -> cipher.seal(youthId, number.value())).orElse(null));
    }
}
