package nl.koers.query.caseload;

import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.KoersUser;
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

/**
 * {@code GET /api/caseload?focusArea=|neighbourhood=|gemeente=} (exactly one) and its live form
 * {@code GET /api/caseload/stream?…}: server-sent events named {@code caseload}, the current caseload first and
 * then a new one whenever an event changes the scope's counts.
 */
@RestController
@RequestMapping("/api/caseload")
public record CaseloadController(CaseloadReader reader, CurrentUser currentUser) {
    private static final Logger log = LoggerFactory.getLogger(CaseloadController.class);
    /** A browser's EventSource reconnects by itself after this. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    @GetMapping
    public Object caseload(@RequestParam(required = false) String neighbourhood,
                           @RequestParam(required = false) String focusArea,
                           @RequestParam(required = false) String gemeente) {
        KoersUser user = currentUser.get();
        return reader.caseload(user, CaseloadScope.of(neighbourhood, focusArea, gemeente));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@RequestParam(required = false) String neighbourhood,
                             @RequestParam(required = false) String focusArea,
                             @RequestParam(required = false) String gemeente) {
        KoersUser user = currentUser.get();
        CaseloadReader.Live live = reader.follow(user, CaseloadScope.of(neighbourhood, focusArea, gemeente));
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Disposable subscription = live.caseloads().subscribe(caseload -> send(emitter, caseload, live),
                emitter::completeWithError, emitter::complete);
        Runnable stop = () -> {
            subscription.dispose();
            live.stop();
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(error -> stop.run());
        return emitter;
    }

    private static void send(SseEmitter emitter, Object caseload, CaseloadReader.Live live) {
        try {
            emitter.send(SseEmitter.event().name("caseload").data(caseload, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            log.debug("Live caseload client went away ({})", e.getClass().getSimpleName());
            live.stop();
        }
    }
}
