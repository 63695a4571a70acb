package nl.koers.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import nl.koers.platform.mongo.EmbeddedMongo;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.hashchain.CanonicalJson;
import nl.koers.query.caseload.CaseloadScope;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code replay FILE --as-of INSTANT --view caseload|outcomes|history [...]}: rebuilds one view from the events
 * recorded up to the instant and prints the live endpoint's answer as JSON on stdout.
 */
public final class ReplayCommand {
    private static final Set<String> OPTIONS = Set.of("--as-of", "--view", "--focus-area", "--neighbourhood",
            "--gemeente", "--cohort", "--trajectory");

    private ReplayCommand() {
    }

    /** The web API's JSON settings (Spring Boot's defaults plus the ones Koers sets). */
    static final ObjectMapper WEB_JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                    SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("koers audit replay: give a FILE");
            err.println(AuditCli.USAGE_TEXT);
            return AuditCli.USAGE;
        }
        String file = args[0];
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            String value = null;
            int equals = name.indexOf('=');
            if (equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            }
            if (!OPTIONS.contains(name) || value == null) {
                err.println("koers audit replay: "
                        + (OPTIONS.contains(name) ? name + " needs a value" : "unknown option '" + name + "'"));
                err.println(AuditCli.USAGE_TEXT);
                return AuditCli.USAGE;
            }
            options.put(name, value);
        }
        Instant asOf;
        try {
            asOf = Instant.parse(require(options, "--as-of"));
        } catch (DateTimeParseException e) {
            err.println("koers audit replay: --as-of must be an ISO-8601 instant such as 2026-03-01T00:00:00Z");
            return AuditCli.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("koers audit replay: " + e.getMessage());
            return AuditCli.USAGE;
        }
        String view = options.get("--view");
        Integer cohort = null;
        if (options.containsKey("--cohort")) {
            try {
                cohort = Integer.valueOf(options.get("--cohort"));
            } catch (NumberFormatException e) {
                err.println("koers audit replay: --cohort must be a year");
                return AuditCli.USAGE;
            }
        }
        if (view == null || !Set.of("caseload", "outcomes", "history").contains(view)) {
            err.println("koers audit replay: --view must be caseload, outcomes or history");
            return AuditCli.USAGE;
        }
        if (view.equals("history") && !options.containsKey("--trajectory")) {
            err.println("koers audit replay: --view history needs --trajectory ID");
            return AuditCli.USAGE;
        }

        long started = System.nanoTime();
        Clock clock = Clock.fixed(asOf, ZoneOffset.UTC);
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(mongo.connectionString());
             BufferedReader export = ExportFile.open(file)) {
            var db = client.getDatabase("koers-replay");
            ReplayedView replayed = switch (view) {
                case "caseload" -> ReplayedView.caseload(db, clock, CaseloadScope.of(options.get("--neighbourhood"),
                        options.get("--focus-area"), options.get("--gemeente")));
                case "outcomes" -> ReplayedView.outcomes(db, clock, options.get("--focus-area"), cohort);
                default -> ReplayedView.history(db, options.get("--trajectory"));
            };
            ExportEvents.Counts counts = new ExportEvents().replay(export, asOf, replayed.wanted(), replayed::handle,
                    lines -> err.printf("koers audit replay: %,d events read (%.1f s)%n", lines,
                            VerifyCommand.seconds(started)));
            out.println(WEB_JSON.writerWithDefaultPrettyPrinter().writeValueAsString(replayed.answer()));
            err.printf("koers audit replay: %s as of %s from %,d of %,d events in %.1f s%n", view, asOf,
                    counts.delivered(), counts.lines(), VerifyCommand.seconds(started));
            return AuditCli.OK;
        } catch (ApiProblem problem) {
            err.println("koers audit replay: " + problem.getMessage());
            return AuditCli.USAGE;
        } catch (CanonicalJson.MalformedJson e) {
            err.println("koers audit replay: the export has a line that is not a record (" + e.getMessage()
                    + "); run 'koers audit verify' on it");
            return AuditCli.BROKEN;
        } catch (JsonProcessingException e) {
            err.println("koers audit replay: cannot write the answer: " + e.getOriginalMessage());
            return AuditCli.USAGE;
        } catch (IOException e) {
            err.println("koers audit replay: cannot read " + file + ": " + e.getMessage());
            return AuditCli.USAGE;
        }
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
