package nl.koers.command.trajectory;

import nl.koers.platform.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

/** HTTP → commands for the trajectory itself (open, close, caseworker, transfer). */
@RestController
@RequestMapping("/api/trajectories")
public class TrajectoryController {
    private final TrajectoryOpening opening;
    private final CurrentUser currentUser;

    public TrajectoryController(TrajectoryOpening opening, CurrentUser currentUser) {
        this.opening = opening;
        this.currentUser = currentUser;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> open(@RequestBody OpenTrajectoryRequest request) {
        TrajectoryOpening.Opened opened = opening.open(request, currentUser.get());
        return ResponseEntity.created(URI.create("/api/trajectories/" + opened.trajectoryId()))
                .body(Map.of("trajectoryId", opened.trajectoryId().value(), "youthId", opened.youthId().value(),
                        "version", opened.version()));
    }
}
