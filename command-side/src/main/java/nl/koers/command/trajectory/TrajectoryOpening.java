package nl.koers.command.trajectory;

import nl.koers.command.youth.TrajectoryYouths;
import nl.koers.command.youth.YouthRegistry;
import nl.koers.command.common.CommandSender;
import nl.koers.events.common.Bsn;
import nl.koers.events.common.SealedYouth;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.events.reference.Wijk;
import nl.koers.events.trajectory.OpenTrajectory;
import nl.koers.platform.crypto.IdentityHasher;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.web.FieldChecks;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Optional;

/**
 * Opens a trajectory: validates the request (400), checks the worker's area (403), resolves the youth through
 * the registry (409 when they already have an open trajectory), seals the personal fields with the youth's key
 * and sends the command. Only pseudonymous ids and sealed values leave this class.
 */
@Service
public class TrajectoryOpening {
    private final CommandSender sender;
    private final YouthRegistry registry;
    private final TrajectoryYouths youths;
    private final IdentityHasher hasher;
    private final PersonalDataCipher cipher;
    private final Caseworkers caseworkers;
    private final Clock clock;

    public TrajectoryOpening(CommandSender sender, YouthRegistry registry, TrajectoryYouths youths,
                             IdentityHasher hasher, PersonalDataCipher cipher, Caseworkers caseworkers, Clock clock) {
        this.sender = sender;
        this.registry = registry;
        this.youths = youths;
        this.hasher = hasher;
        this.cipher = cipher;
        this.caseworkers = caseworkers;
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

        TrajectoryId trajectoryId = TrajectoryId.newId();
        OpenTrajectoryRequest.Youth youth = request.youth();
        Optional<Bsn> bsn = youth.validBsn();
        String identity = bsn.map(number -> hasher.ofBsn(number.value()))
                .orElseGet(() -> hasher.ofPerson(youth.givenName(), youth.familyName(), youth.birthDate()));
        YouthRegistry.Claim claim = registry.claim(identity, trajectoryId);
        if (!claim.granted()) {
            throw ApiProblem.conflict("this youth already has an open trajectory ("
                    + claim.openTrajectory().orElseThrow() + ")");
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
            registry.release(identity, trajectoryId);
            throw e;
        }
        return new Opened(trajectoryId, youthId, VERSION_AFTER_OPENING);
    }

    private SealedYouth sealed(YouthId youthId, OpenTrajectoryRequest.Youth youth, Optional<Bsn> bsn) {
        return new SealedYouth(cipher.seal(youthId, youth.givenName().trim()),
                cipher.seal(youthId, youth.familyName().trim()),
                cipher.seal(youthId, youth.birthDate().toString()),
                bsn.map(number -> cipher.seal(youthId, number.value())).orElse(null));
    }
}
