package nl.koers.query.accesslog;

import nl.koers.events.common.BusinessCalendar;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.web.ApiProblem;
import nl.koers.query.privacy.ErasureListReader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /audit}: the auditor's page. The access log of one trajectory or youth, or of everyone, between
 * two days (both included, Dutch time; today when none is given), and the erasure list. Reads go through the
 * API's own endpoints for the same user ({@code /api/audit/access-log}, {@code /api/audit/erasures}), so only an
 * auditor gets the log and a wrong id is the API's 400, shown next to its field.
 */
@Controller
public class AccessLogPage {
    static final int LIMIT = 500;
    private final AccessLogController accessLog;
    private final ErasureListReader erasures;
    private final CurrentUser currentUser;
    private final Clock clock;

    public AccessLogPage(AccessLogController accessLog, ErasureListReader erasures, CurrentUser currentUser, Clock clock) {
        this.accessLog = accessLog;
        this.erasures = erasures;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/audit")
    public String audit(@RequestParam(required = false) String trajectoryId,
                        @RequestParam(required = false) String youthId,
                        @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = BusinessCalendar.today(clock);
        LocalDate fromDay = day(from, "from", errors);
        LocalDate toDay = day(to, "to", errors);
        model.addAttribute("trajectoryId", blank(trajectoryId));
        model.addAttribute("youthId", blank(youthId));
        model.addAttribute("from", fromDay == null ? "" : fromDay.toString());
        model.addAttribute("to", toDay == null ? "" : toDay.toString());
        // Nothing asked yet: today's lines. The form stays empty, so a search by id is not limited to today.
        boolean todayOnly = blank(trajectoryId) == null && blank(youthId) == null && fromDay == null && toDay == null
                && errors.isEmpty();
        if (todayOnly) {
            fromDay = today;
        }
        model.addAttribute("todayOnly", todayOnly);
        model.addAttribute("limit", LIMIT);
        model.addAttribute("zone", BusinessCalendar.ZONE);
        if (errors.isEmpty()) {
            try {
                model.addAttribute("entries", accessLog.accessLog(blank(trajectoryId), blank(youthId), start(fromDay),
                        start(toDay == null ? null : toDay.plusDays(1)), LIMIT).get("entries"));
            } catch (ApiProblem problem) {
                if (problem.errors().isEmpty()) {
                    throw problem;
                }
                problem.errors().forEach(error -> errors.put(error.field(), "audit.invalid." + error.field()));
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("erasures", erasures.erasures(currentUser.get()).erasures());
        return "accesslog/audit";
    }

    private static LocalDate day(String value, String field, Map<String, String> errors) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "audit.invalid.date");
            return null;
        }
    }

    private static String start(LocalDate day) {
        return day == null ? null : day.atStartOfDay(BusinessCalendar.ZONE).toInstant().toString();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
