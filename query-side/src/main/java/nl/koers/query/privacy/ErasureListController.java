package nl.koers.query.privacy;

import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** {@code GET /api/audit/erasures}: who erased which youth, when and why (AUDITOR and ADMIN). */
@RestController
public class ErasureListController {
    private final ErasureListProjection erasures;
    private final CurrentUser currentUser;

    public ErasureListController(ErasureListProjection erasures, CurrentUser currentUser) {
        this.erasures = erasures;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/audit/erasures")
    public Map<String, List<ErasureListProjection.ErasureRecord>> erasures() {
        Role role = currentUser.get().role();
        if (role != Role.AUDITOR && role != Role.ADMIN) {
            throw ApiProblem.forbidden("only auditors and administrators read the erasure list");
        }
        return Map.of("erasures", erasures.all());
    }
}
