package nl.koers.query.privacy;

import nl.koers.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit/erasures}: who erased which youth, when and why (AUDITOR and ADMIN). */
@RestController
public record ErasureListController(ErasureListReader reader, CurrentUser currentUser) {
    @GetMapping("/api/audit/erasures")
    public ErasureListReader.Erasures erasures() {
        return reader.erasures(currentUser.get());
    }
}
