package nl.koers.query.trajectorypage;

import jakarta.servlet.http.HttpSession;
import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.events.assessment.LifeDomain;
import nl.koers.events.assessment.RiskLevel;
import nl.koers.events.common.BusinessCalendar;
import nl.koers.events.common.FocusAreaCode;
import nl.koers.events.common.Phase;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.detention.ReleaseReason;
import nl.koers.events.intervention.StopReason;
import nl.koers.events.outcome.OutcomeKind;
import nl.koers.events.reference.Catalogue;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.reference.Wijk;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.pages.Redirects;
import nl.koers.pages.purpose.ReadingPurpose;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.security.UserDirectory;
import nl.koers.platform.web.ApiProblem;
import nl.koers.query.common.KnownAt;
import nl.koers.query.history.HistoryReader;
import nl.koers.query.summary.SummaryReader;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code GET /trajecten/{id}}: the trajectory page. The case at a glance and the timeline, read only through the
 * API's readers for the same user ({@link SummaryReader}, {@link HistoryReader}: same checks, same access-log
 * entries, so a refusal is the 403 page and is logged as through the API), and for a youth worker of its area the
 * forms for what can be recorded now (posted to the command side, {@code TrajectoryForms}).
 * <ul>
 * <li>{@code ?minVersion=N} waits, as the API does, until the page includes version N (after a form post).</li>
 * <li>{@code ?knownAt=YYYY-MM-DD}: the file as known at the end of that day (no forms: the past is read-only).</li>
 * <li>{@code ?corrigeer=<eventId>} or {@code ?intrek=<eventId>} (an entry's own link): the one correction or
 * retraction form opens with that entry chosen; an id the timeline cannot amend chooses nothing.</li>
 * <li>A justice liaison first states a purpose for this trajectory ({@code /trajecten/{id}/doel}); it is kept in
 * the session and goes to the readers as {@code X-Purpose}. In production the gateway sends that one post to the
 * query side, where the session is read.</li>
 * </ul>
 */
@Controller
public class TrajectoryPage {
    private final SummaryReader summaries;
    private final HistoryReader histories;
    private final CurrentUser currentUser;
    private final UserDirectory users;
    private final MessageSource messages;
    private final Clock clock;

    public TrajectoryPage(SummaryReader summaries, HistoryReader histories, CurrentUser currentUser,
                          UserDirectory users, MessageSource messages, Clock clock) {
        this.summaries = summaries;
        this.histories = histories;
        this.currentUser = currentUser;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/trajecten/{id}")
    public String trajectory(@PathVariable String id, @RequestParam(required = false) String minVersion,
                             @RequestParam(required = false) String knownAt,
                             @RequestParam(required = false) String corrigeer,
                             @RequestParam(required = false) String intrek, HttpSession session, Model model,
                             Locale locale) {
        KoersUser user = currentUser.get();
        String purpose = null;
        if (user.role() == Role.JUSTICE_LIAISON) {
            purpose = Purposes.of(session, id);
            if (purpose == null) {
                return purposeForm(id, null, null, Map.of(), model, session);
            }
        }
        Long wanted = version(minVersion);
        LocalDate knownDay = null;
        if (knownAt != null && !knownAt.isBlank()) {
            try {
                knownDay = LocalDate.parse(knownAt.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("knownAtError", "tp.error.date");
            }
        }
        LocalDate today = BusinessCalendar.today(clock);
        if (knownDay != null && knownDay.isAfter(today)) {
            model.addAttribute("knownAtError", "tp.error.future");
            knownDay = null;
        }
        Instant then = knownDay == null ? null : KnownAt.endOf(knownDay);
        SummaryReader.Summary summary;
        try {
            summary = summaries.summary(user, id, wanted, then, purpose);
        } catch (ApiProblem problem) {
            if (then == null || problem.status() != HttpStatus.NOT_FOUND) {
                throw problem;
            }
            // known to be there, only not yet on that day: say so next to the date, show today's file
            model.addAttribute("knownAtError", "tp.error.notYetKnown");
            knownDay = null;
            then = null;
            summary = summaries.summary(user, id, wanted, null, purpose);
        }
        HistoryReader.History history = histories.history(user, id, then, wanted, purpose);

        boolean mayRecord = user.role() == Role.YOUTH_WORKER && then == null;
        model.addAttribute("summary", summary);
        List<Timeline.Entry> timeline = Timeline.of(history.entries());
        model.addAttribute("timeline", timeline);
        model.addAttribute("version", Math.min(summary.version(), history.version()));
        model.addAttribute("knownAt", knownDay == null ? "" : knownDay.toString());
        model.addAttribute("asKnownOn", knownDay);
        model.addAttribute("today", today);
        model.addAttribute("purpose", purpose);
        model.addAttribute("labels", new PageLabels(messages, locale));
        model.addAttribute("wijk", ReferenceData.get().wijk(summary.neighbourhood()).orElse(null));
        model.addAttribute("area", ReferenceData.get().focusArea(summary.focusArea()).orElse(null));
        model.addAttribute("behind", Boolean.FALSE.equals(summary.minVersionReached())
                || Boolean.FALSE.equals(history.minVersionReached()));
        model.addAttribute("forms", mayRecord ? Forms.of(summary, today) : Forms.NONE);
        if (mayRecord) {
            choices(model, user, summary);
            amendments(model, timeline, corrigeer, intrek);
        }
        return "trajectorypage/trajectory";
    }

    /** Another purpose for this trajectory (the liaison's reason changed); nothing is read. */
    @GetMapping("/trajecten/{id}/doel")
    public String purpose(@PathVariable String id, Model model) {
        requireLiaison();
        return purposeForm(id, null, null, Map.of(), model);
    }

    @PostMapping("/trajecten/{id}/doel")
    public Object statePurpose(@PathVariable String id, @RequestParam(required = false) String reason,
                               @RequestParam(required = false) String text, HttpSession session, Model model) {
        requireLiaison();
        Optional<ReadingPurpose> stated = ReadingPurpose.stated(reason, text);
        if (stated.isPresent()) {
            Purposes.keep(session, id, stated.get());
            return Redirects.seeOther("/trajecten/" + id);
        }
        return purposeForm(id, reason, text, ReadingPurpose.problems(reason, text), model);
    }

    /** The purpose form; without a choice yet it offers the purpose this liaison stated for searching, if any. */
    private String purposeForm(String id, String reason, String text, Map<String, String> errors, Model model,
                               HttpSession session) {
        Optional<ReadingPurpose> searching = reason == null ? ReadingPurpose.of(session) : Optional.empty();
        model.addAttribute("trajectoryId", id);
        model.addAttribute("reasons", ReadingPurpose.Reason.values());
        model.addAttribute("reason", searching.map(p -> p.reason().name()).orElse(reason));
        model.addAttribute("text", searching.map(ReadingPurpose::text).orElse(text == null ? "" : text));
        model.addAttribute("errors", errors);
        return "trajectorypage/purpose";
    }

    private String purposeForm(String id, String reason, String text, Map<String, String> errors, Model model) {
        return purposeForm(id, reason, text, errors, model, null);
    }

    private void requireLiaison() {
        if (currentUser.get().role() != Role.JUSTICE_LIAISON) {
            throw ApiProblem.forbidden("only justice liaisons state a purpose");
        }
    }

    /** The select lists of the forms: catalogues and enums, and the wijken a transfer may go to. */
    private void choices(Model model, KoersUser user, SummaryReader.Summary summary) {
        ReferenceData reference = ReferenceData.get();
        model.addAttribute("contactKinds", reference.catalogue(Catalogue.CONTACT_KINDS.fileName()));
        model.addAttribute("policeContactKinds", reference.catalogue(Catalogue.POLICE_CONTACT_KINDS.fileName()));
        model.addAttribute("interventionTypes", reference.catalogue(Catalogue.INTERVENTION_TYPES.fileName()));
        model.addAttribute("detentionTypes", DetentionType.values());
        model.addAttribute("releaseReasons", ReleaseReason.values());
        model.addAttribute("stopReasons", StopReason.values());
        model.addAttribute("conditions", BasicCondition.values());
        model.addAttribute("conditionStatuses", ConditionStatus.values());
        model.addAttribute("outcomeKinds", OutcomeKind.values());
        model.addAttribute("closureReasons", ClosureReason.values());
        model.addAttribute("lifeDomains", LifeDomain.values());
        model.addAttribute("riskLevels", RiskLevel.values());
        List<Wijk> targets = reference.wijken().stream()
                .filter(w -> w.focusArea() != null && user.hasScope(w.focusArea()))
                .filter(w -> !w.code().value().equals(summary.neighbourhood()))
                .sorted(Comparator.comparing(Wijk::name)).toList();
        model.addAttribute("transferTargets", targets);
        model.addAttribute("caseworkers", caseworkers(user, summary));
    }

    /** The entries the one correction and the one retraction form offer, and the one an entry's link chose. */
    private static void amendments(Model model, List<Timeline.Entry> timeline, String correct, String retract) {
        List<Timeline.Entry> correctable = timeline.stream().filter(Timeline.Entry::correctable).toList();
        List<Timeline.Entry> retractable = timeline.stream().filter(Timeline.Entry::retractable).toList();
        model.addAttribute("correctable", correctable);
        model.addAttribute("retractable", retractable);
        if (correct != null && correctable.stream().anyMatch(e -> e.eventId().equals(correct))) {
            model.addAttribute("amendForm", "correct");
            model.addAttribute("amendEntry", correct);
        } else if (retract != null && retractable.stream().anyMatch(e -> e.eventId().equals(retract))) {
            model.addAttribute("amendForm", "retract");
            model.addAttribute("amendEntry", retract);
        }
    }

    /**
     * The youth workers Koers knows for the trajectory's focus area, by user name (the write side accepts any
     * youth worker it knows; the page offers those who work in the area). With an OIDC directory those are the
     * ones seen so far, so the one asking is always among them.
     */
    private List<String> caseworkers(KoersUser user, SummaryReader.Summary summary) {
        FocusAreaCode area = summary.focusArea() == null ? null : new FocusAreaCode(summary.focusArea());
        TreeSet<String> names = new TreeSet<>();
        names.add(user.username());
        for (String name : users.userNames()) {
            users.find(name).filter(known -> known.role() == Role.YOUTH_WORKER && known.hasScope(area))
                    .ifPresent(known -> names.add(known.username()));
        }
        return List.copyOf(names);
    }

    /** {@code minVersion} as the API reads it: a whole number (the readers check its range). */
    private static Long version(String minVersion) {
        if (minVersion == null || minVersion.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(minVersion.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("minVersion", "must be a whole number");
        }
    }

    /** Which forms the trajectory's state allows now (the write side refuses the rest anyway). */
    public record Forms(boolean any, boolean everyday, boolean startDetention, boolean networkMeeting,
                        boolean detentionSteps, boolean stp, boolean followUp, boolean close, boolean amend) {
        static final Forms NONE = new Forms(false, false, false, false, false, false, false, false, false);

        static Forms of(SummaryReader.Summary summary, LocalDate today) {
            Phase phase = summary.phase();
            if (phase == Phase.CLOSED) {
                boolean followUp = summary.followUpUntil() != null && !today.isAfter(summary.followUpUntil());
                return new Forms(followUp, false, false, false, false, false, followUp, false, false);
            }
            boolean detention = phase == Phase.DETENTION && summary.detention() != null;
            return new Forms(true, true, !detention, detention && summary.detention().networkMeetingHeldOn() == null,
                    detention, detention && summary.detention().stpStartedOn() == null, true, !detention, true);
        }
    }
}
