package nl.koers.command.trajectory;

import nl.koers.command.common.CommandMetadata;
import nl.koers.events.common.SealedYouth;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.reference.Wijk;
import nl.koers.events.trajectory.OpenTrajectory;
import nl.koers.platform.crypto.IdentityHasher;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.web.FieldChecks;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Period;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Opens a trajectory: validates the request (400), checks the worker's area (403), resolves the youth through
 * the registry (409 when they already have an open trajectory), seals the personal fields with the youth's key
 * and sends the command. Only pseudonymous ids and sealed values leave this class.
 */
@Service
public class TrajectoryOpening {
    private static final Pattern BSN = Pattern.compile("\\d{9}");

    private final CommandGateway commands;
    private final YouthRegistry registry;
    private final TrajectoryYouths youths;
    private final IdentityHasher hasher;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    public TrajectoryOpening(CommandGateway commands, YouthRegistry registry, TrajectoryYouths youths,
                             IdentityHasher hasher, PersonalDataCipher cipher, Clock clock) {
        this.commands = commands;
        this.registry = registry;
        this.youths = youths;
        this.hasher = hasher;
        this.cipher = cipher;
        this.clock = clock;
    }

    public record Opened(TrajectoryId trajectoryId, YouthId youthId, long version) {
    }

    public Opened open(OpenTrajectoryRequest request, KoersUser user) {
        FieldChecks checks = new FieldChecks(clock);
        Optional<Wijk> wijk = Optional.empty();
        if (checks.required("neighbourhood", request.neighbourhood())) {
            wijk = ReferenceData.get().wijk(request.neighbourhood());
            checks.check(wijk.isPresent(), "neighbourhood", "is not a CBS 2024 wijk code of the programme's municipalities");
        }
        checks.pastOrToday("openedOn", request.openedOn());
        if (checks.required("referral", request.referral())) {
            checks.required("referral.source", request.referral().source());
            checks.maxLength("referral.reason", request.referral().reason(), 2000);
        }
        OpenTrajectoryRequest.Youth youth = request.youth();
        int age = -1;
        if (checks.required("youth", youth)) {
            checks.required("youth.givenName", youth.givenName());
            checks.required("youth.familyName", youth.familyName());
            checks.maxLength("youth.givenName", youth.givenName(), 200);
            checks.maxLength("youth.familyName", youth.familyName(), 200);
            if (checks.pastOrToday("youth.birthDate", youth.birthDate()) && request.openedOn() != null) {
                age = Period.between(youth.birthDate(), request.openedOn()).getYears();
                checks.check(age >= 8 && age <= 27, "youth.birthDate",
                        "the youth must be 8 to 27 years old when the trajectory opens");
            }
            if (youth.bsn() != null && !youth.bsn().isBlank()) {
                checks.check(validBsn(youth.bsn()), "youth.bsn", "is not a valid BSN (9 digits, eleven test)");
            }
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
        String identity = hasBsn(youth) ? hasher.ofBsn(youth.bsn())
                : hasher.ofPerson(youth.givenName(), youth.familyName(), youth.birthDate());
        YouthRegistry.Claim claim = registry.claim(identity, trajectoryId);
        if (!claim.granted()) {
            throw ApiProblem.conflict("this youth already has an open trajectory ("
                    + claim.openTrajectory().orElseThrow() + ")");
        }
        YouthId youthId = claim.youthId();
        // Before the command: a later request may seal free text for this trajectory as soon as it exists.
        youths.remember(trajectoryId, youthId);
        try {
            OpenTrajectory command = new OpenTrajectory(trajectoryId, youthId, district.code(), district.focusArea(),
                    request.openedOn(), request.referral().source(),
                    cipher.seal(youthId, request.referral().reason()),
                    new SealedYouth(cipher.seal(youthId, youth.givenName().trim()),
                            cipher.seal(youthId, youth.familyName().trim()),
                            cipher.seal(youthId, youth.birthDate().toString()),
                            hasBsn(youth) ? cipher.seal(youthId, youth.bsn().trim()) : null),
                    age, user.username());
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .withMetaData(CommandMetadata.of(user, null)));
        } catch (RuntimeException e) {
            registry.release(identity, trajectoryId);
            throw e;
        }
        return new Opened(trajectoryId, youthId, 0);
    }

    private static boolean hasBsn(OpenTrajectoryRequest.Youth youth) {
        return youth.bsn() != null && !youth.bsn().isBlank();
    }

    /** The eleven test (elfproef) of the BSN. */
    static boolean validBsn(String bsn) {
        String digits = bsn.trim();
        if (!BSN.matcher(digits).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (digits.charAt(i) - '0');
        }
        sum -= digits.charAt(8) - '0';
        return sum % 11 == 0 && !digits.equals("000000000");
    }
}
