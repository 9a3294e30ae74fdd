package com.webptbridge.engine;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code bridge.log.format}: {@code text} (the default, logback.xml's human-readable pattern) or
 * {@code json}, one JSON object per line for a log shipper (logstash-logback-encoder): timestamp,
 * level, logger, thread, message, and the MDC fields the message steps set (interface, journal_id,
 * control_id). Both carry the same messages, so the no-PHI rule holds for both alike.
 */
public final class LogFormat {

    private LogFormat() {}

    /** Switches the console log to the setting's format (text leaves logback.xml's as it is). */
    public static void apply(Settings settings) {
        String format = settings.get("bridge.log.format");
        if (format.equals("text")) {
            return;
        }
        if (!format.equals("json")) {
            throw new IllegalStateException("bridge.log.format must be text or json, was '" + format + "'");
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            appenders.add(it.next());
        }
        for (Appender<ILoggingEvent> a : appenders) {
            if (a instanceof OutputStreamAppender<ILoggingEvent> out) {
                out.stop();
                out.setEncoder(json(context));
                out.start();
            }
        }
    }

    /** The JSON encoder, started: field names a shipper reads without renaming. */
    public static Encoder<ILoggingEvent> json(LoggerContext context) {
        LogstashEncoder encoder = new LogstashEncoder();
        LogstashFieldNames names = new LogstashFieldNames();
        names.setTimestamp("timestamp");
        names.setVersion("[ignore]");
        names.setLogger("logger");
        names.setThread("thread");
        names.setLevelValue("[ignore]");
        names.setStackTrace("stack_trace");
        encoder.setFieldNames(names);
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    /** The text encoder with logback.xml's pattern (what tests compare the JSON format with). */
    public static Encoder<ILoggingEvent> text(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n");
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }
}
