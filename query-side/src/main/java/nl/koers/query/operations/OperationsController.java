package nl.koers.query.operations;

import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.ApiProblem;
import nl.koers.query.common.Roles;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Administrator endpoints for the views: processor status, rebuild from the start of the log, and the dead-letter
 * queue of each processing group ({@code GET /api/admin/dead-letters[?processingGroup=]},
 * {@code POST /api/admin/dead-letters/retry?processingGroup=[&sequence=]},
 * {@code DELETE /api/admin/dead-letters?processingGroup=&sequence=[&eventId=]}).
 */
@RestController
@RequestMapping("/api/admin")
public record OperationsController(Processors processors, ViewRebuilds rebuilds, DeadLetters deadLetters,
                                   CurrentUser currentUser) {
    static final int MAX_LISTED_SEQUENCES = 1000;

    @GetMapping("/views")
    public List<Map<String, Object>> views() {
        checkAdmin(currentUser.get());
        return processors.names().stream().map(name -> {
            StreamingEventProcessor processor = processors.get(name);
            OptionalLong position = Processors.position(processor);
            OptionalLong lag = processors.lag(name);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("processor", name);
            view.put("running", processor.isRunning());
            view.put("rebuilding", rebuilds.rebuilding(name));
            view.put("claimedSegments", processor.processingStatus().size());
            view.put("position", position.isPresent() ? position.getAsLong() : null);
            view.put("lag", lag.isPresent() ? lag.getAsLong() : null);
            OptionalDouble progress = rebuilds.progress(name);
            view.put("rebuildProgress", progress.isPresent() ? progress.getAsDouble() : null);
            view.put("deadLetters", processors.configuration().deadLetterQueue(name).map(q -> q.size()).orElse(null));
            return view;
        }).toList();
    }

    @PostMapping("/views/{processor}/rebuild")
    public ResponseEntity<ViewRebuilds.Started> rebuild(@PathVariable String processor) {
        checkAdmin(currentUser.get());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.rebuild(processor));
    }

    /** Without {@code processingGroup}: how many letters each group holds; with it: that group's letters. */
    @GetMapping("/dead-letters")
    public Object list(@RequestParam(required = false) String processingGroup,
                       @RequestParam(defaultValue = "100") int limit) {
        var user = currentUser.get();
        if (limit < 1 || limit > MAX_LISTED_SEQUENCES) {
            throw ApiProblem.invalid("limit", "must be 1 to " + MAX_LISTED_SEQUENCES);
        }
        checkAdmin(user);
        if (processingGroup == null || processingGroup.isBlank()) {
            return deadLetters.overview();
        }
        return deadLetters.list(processingGroup, limit);
    }

    @PostMapping("/dead-letters/retry")
    public DeadLetters.Retried retry(@RequestParam(required = false) String processingGroup,
                                     @RequestParam(required = false) String sequence) {
        var user = currentUser.get();
        String group = required(processingGroup);
        checkAdmin(user);
        return deadLetters.retry(group, sequence);
    }

    @DeleteMapping("/dead-letters")
    public DeadLetters.Evicted evict(@RequestParam(required = false) String processingGroup,
                                     @RequestParam(required = false) String sequence,
                                     @RequestParam(required = false) String eventId) {
        var user = currentUser.get();
        String group = required(processingGroup);
        if (sequence == null || sequence.isBlank()) {
            throw ApiProblem.invalid("sequence", "is required: the trajectory id whose letters to evict");
        }
        checkAdmin(user);
        return deadLetters.evict(group, sequence, eventId);
    }

    private static void checkAdmin(KoersUser user) {
        Roles.require(user, "only administrators manage views and dead letters", Role.ADMIN);
    }

    private static String required(String processingGroup) {
        if (processingGroup == null || processingGroup.isBlank()) {
            throw ApiProblem.invalid("processingGroup", "is required");
        }
        return processingGroup;
    }
}
