package nl.koers.command.trajectory;

import nl.koers.command.idempotency.FormKeys;
import nl.koers.events.trajectory.ReferralSource;
import nl.koers.pages.Redirects;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.web.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /trajecten/nieuw}: the form of the query side's {@code GET /trajecten/nieuw}, handled by the same
 * endpoint code as {@code POST /api/trajectories} (same checks in the same order, same registry of open youths),
 * with the form's idempotency key ({@link FormKeys}: a double click opens one trajectory). Opened: {@code 303}
 * to the trajectory's page with {@code minVersion}, so it shows what was just recorded. Refused with 400 or the 409
 * of a youth who already has an open trajectory: back to the form, the entered values, the errors by field (as
 * message keys) and the open trajectory (only when the API would name it) in flash attributes, never in the
 * address. A 403 is the 403 page.
 */
@Controller
public class OpeningPage {
    static final String FORM = "/trajecten/nieuw";
    /** Flash attribute names the form page reads. */
    static final String VALUES = "openingValues";
    static final String ERRORS = "openingErrors";
    static final String DUPLICATE = "openingDuplicate";
    /** The API's field names → the form's. */
    private static final Map<String, String> FIELDS = Map.of("neighbourhood", "neighbourhood",
            "openedOn", "openedOn", "referral", "referralSource", "referral.source", "referralSource",
            "referral.reason", "referralReason", "youth", "givenName", "youth.givenName", "givenName",
            "youth.familyName", "familyName", "youth.birthDate", "birthDate", "youth.bsn", "bsn");

    private final TrajectoryController api;
    private final FormKeys keys;
    private final CurrentUser currentUser;

    public OpeningPage(TrajectoryController api, FormKeys keys, CurrentUser currentUser) {
        this.api = api;
        this.keys = keys;
        this.currentUser = currentUser;
    }

    @PostMapping(FORM)
    public RedirectView open(@RequestParam(required = false) String neighbourhood,
                             @RequestParam(required = false) String openedOn,
                             @RequestParam(required = false) String referralSource,
                             @RequestParam(required = false) String referralReason,
                             @RequestParam(required = false) String givenName,
                             @RequestParam(required = false) String familyName,
                             @RequestParam(required = false) String birthDate,
                             @RequestParam(required = false) String bsn,
                             @RequestParam(required = false) String caseworker,
                             @RequestParam(required = false) String idempotencyKey,
                             RedirectAttributes flash) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("neighbourhood", neighbourhood);
        values.put("openedOn", openedOn);
        values.put("referralSource", referralSource);
        values.put("referralReason", referralReason);
        values.put("givenName", givenName);
        values.put("familyName", familyName);
        values.put("birthDate", birthDate);
        values.put("bsn", bsn);
        values.put("caseworker", caseworker);
        Map<String, String> content = new LinkedHashMap<>();
        values.forEach((name, value) -> content.put(name, value == null ? "" : value));
        Optional<String> location = keys.once(currentUser.get().username(), idempotencyKey, FORM, content,
                () -> attempt(values, flash));
        // the same key with other content: the form was changed after it was sent; show it again to send anew
        return Redirects.seeOther(location.orElseGet(() -> back(flash, values, Map.of()).getUrl()));
    }

    /** Sends the form's request once; recorded only when the trajectory was opened. */
    private FormKeys.Result attempt(Map<String, String> values, RedirectAttributes flash) {
        String neighbourhood = values.get("neighbourhood");
        String openedOn = values.get("openedOn");
        String referralSource = values.get("referralSource");
        String referralReason = values.get("referralReason");
        String givenName = values.get("givenName");
        String familyName = values.get("familyName");
        String birthDate = values.get("birthDate");
        String bsn = values.get("bsn");
        String caseworker = values.get("caseworker");
        // What the form itself cannot turn into the request's types; the API still checks everything else, so
        // all problems show at once.
        Map<String, String> formErrors = new LinkedHashMap<>();
        OpenTrajectoryRequest request = new OpenTrajectoryRequest(blank(neighbourhood),
                date("openedOn", openedOn, formErrors),
                new OpenTrajectoryRequest.Referral(source(referralSource, formErrors), blank(referralReason)),
                new OpenTrajectoryRequest.Youth(blank(givenName), blank(familyName),
                        date("birthDate", birthDate, formErrors), blank(bsn)),
                blank(caseworker));
        try {
            if (!formErrors.isEmpty()) {
                // Still ask the API, for the other fields' problems; these fields' own come first.
                try {
                    api.open(request);
                } catch (ApiProblem problem) {
                    if (problem.status() != HttpStatus.BAD_REQUEST) {
                        throw problem;
                    }
                    problem.errors().forEach(error -> formErrors.putIfAbsent(formField(error), messageKey(error)));
                }
                return notOpened(back(flash, values, formErrors));
            }
            ResponseEntity<Map<String, Object>> opened = api.open(request);
            Map<String, Object> body = opened.getBody();
            return new FormKeys.Result("/trajecten/" + body.get("trajectoryId") + "?minVersion=" + body.get("version"),
                    true);
        } catch (TrajectoryOpening.YouthAlreadyOpen duplicate) {
            Map<String, String> shown = new LinkedHashMap<>();
            duplicate.shownTrajectory().ifPresent(id -> shown.put("trajectoryId", id.value()));
            flash.addFlashAttribute(DUPLICATE, shown);
            return notOpened(back(flash, values, Map.of()));
        } catch (ApiProblem problem) {
            if (problem.status() != HttpStatus.BAD_REQUEST || problem.errors().isEmpty()) {
                throw problem;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            problem.errors().forEach(error -> errors.putIfAbsent(formField(error), messageKey(error)));
            return notOpened(back(flash, values, errors));
        }
    }

    private static FormKeys.Result notOpened(RedirectView form) {
        return new FormKeys.Result(form.getUrl(), false);
    }

    private static RedirectView back(RedirectAttributes flash, Map<String, String> values, Map<String, String> errors) {
        flash.addFlashAttribute(VALUES, values);
        flash.addFlashAttribute(ERRORS, errors);
        return Redirects.seeOther(FORM);
    }

    private static String formField(FieldProblem error) {
        return FIELDS.getOrDefault(error.field(), error.field());
    }

    /** The API's problem of a field as a message key of the form's language. */
    static String messageKey(FieldProblem error) {
        String field = formField(error);
        String message = error.message();
        if (message.equals("is required")) {
            return switch (field) {
                case "neighbourhood" -> "opening.error.neighbourhood.required";
                case "referralSource" -> "opening.error.referralSource.required";
                default -> "form.required";
            };
        }
        if (message.equals("lies in the future")) {
            return "opening.error.future";
        }
        if (message.startsWith("is longer than")) {
            return "opening.error.tooLong";
        }
        if (message.equals("contains control characters")) {
            return "opening.error.control";
        }
        return switch (field) {
            case "neighbourhood" -> "opening.error.neighbourhood";
            case "birthDate" -> "opening.error.age";
            case "bsn" -> "opening.error.bsn";
            case "caseworker" -> "opening.error.caseworker";
            default -> "opening.error.invalid";
        };
    }

    private static LocalDate date(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "opening.error.date");
            return null;
        }
    }

    private static ReferralSource source(String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ReferralSource.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.put("referralSource", "opening.error.referralSource.required");
            return null;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
