package nl.koers.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import nl.koers.events.common.BusinessCalendar;
import nl.koers.platform.mongo.EmbeddedMongo;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.hashchain.CanonicalJson;
import nl.koers.query.caseload.CaseloadScope;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code replay FILE --as-of INSTANT|DATE --view caseload|outcomes|history [--role ...] [...]}: rebuilds one view
 * from the events recorded up to the instant (a date: the end of that day in the business zone) and prints the live
 * endpoint's answer as JSON on stdout, as it answered the role given ({@link ReplayReader}).
 */
public final class ReplayCommand {
    private static final Set<String> OPTIONS = Set.of("--as-of", "--view", "--focus-area", "--neighbourhood",
            "--gemeente", "--cohort", "--trajectory", "--role", "--areas", "--slices");
    /**
     * Export per slice of trajectories when the replay chooses the number of slices: about 35 000 events, one unit
     * of work each ({@code ExportEvents#BATCH}). A caseload replay of 200 000 events at once ran at two thirds of
     * the rate of 100 000 (the states of every trajectory held at once), and one of 1 000 000 did not finish in a
     * 512 MB heap; in slices of this size it took 83–112 s, with at most 160 MB in use after a full collection.
     */
    static final long BYTES_PER_SLICE = 24L << 20;

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
        KoersUser reader;
        try {
            asOf = asOf(require(options, "--as-of"));
            reader = ReplayReader.of(options.get("--role"), options.get("--areas"), options.get("--view"));
        } catch (DateTimeParseException e) {
            err.println("koers audit replay: --as-of must be an ISO-8601 instant such as 2026-03-01T00:00:00Z or a "
                    + "date such as 2026-03-01 (the end of that day, " + BusinessCalendar.ZONE_ID + ")");
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
        Integer slices = null;
        if (options.containsKey("--slices")) {
            try {
                slices = Integer.valueOf(options.get("--slices"));
            } catch (NumberFormatException e) {
                slices = 0;
            }
            if (slices < 1 || slices > ExportEvents.MAX_SLICES) {
                err.println("koers audit replay: --slices must be a number from 1 to " + ExportEvents.MAX_SLICES);
                return AuditCli.USAGE;
            }
            if (file.equals("-") && slices > 1) {
                err.println("koers audit replay: standard input can be read once only: --slices 1, or give a FILE");
                return AuditCli.USAGE;
            }
        }

        long started = System.nanoTime();
        Clock clock = Clock.fixed(asOf, ZoneOffset.UTC);
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            var answered = client.getDatabase("koers-replay");
            var work = client.getDatabase("koers-replay-slice");
            ReplayedView replayed = switch (view) {
                case "caseload" -> ReplayedView.caseload(work, answered, clock, CaseloadScope.of(
                        options.get("--neighbourhood"), options.get("--focus-area"), options.get("--gemeente")), reader);
                case "outcomes" -> ReplayedView.outcomes(work, answered, clock, options.get("--focus-area"), cohort,
                        reader);
                default -> ReplayedView.history(answered, options.get("--trajectory"), reader);
            };
            int passes = !replayed.sliceable() ? 1 : slices != null ? slices : slicesFor(file);
            if (!replayed.sliceable() && slices != null && slices > 1) {
                err.println("koers audit replay: a history is one trajectory's, replayed in one pass; --slices ignored");
            }
            ExportEvents.Counts counts = new ExportEvents().replayInSlices(() -> ExportFile.openBytes(file), passes, asOf,
                    replayed.wanted(), replayed::handle, slice -> {
                        replayed.sliceDone(slice);
                        if (passes > 1) {
                            err.printf("koers audit replay: slice %d of %d done (%.1f s)%n", slice + 1, passes,
                                    VerifyCommand.seconds(started));
                        }
                    }, lines -> err.printf("koers audit replay: %,d events read (%.1f s)%n", lines,
                            VerifyCommand.seconds(started)));
            out.println(WEB_JSON.writerWithDefaultPrettyPrinter().writeValueAsString(replayed.answer()));
            err.printf("koers audit replay: %s as of %s from %,d of %,d events in %.1f s%s%n", view, asOf,
                    counts.delivered(), counts.lines(), VerifyCommand.seconds(started),
                    passes > 1 ? ", " + passes + " slices of the trajectories" : "");
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

    /** One slice per {@value #BYTES_PER_SLICE} bytes of export; standard input is read once. */
    private static int slicesFor(String file) throws IOException {
        long size = ExportFile.size(file);
        return size < 0 ? 1 : (int) Math.max(1, Math.min(ExportEvents.MAX_SLICES,
                (size + BYTES_PER_SLICE - 1) / BYTES_PER_SLICE));
    }

    /** An instant, or a date meaning the last moment of that day in the business zone. */
    static Instant asOf(String value) {
        if (value.length() == 10) {
            return LocalDate.parse(value).plusDays(1).atStartOfDay(BusinessCalendar.ZONE).toInstant().minusNanos(1);
        }
        return Instant.parse(value);
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
