package nl.koers.query.caseload;

import nl.koers.events.reference.ReferenceData;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.ApiProblem;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/caseload?focusArea=|neighbourhood=|gemeente=} (exactly one) and its live form
 * {@code GET /api/caseload/stream?…}: server-sent events named {@code caseload}, the current caseload first and
 * then a new one whenever an event changes the scope's counts (an Axon subscription query).
 */
@RestController
@RequestMapping("/api/caseload")
public class CaseloadController {
    private static final Logger log = LoggerFactory.getLogger(CaseloadController.class);
    /** A browser's EventSource reconnects by itself after this. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    private final CaseloadQueries queries;
    private final CaseloadAccess access;
    private final CurrentUser currentUser;
    private final QueryGateway queryGateway;

    public CaseloadController(CaseloadQueries queries, CaseloadAccess access, CurrentUser currentUser,
                              QueryGateway queryGateway) {
        this.queries = queries;
        this.access = access;
        this.currentUser = currentUser;
        this.queryGateway = queryGateway;
    }

    @GetMapping
    public Object caseload(@RequestParam(required = false) String neighbourhood,
                           @RequestParam(required = false) String focusArea,
                           @RequestParam(required = false) String gemeente) {
        var user = currentUser.get();
        CaseloadScope scope = scope(neighbourhood, focusArea, gemeente);
        access.checkRead(user, scope);
        return present(user, queries.caseload(scope));
    }

    /** Policy analysts get small counts suppressed; youth workers their own caseload as it is. */
    static Object present(KoersUser user, Caseload caseload) {
        return user.role() == Role.POLICY_ANALYST ? AnalystCaseload.of(caseload) : caseload;
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@RequestParam(required = false) String neighbourhood,
                             @RequestParam(required = false) String focusArea,
                             @RequestParam(required = false) String gemeente) {
        var user = currentUser.get();
        CaseloadScope scope = scope(neighbourhood, focusArea, gemeente);
        access.checkRead(user, scope);
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        SubscriptionQueryResult<Caseload, Caseload> result = queryGateway.subscriptionQuery(new FindCaseload(scope),
                ResponseTypes.instanceOf(Caseload.class), ResponseTypes.instanceOf(Caseload.class));
        Disposable subscription = result.initialResult().concatWith(result.updates())
                .subscribe(caseload -> send(emitter, present(user, caseload), result), emitter::completeWithError,
                        emitter::complete);
        Runnable stop = () -> {
            subscription.dispose();
            result.cancel();
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(error -> stop.run());
        return emitter;
    }

    private static void send(SseEmitter emitter, Object caseload, SubscriptionQueryResult<?, ?> result) {
        try {
            emitter.send(SseEmitter.event().name("caseload").data(caseload, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            log.debug("Live caseload client went away ({})", e.getClass().getSimpleName());
            result.cancel();
        }
    }

    /** Exactly one scope, known in the reference data (400 otherwise). */
    static CaseloadScope scope(String neighbourhood, String focusArea, String gemeente) {
        List<CaseloadScope> given = new ArrayList<>();
        ReferenceData reference = ReferenceData.get();
        if (neighbourhood != null) {
            if (reference.wijk(neighbourhood).isEmpty()) {
                throw ApiProblem.invalid("neighbourhood", "is not a CBS 2024 wijk code of the programme's municipalities");
            }
            given.add(CaseloadScope.neighbourhood(neighbourhood));
        }
        if (focusArea != null) {
            if (reference.focusArea(focusArea).isEmpty()) {
                throw ApiProblem.invalid("focusArea", "is not a focus area");
            }
            given.add(CaseloadScope.focusArea(focusArea));
        }
        if (gemeente != null) {
            if (reference.wijkenOfGemeente(gemeente).isEmpty()) {
                throw ApiProblem.invalid("gemeente", "is not a municipality of the programme (GMxxxx)");
            }
            given.add(CaseloadScope.gemeente(gemeente));
        }
        if (given.size() != 1) {
            throw ApiProblem.badRequest("Give exactly one of neighbourhood, focusArea or gemeente.");
        }
        return given.get(0);
    }
}
