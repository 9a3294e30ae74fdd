package com.webptbridge.inbound;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import com.webptbridge.hl7.Hl7Parser;
import com.webptbridge.hl7.Sentence;
import com.webptbridge.mapping.MessageView;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Third step: HAPI's pipe parser into the v2.5.1 model, seen as segments in wire order. Parsing is
 * the costly part of a message, so it is bounded: at most {@code parallel} messages are parsed at
 * once (the rest wait their turn), and a parse that takes longer than its budget is answered AR
 * instead of holding the connection.
 */
public final class Parse implements AutoCloseable {

    private final Hl7Parser parser;
    private final ExecutorService parsers;
    private final Duration budget;

    public Parse(Hl7Parser parser, int parallel, Duration budget) {
        this.parser = parser;
        this.budget = budget;
        this.parsers = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "bridge-parse");
            t.setDaemon(true);
            return t;
        });
    }

    public void parse(InFlight m) throws InterruptedException {
        String text = m.message().text();
        Future<Message> parsed = parsers.submit(() -> parser.parse(text));
        try {
            m.view = new MessageView(
                    parsed.get(budget.toMillis(), TimeUnit.MILLISECONDS),
                    m.message().charset());
        } catch (TimeoutException e) {
            parsed.cancel(true);
            m.problems.add(Sentence.PARSE_TIMEOUT.problem(budget.toMillis()));
        } catch (ExecutionException | HL7Exception e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (!(cause instanceof HL7Exception)) {
                throw new IllegalStateException("The parser failed", cause); // a bug: AE 207 by the route
            }
            // HAPI's own text may quote field values (PHI), so neither the log nor the NAK repeats it.
            m.problems.add(Sentence.NOT_PARSED.problem());
        }
    }

    @Override
    public void close() {
        parsers.shutdownNow();
    }
}
