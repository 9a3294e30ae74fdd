package com.webptbridge.inbound;

import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.InboundMessage;
import com.webptbridge.hl7.MessageHeader;
import com.webptbridge.hl7.Sentence;
import com.webptbridge.store.journal.Journal;
import com.webptbridge.store.journal.Receipt;
import com.webptbridge.transport.InboundFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.Charset;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * First step of a listener's route: read the frame as HL7 text, find the interface it belongs to
 * among those on this port (by MSH-4 / MSH-6), and journal it there before anything else. A
 * message that no interface takes is journaled without one and answered AR, and so is one that
 * came with a TLS client certificate its interface does not list.
 */
public final class Intake {

    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

    /**
     * An interface listening on this port: which messages are its own, its journal, and which TLS
     * client certificate subjects it takes them from (empty: a TLS connection without one).
     */
    public record Target(
            String interfaceId,
            Predicate<MessageHeader> accepts,
            Journal journal,
            AckMode ackMode,
            Predicate<String> takesFrom) {

        /** An interface that takes messages from any trusted client certificate. */
        public Target(String interfaceId, Predicate<MessageHeader> accepts, Journal journal, AckMode ackMode) {
            this(interfaceId, accepts, journal, ackMode, subject -> true);
        }
    }

    private final List<Target> targets = new CopyOnWriteArrayList<>();
    private final Journal unmatched;
    private final Charset defaultCharset;
    private final AckMode defaultAckMode;

    /** @param unmatched the journal of messages no interface takes; they are answered in {@code defaultAckMode} */
    public Intake(Journal unmatched, Charset defaultCharset, AckMode defaultAckMode) {
        this.unmatched = unmatched;
        this.defaultCharset = defaultCharset;
        this.defaultAckMode = defaultAckMode;
    }

    /** Interfaces come and go at run time: the next message already sees the change. */
    public void add(Target target) {
        targets.add(target);
    }

    public void remove(String interfaceId) {
        targets.removeIf(t -> t.interfaceId().equals(interfaceId));
    }

    public boolean isEmpty() {
        return targets.isEmpty();
    }

    public InFlight receive(InboundFrame frame) {
        InboundMessage message = InboundMessage.read(frame.payload(), defaultCharset);
        if (frame.oversize()) {
            message = message.withProblem(Sentence.FRAME_TOO_LARGE.problem(frame.sizeBytes()));
        }
        MessageHeader h = message.header();
        Target target =
                targets.stream().filter(t -> t.accepts().test(h)).findFirst().orElse(null);
        Journal journal = target == null ? unmatched : target.journal();
        String digest = h == null ? null : message.digest();
        Receipt receipt = new Receipt(
                Instant.now(),
                frame.remoteAddress(),
                h == null ? null : h.sendingApplication(),
                h == null ? null : h.sendingFacility(),
                h == null ? null : h.controlId(),
                h == null ? null : h.messageCode(),
                h == null ? null : h.triggerEvent(),
                h == null ? null : h.version(),
                message.charset().name(),
                frame.sizeBytes(),
                frame.oversize() ? null : message.received(),
                digest);
        String interfaceId = target == null ? null : target.interfaceId();
        AckMode ackMode = target == null ? defaultAckMode : target.ackMode();
        try {
            InFlight m = new InFlight(journal.receive(receipt), message, digest, interfaceId, ackMode);
            if (target == null && message.readable()) {
                m.problems.add(Sentence.NO_INTERFACE.at(
                        ErrorLocation.field("MSH", 1, 4), h.component(4, 1), h.component(6, 1)));
            }
            if (target != null
                    && frame.tlsSubject() != null
                    && !target.takesFrom().test(frame.tlsSubject())) {
                // a connection without a certificate (plain MLLP too) is refused; a file has no connection
                m.problems.add(Sentence.TLS_SUBJECT_NOT_ALLOWED.problem(
                        frame.tlsSubject().isEmpty() ? "none" : frame.tlsSubject(), interfaceId));
            }
            return m;
        } catch (SQLException | RuntimeException e) {
            // An expected failure with an answer of its own: no journal id, and the commit step
            // answers AR 207 without writing anything.
            LOG.error(
                    "Journal unavailable; message control={} not stored: {}",
                    LogSafe.controlId(h),
                    e.getClass().getSimpleName());
            return new InFlight(null, message, digest, interfaceId, ackMode);
        }
    }
}
