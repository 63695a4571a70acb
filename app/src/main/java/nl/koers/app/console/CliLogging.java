package nl.koers.app.console;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * Logging for the command line: warnings and errors only, on stderr, so stdout carries nothing but the result
 * (a replayed view is JSON that scripts read). Call it first in any entry point that runs {@link AuditCli}.
 */
public final class CliLogging {
    private CliLogging() {
    }

    public static void toStderr() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("koers audit: %level %logger{20} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        // Spring's annotation scan (finding the upcasters) warns about Axon's annotations; not the auditor's concern.
        context.getLogger("org.springframework.core.annotation").setLevel(Level.ERROR);
        context.getLogger("de.bwaldvogel.mongo").setLevel(Level.ERROR);
    }
}
