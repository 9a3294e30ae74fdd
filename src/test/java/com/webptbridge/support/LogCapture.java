package com.webptbridge.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Captures every log event of every logger (at every level) while open. It sets the root logger and
 * every logger already configured (e.g. com.webptbridge or org.apache.camel at WARN in
 * logback-test.xml) to ALL, so nothing is filtered before it reaches the capturing appender, and
 * puts each logger's own level back on close. Loggers created while open inherit ALL from their
 * parents. The console and file appenders keep their own thresholds, if they have any.
 */
public final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root;
    /** Each logger's own level before opening (null: it inherited its parent's). */
    private final Map<Logger, Level> previous = new IdentityHashMap<>();

    public LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
        for (Logger logger : context.getLoggerList()) {
            previous.put(logger, logger.getLevel());
            logger.setLevel(Level.ALL);
        }
    }

    /** All captured output as one text: messages with arguments, and stack traces. */
    public String text() {
        return text(e -> true);
    }

    /**
     * What a production log would hold: the engine's own loggers at every level, third-party
     * loggers at WARN and above, the level the shipped logback.xml keeps them at (their DEBUG output
     * carries message text: camel-bean's MethodInfo logs each message, patient data included).
     */
    public String textAsShipped() {
        return text(e ->
                e.getLoggerName().startsWith("com.webptbridge.") || e.getLevel().isGreaterOrEqual(Level.WARN));
    }

    /**
     * The events {@link #textAsShipped} keeps, as the given encoder writes them (the shipped text
     * pattern or the JSON format): what a log file would hold, byte for byte, MDC fields included.
     */
    public String encodedAsShipped(Encoder<ILoggingEvent> encoder) {
        StringBuilder out = new StringBuilder();
        for (ILoggingEvent e : List.copyOf(appender.list)) {
            if (e.getLoggerName().startsWith("com.webptbridge.") || e.getLevel().isGreaterOrEqual(Level.WARN)) {
                out.append(new String(encoder.encode(e), StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }

    /** The captured events that match, as one text: messages with arguments, and stack traces. */
    public String text(Predicate<ILoggingEvent> which) {
        List<ILoggingEvent> events = List.copyOf(appender.list);
        return events.stream()
                .filter(which)
                .map(e -> e.getLoggerName() + " " + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null
                                ? ""
                                : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        // Loggers created while open had no level of their own: give them back to inheritance.
        LoggerContext context = root.getLoggerContext();
        for (Logger logger : context.getLoggerList()) {
            if (logger != root) {
                logger.setLevel(previous.get(logger));
            }
        }
        root.setLevel(previous.get(root));
    }
}
