package nl.koers.command.privacy;

import nl.koers.pages.Redirects;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.web.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code POST /beheer/wissen} (form fields {@code youthId}, {@code reason}, {@code confirm}): the erasure form of
 * the administrator's page, handled by the same endpoint code as {@code POST /api/youths/{id}/erasure} (same
 * checks in the same order, same erasure service), then {@code 303} back to {@code /beheer} with the outcome.
 * Field errors go back as codes, never the reason's text; a non-administrator gets the 403 page.
 */
@Controller
public class ErasurePage {
    private final ErasureController api;

    public ErasurePage(ErasureController api) {
        this.api = api;
    }

    @PostMapping("/beheer/wissen")
    public RedirectView erase(@RequestParam(required = false) String youthId,
                              @RequestParam(required = false) String reason,
                              @RequestParam(required = false) String confirm) {
        String id = youthId == null ? "" : youthId.trim();
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/beheer");
        if (confirm == null) {
            return back(back.queryParam("erasureError", "confirm").queryParam("youthId", id));
        }
        try {
            ResponseEntity<Map<String, Object>> done = api.erase(id, new ErasureController.ErasureRequest(reason));
            return back(back.queryParam("erased", id)
                    .queryParam("already", done.getStatusCode() == HttpStatus.OK));
        } catch (ApiProblem problem) {
            String error = switch (problem.status()) {
                case BAD_REQUEST -> problem.errors().stream().map(FieldProblem::field).collect(Collectors.joining(","));
                case NOT_FOUND -> "notFound";
                default -> throw problem;
            };
            return back(back.queryParam("erasureError", error).queryParam("youthId", id));
        }
    }

    private static RedirectView back(UriComponentsBuilder target) {
        return Redirects.seeOther(target.encode().build().toUriString() + "#wissen");
    }
}
