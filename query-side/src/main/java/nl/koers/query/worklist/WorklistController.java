package nl.koers.query.worklist;

import nl.koers.platform.security.CurrentUser;
import nl.koers.query.common.IndividualReadPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/worklist?focusArea=&caseworker=me&page=&size=}: what needs doing now, most urgent first. */
@RestController
public record WorklistController(WorklistReader reader, CurrentUser currentUser) {
    @GetMapping("/api/worklist")
    public WorklistReader.Worklist worklist(@RequestParam(required = false) String focusArea,
                                            @RequestParam(required = false) String caseworker,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "" + WorklistReader.DEFAULT_PAGE_SIZE)
                                            int size,
                                            @RequestHeader(name = IndividualReadPolicy.PURPOSE_HEADER,
                                                    required = false) String purpose) {
        return reader.worklist(currentUser.get(), focusArea, caseworker, page, size, purpose);
    }
}
