package nl.koers.command.trajectorypage;

import jakarta.servlet.http.HttpServletRequest;
import nl.koers.command.aftercare.BasicConditionController;
import nl.koers.command.assessment.AssessmentController;
import nl.koers.command.common.IfMatch;
import nl.koers.command.contact.ContactController;
import nl.koers.command.correction.CorrectionController;
import nl.koers.command.detention.DetentionController;
import nl.koers.command.idempotency.FormKeys;
import nl.koers.command.intervention.InterventionController;
import nl.koers.command.outcome.OutcomeController;
import nl.koers.command.trajectory.TrajectoryController;
import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.events.assessment.LifeDomain;
import nl.koers.events.assessment.RiskLevel;
import nl.koers.events.common.CommandRefused;
import nl.koers.events.common.Rejection;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.detention.ReleaseReason;
import nl.koers.events.intervention.StopReason;
import nl.koers.events.outcome.OutcomeKind;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.pages.Redirects;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.web.FieldProblem;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The forms of the trajectory page ({@code /trajecten/{id}}, query side): each post runs the API's own endpoint
 * method for the same user (same checks in the same order, same {@code CommandSender}), then {@code 303} to the
 * page: after a recording with {@code ?minVersion=N}, so the page shows it; otherwise back to the form.
 * <ul>
 * <li>Every form carries an idempotency key and the version the page was shown at. The key goes through
 * {@link FormKeys}: a double click records once and both clicks land on the same page. The version is the
 * form's {@code If-Match}: if someone recorded something in between, nothing is recorded and the page shows the
 * fresh state with the notice and the values as typed, to send again.</li>
 * <li>Field errors, notices and the values typed go back through the session (flash attributes), never in the
 * URL: the command side has no readers, and the values may be personal.</li>
 * <li>A refusal that is no mistake in the form (403 outside one's areas, 404) is the problem page, as on the
 * query side ({@code PageProblems}), and a 403 is in the access log.</li>
 * </ul>
 */
@Controller
@RequestMapping("/trajecten/{id}")
public class TrajectoryForms {
    /** Flash attributes the page reads. */
    static final String FORM = "formName";
    static final String VALUES = "formValues";
    static final String ERRORS = "formErrors";
    static final String NOTICE = "formNotice";
    static final String DETAIL = "formDetail";

    private final FormKeys keys;
    private final CurrentUser currentUser;
    private final HttpServletRequest request;
    private final ContactController contacts;
    private final InterventionController interventions;
    private final AssessmentController assessments;
    private final DetentionController detentions;
    private final BasicConditionController basicConditions;
    private final OutcomeController outcomes;
    private final TrajectoryController trajectories;
    private final CorrectionController corrections;

    public TrajectoryForms(FormKeys keys, CurrentUser currentUser, HttpServletRequest request,
                           ContactController contacts, InterventionController interventions,
                           AssessmentController assessments, DetentionController detentions,
                           BasicConditionController basicConditions, OutcomeController outcomes,
                           TrajectoryController trajectories, CorrectionController corrections) {
        this.keys = keys;
        this.currentUser = currentUser;
        this.request = request;
        this.contacts = contacts;
        this.interventions = interventions;
        this.assessments = assessments;
        this.detentions = detentions;
        this.basicConditions = basicConditions;
        this.outcomes = outcomes;
        this.trajectories = trajectories;
        this.corrections = corrections;
    }

    @PostMapping("/contact")
    public RedirectView contact(@PathVariable String id, @RequestParam Map<String, String> fields,
                                RedirectAttributes flash) {
        return post(id, "contact", fields, flash, form -> contacts.contact(id,
                new ContactController.ContactRequest(form.text("kind"), form.date("contactOn"), form.note("note"))));
    }

    @PostMapping("/politiecontact")
    public RedirectView policeContact(@PathVariable String id, @RequestParam Map<String, String> fields,
                                      RedirectAttributes flash) {
        return post(id, "policeContact", fields, flash, form -> contacts.policeContact(id,
                new ContactController.PoliceContactRequest(form.text("kind"), form.date("on"))));
    }

    @PostMapping("/interventie")
    public RedirectView intervention(@PathVariable String id, @RequestParam Map<String, String> fields,
                                     RedirectAttributes flash) {
        return post(id, "intervention", fields, flash, form -> interventions.record(id,
                new InterventionController.RecordRequest(form.text("type"), form.date("startedOn"),
                        form.date("endedOn"), form.note("note"))));
    }

    @PostMapping("/interventie-gepland")
    public RedirectView planIntervention(@PathVariable String id, @RequestParam Map<String, String> fields,
                                         RedirectAttributes flash) {
        return post(id, "plan", fields, flash, form -> interventions.plan(id,
                new InterventionController.PlanRequest(form.text("type"), form.date("plannedOn"))));
    }

    @PostMapping("/interventie/{interventionId}/start")
    public RedirectView startIntervention(@PathVariable String id, @PathVariable String interventionId,
                                          @RequestParam Map<String, String> fields, RedirectAttributes flash) {
        return post(id, "start-" + interventionId, fields, flash, form -> interventions.start(id, interventionId,
                new InterventionController.StartRequest(form.date("startedOn"), form.note("note"))));
    }

    @PostMapping("/interventie/{interventionId}/afgerond")
    public RedirectView completeIntervention(@PathVariable String id, @PathVariable String interventionId,
                                             @RequestParam Map<String, String> fields, RedirectAttributes flash) {
        return post(id, "complete-" + interventionId, fields, flash, form -> interventions.complete(id,
                interventionId, new InterventionController.CompleteRequest(form.date("completedOn"))));
    }

    @PostMapping("/interventie/{interventionId}/gestopt")
    public RedirectView stopIntervention(@PathVariable String id, @PathVariable String interventionId,
                                         @RequestParam Map<String, String> fields, RedirectAttributes flash) {
        return post(id, "stop-" + interventionId, fields, flash, form -> interventions.stop(id, interventionId,
                new InterventionController.StopRequest(form.date("stoppedOn"), form.choice("reason", StopReason.class))));
    }

    /** One select per life domain; a domain left empty was not assessed. */
    @PostMapping("/risicotaxatie")
    public RedirectView assessment(@PathVariable String id, @RequestParam Map<String, String> fields,
                                   RedirectAttributes flash) {
        return post(id, "assessment", fields, flash, form -> {
            Map<LifeDomain, RiskLevel> domains = new EnumMap<>(LifeDomain.class);
            for (LifeDomain domain : LifeDomain.values()) {
                RiskLevel level = form.choice("domains." + domain.name(), RiskLevel.class);
                if (level != null) {
                    domains.put(domain, level);
                }
            }
            return assessments.assess(id, new AssessmentController.AssessmentRequest(form.date("assessedOn"),
                    domains, form.choice("overall", RiskLevel.class)));
        });
    }

    @PostMapping("/detentie")
    public RedirectView startDetention(@PathVariable String id, @RequestParam Map<String, String> fields,
                                       RedirectAttributes flash) {
        return post(id, "detention", fields, flash, form -> detentions.start(id, new DetentionController.StartRequest(
                form.choice("type", DetentionType.class), form.text("facility"), form.date("startedOn"))));
    }

    @PostMapping("/detentie/netwerkberaad")
    public RedirectView networkMeeting(@PathVariable String id, @RequestParam Map<String, String> fields,
                                       RedirectAttributes flash) {
        return post(id, "networkMeeting", fields, flash, form -> detentions.networkMeeting(id,
                new DetentionController.HeldRequest(form.date("heldOn"))));
    }

    @PostMapping("/detentie/perspectiefplan")
    public RedirectView perspectiefplan(@PathVariable String id, @RequestParam Map<String, String> fields,
                                        RedirectAttributes flash) {
        return post(id, "perspectiefplan", fields, flash, form -> detentions.perspectiefplan(id,
                new DetentionController.PerspectiefplanRequest(form.date("setOn"), form.note("summary"))));
    }

    @PostMapping("/detentie/trajectberaad")
    public RedirectView trajectoryMeeting(@PathVariable String id, @RequestParam Map<String, String> fields,
                                          RedirectAttributes flash) {
        return post(id, "trajectoryMeeting", fields, flash, form -> detentions.trajectoryMeeting(id,
                new DetentionController.HeldRequest(form.date("heldOn"))));
    }

    @PostMapping("/detentie/stp")
    public RedirectView stp(@PathVariable String id, @RequestParam Map<String, String> fields,
                            RedirectAttributes flash) {
        return post(id, "stp", fields, flash, form -> detentions.stp(id,
                new DetentionController.StpRequest(form.date("startedOn"))));
    }

    @PostMapping("/detentie/einde")
    public RedirectView endDetention(@PathVariable String id, @RequestParam Map<String, String> fields,
                                     RedirectAttributes flash) {
        return post(id, "endDetention", fields, flash, form -> detentions.end(id, new DetentionController.EndRequest(
                form.date("endedOn"), form.choice("reason", ReleaseReason.class))));
    }

    @PostMapping("/basisvoorwaarde")
    public RedirectView basicCondition(@PathVariable String id, @RequestParam Map<String, String> fields,
                                       RedirectAttributes flash) {
        return post(id, "basicCondition", fields, flash, form -> basicConditions.assess(id,
                new BasicConditionController.BasicConditionRequest(form.choice("condition", BasicCondition.class),
                        form.choice("status", ConditionStatus.class), form.date("assessedOn"))));
    }

    @PostMapping("/uitkomst")
    public RedirectView outcome(@PathVariable String id, @RequestParam Map<String, String> fields,
                                RedirectAttributes flash) {
        return post(id, "outcome", fields, flash, form -> outcomes.record(id, new OutcomeController.OutcomeRequest(
                form.choice("kind", OutcomeKind.class), form.date("achievedOn"))));
    }

    @PostMapping("/casemanager")
    public RedirectView caseworker(@PathVariable String id, @RequestParam Map<String, String> fields,
                                   RedirectAttributes flash) {
        return post(id, "caseworker", fields, flash, form -> trajectories.assignCaseworker(id,
                new TrajectoryController.CaseworkerRequest(form.text("caseworker"), form.date("assignedOn"))));
    }

    @PostMapping("/overdracht")
    public RedirectView transfer(@PathVariable String id, @RequestParam Map<String, String> fields,
                                 RedirectAttributes flash) {
        return post(id, "transfer", fields, flash, form -> trajectories.transfer(id,
                new TrajectoryController.TransferRequest(form.text("neighbourhood"), form.date("transferredOn"))));
    }

    @PostMapping("/afsluiten")
    public RedirectView close(@PathVariable String id, @RequestParam Map<String, String> fields,
                              RedirectAttributes flash) {
        return post(id, "close", fields, flash, form -> trajectories.close(id, new TrajectoryController.CloseRequest(
                form.date("closedOn"), form.choice("reason", ClosureReason.class))));
    }

    /** The one correction form of the timeline: the entry is a field of it ({@code eventId}). */
    @PostMapping("/correctie")
    public RedirectView correct(@PathVariable String id, @RequestParam Map<String, String> fields,
                                RedirectAttributes flash) {
        return post(id, "correct", fields, flash, form -> corrections.correct(id,
                new CorrectionController.CorrectionRequest(form.text("eventId"), form.date("correctedOn"),
                        form.date("newOccurredOn"), form.note("explanation"))));
    }

    @PostMapping("/intrekking")
    public RedirectView retract(@PathVariable String id, @RequestParam Map<String, String> fields,
                                RedirectAttributes flash) {
        return post(id, "retract", fields, flash, form -> corrections.retract(id,
                new CorrectionController.RetractionRequest(form.text("eventId"), form.date("retractedOn"),
                        form.note("explanation"))));
    }

    /**
     * Reads the form, sends it once per idempotency key with the version shown as If-Match, and says where the
     * browser goes next.
     */
    private RedirectView post(String id, String formName, Map<String, String> fields, RedirectAttributes flash,
                              Function<FormPost, ResponseEntity<Map<String, Object>>> api) {
        FormPost form = new FormPost(fields);
        Long shown = form.version();
        if (shown == null) {
            throw ApiProblem.invalid(FormPost.VERSION, "the form carries no version; reload the page");
        }
        String page = "/trajecten/" + id;
        Optional<String> location = keys.once(currentUser.get().username(), fields.get(FormPost.KEY),
                page + "/" + formName, form.values(), () -> {
                    IfMatch.bindFormVersion(request, shown);
                    return send(page, formName, form, shown, flash, api);
                });
        if (location.isEmpty()) {
            back(flash, formName, form, Map.of(), "tp.notice.resend", null);
            return Redirects.seeOther(page + "#" + formName);
        }
        return Redirects.seeOther(location.get());
    }

    private FormKeys.Result send(String page, String formName, FormPost form, long shown, RedirectAttributes flash,
                                 Function<FormPost, ResponseEntity<Map<String, Object>>> api) {
        try {
            ResponseEntity<Map<String, Object>> created = api.apply(form);
            long version = ((Number) created.getBody().get("version")).longValue();
            flash.addFlashAttribute(NOTICE, "tp.notice.recorded");
            return new FormKeys.Result(page + "?minVersion=" + version, true);
        } catch (FormPost.Unreadable unreadable) {
            back(flash, formName, form, Map.of(unreadable.field, unreadable.errorKey), "tp.notice.errors", null);
            return new FormKeys.Result(page + "#" + formName, false);
        } catch (ApiProblem problem) {
            return refused(page, formName, form, shown, flash, problem.status(), problem.errors(),
                    problem.getMessage(), problem);
        } catch (CommandExecutionException e) {
            Object details = e.getDetails().orElse(null);
            if (details instanceof Rejection rejection) {
                if (CommandRefused.isStaleVersion(rejection)) {
                    return stale(page, formName, form, shown, flash);
                }
                HttpStatus status = switch (rejection.kind()) {
                    case INVALID -> HttpStatus.BAD_REQUEST;
                    case FORBIDDEN -> HttpStatus.FORBIDDEN;
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                    case CONFLICT -> HttpStatus.CONFLICT;
                };
                return refused(page, formName, form, shown, flash, status, rejection.field() == null ? List.of()
                        : List.of(new FieldProblem(rejection.field(), rejection.message())),
                        rejection.message(), e);
            }
            if (e.getCause() instanceof ConcurrencyException) {
                return stale(page, formName, form, shown, flash);
            }
            throw e;
        } catch (ConcurrencyException e) {
            return stale(page, formName, form, shown, flash);
        }
    }

    private FormKeys.Result refused(String page, String formName, FormPost form, long shown, RedirectAttributes flash,
                                    HttpStatus status, List<FieldProblem> problems, String detail,
                                    RuntimeException cause) {
        Map<String, String> errors = new LinkedHashMap<>();
        switch (status) {
            case BAD_REQUEST -> {
                problems.forEach(problem -> errors.putIfAbsent(problem.field(), FormPost.errorKey(problem)));
                back(flash, formName, form, errors, "tp.notice.errors", null);
            }
            case CONFLICT -> back(flash, formName, form, errors, "tp.notice.conflict", detail);
            default -> throw cause; // 403 and 404: the problem page (PageProblems), a 403 in the access log
        }
        return new FormKeys.Result(page + "#" + formName, false);
    }

    /** Someone recorded something after the page was shown: nothing recorded, the fresh state with the values. */
    private FormKeys.Result stale(String page, String formName, FormPost form, long shown, RedirectAttributes flash) {
        back(flash, formName, form, Map.of(), "tp.notice.stale", null);
        return new FormKeys.Result(page + "?minVersion=" + (shown + 1) + "#" + formName, false);
    }

    private static void back(RedirectAttributes flash, String formName, FormPost form, Map<String, String> errors,
                             String notice, String detail) {
        flash.addFlashAttribute(FORM, formName);
        flash.addFlashAttribute(VALUES, form.values());
        flash.addFlashAttribute(ERRORS, Map.copyOf(errors));
        flash.addFlashAttribute(NOTICE, notice);
        if (detail != null) {
            flash.addFlashAttribute(DETAIL, detail);
        }
    }
}
