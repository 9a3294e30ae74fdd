package com.webptbridge.engine;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import com.webptbridge.hl7.AckBuilder;
import com.webptbridge.hl7.AckCode;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.HeaderRules;
import com.webptbridge.hl7.Hl7Parser;
import com.webptbridge.hl7.InboundMessage;
import com.webptbridge.hl7.MessageHeader;
import com.webptbridge.hl7.NakReason;
import com.webptbridge.hl7.Problem;
import com.webptbridge.mapping.MessageView;
import com.webptbridge.store.Completion;
import com.webptbridge.store.Database;
import com.webptbridge.store.Journal;
import com.webptbridge.store.JournalEntry;
import com.webptbridge.store.MessageError;
import com.webptbridge.store.MessageStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Middle step of the inbound route: decide and apply. Header rules, then the duplicate check, then
 * HAPI parse and mapping (every problem collected), then one transaction that applies the change,
 * claims the control ID and records PROCESSED with its ACK. The ACK is returned only after that
 * commit. Every outcome is journaled; nothing here throws.
 */
public final class WebptInterface {

    private static final Logger LOG = LoggerFactory.getLogger(WebptInterface.class);
    private static final int MAX_TRIES = 3;

    private final Database db;
    private final Journal journal;
    private final Hl7Parser parser;
    private final HeaderRules rules;
    private final Map<String, MessageHandler> handlers; // by "TYPE^TRIGGER"
    private final AckBuilder acks;

    WebptInterface(Database db, Journal journal, Hl7Parser parser, HeaderRules rules,
                   Map<String, MessageHandler> handlers, AckBuilder acks) {
        this.db = db;
        this.journal = journal;
        this.parser = parser;
        this.rules = rules;
        this.handlers = Map.copyOf(handlers);
        this.acks = acks;
    }

    /** Decides and applies, then waits until what was committed is on disk: only then may the ACK go. */
    public Reply apply(Arrival arrival) {
        Reply reply = decide(arrival);
        if (reply.problems().stream().anyMatch(p -> p.reason() == NakReason.STORE_UNAVAILABLE)) {
            return reply; // nothing was committed to wait for (this covers a journal that could not be written)
        }
        try {
            db.awaitDurable();
            return reply;
        } catch (SQLException e) {
            LOG.error("journal={} committed but not confirmed on disk: {}", arrival.journalId(), e.getClass().getSimpleName());
            return answer(arrival.journalId(), arrival.message(), List.of(storeUnavailable()));
        }
    }

    private Reply decide(Arrival arrival) {
        InboundMessage m = arrival.message();
        MessageHeader h = m.header();
        Long id = arrival.journalId();
        if (id == null) {
            return answer(null, m, List.of(storeUnavailable()));
        }
        try {
            Findings findings = new Findings();
            findings.journalId = id;
            findings.sendingFacility = h == null ? null : h.sendingFacility();
            if (!m.readable()) {
                findings.problems.add(m.problem());
                return finish(id, m, findings);
            }
            findings.problems.addAll(rules.check(h));
            if (!findings.problems.isEmpty()) {
                return finish(id, m, findings);
            }
            Optional<JournalEntry> original = appliedBefore(h);
            if (original.isPresent()) {
                return duplicate(id, m, original.get());
            }
            MessageHandler.Change change = map(m, findings);
            if (change == null) {
                return finish(id, m, findings);
            }
            return applyOnce(id, m, findings, change);
        } catch (SQLException | RuntimeException e) {
            LOG.error("journal={} control={} could not be processed: {}", id, LogSafe.controlId(h),
                    e.getClass().getSimpleName());
            Findings failed = new Findings();
            failed.problems.add(storeUnavailable());
            return finishQuietly(id, m, failed);
        }
    }

    private Optional<JournalEntry> appliedBefore(MessageHeader h) throws SQLException {
        try (var c = db.connection()) {
            return journal.findApplied(c, h.sendingFacility(), h.controlId());
        }
    }

    private MessageHandler.Change map(InboundMessage m, Findings findings) {
        MessageHeader h = m.header();
        Message parsed;
        MessageView view;
        try {
            parsed = parser.parse(m.text());
            view = new MessageView(parsed, m.charset());
        } catch (HL7Exception e) {
            // HAPI's own text may quote field values (PHI), so neither the log nor the NAK repeats it.
            findings.problems.add(NakReason.NOT_HL7.at(ErrorLocation.MESSAGE,
                    "The message could not be parsed as HL7 v2: check its segment structure and delimiters."));
            return null;
        }
        return handlers.get(h.messageCode() + "^" + h.triggerEvent()).map(view, findings);
    }

    /** Applies the change in one transaction; a lost race for the same control ID becomes a duplicate. */
    private Reply applyOnce(long id, InboundMessage m, Findings findings, MessageHandler.Change change)
            throws SQLException {
        MessageHeader h = m.header();
        for (int attempt = 1; ; attempt++) {
            try {
                Reply applied = db.inTransaction(c -> {
                    journal.claim(c, h.sendingFacility(), h.controlId(), id);
                    Findings done = findings.with(change.apply(c));
                    Reply reply = answer(id, m, List.of());
                    journal.complete(c, id, completion(MessageStatus.PROCESSED, reply, done, null));
                    return reply;
                });
                log(id, m, MessageStatus.PROCESSED, applied);
                return applied;
            } catch (SQLException e) {
                if (!Database.isUniqueViolation(e) || attempt >= MAX_TRIES) {
                    throw e;
                }
                Optional<JournalEntry> original = appliedBefore(h);
                if (original.isPresent()) {
                    return duplicate(id, m, original.get());
                }
                // Another message created the same patient first: apply again as an update.
            }
        }
    }

    private Reply duplicate(long id, InboundMessage m, JournalEntry original) throws SQLException {
        Reply reply = new Reply(m.header(), AckCode.valueOf(original.ackCode()), List.of(), original.ackMessage(),
                m.charset(), ackControlId(id));
        if (original.id() == id) {
            return reply; // this very entry was applied by a concurrent reprocess: nothing more to record
        }
        Findings findings = new Findings();
        findings.patientId = original.patientId();
        findings.notes.add("Duplicate of journal entry " + original.id() + " (same sending facility and control ID):"
                + " not applied again; its ACK was returned.");
        journal.complete(id, completion(MessageStatus.DUPLICATE, reply, findings, original.id()));
        log(id, m, MessageStatus.DUPLICATE, reply);
        return reply;
    }

    private Reply finish(long id, InboundMessage m, Findings findings) throws SQLException {
        Reply reply = answer(id, m, findings.problems);
        MessageStatus status = reply.code() == AckCode.AR ? MessageStatus.REJECTED : MessageStatus.ERROR;
        journal.complete(id, completion(status, reply, findings, null));
        log(id, m, status, reply);
        return reply;
    }

    /** Like finish, for when the store itself failed: the answer must go out even if this write fails. */
    private Reply finishQuietly(long id, InboundMessage m, Findings findings) {
        try {
            return finish(id, m, findings);
        } catch (SQLException | RuntimeException e) {
            return answer(id, m, findings.problems);
        }
    }

    private Reply answer(Long id, InboundMessage m, List<Problem> problems) {
        AckCode code = AckCode.worstOf(problems);
        String ackId = ackControlId(id);
        return new Reply(m.header(), code, problems, acks.build(m.header(), code, problems, ackId), m.charset(), ackId);
    }

    private Completion completion(MessageStatus status, Reply reply, Findings findings, Long duplicateOf) {
        List<MessageError> errors = reply.problems().stream()
                .map(p -> new MessageError(p.reason().hl7Code(), p.reason().name(), p.location().display(), p.sentence(),
                        p.waitingFor() == null ? null : p.waitingFor().kind(),
                        p.waitingFor() == null ? null : p.waitingFor().key()))
                .toList();
        return new Completion(status, reply.code().name(), reply.ackMessage(), findings.patientId, findings.notes,
                errors, duplicateOf);
    }

    private static void log(long id, InboundMessage m, MessageStatus status, Reply reply) {
        MessageHeader h = m.header();
        String codes = reply.problems().stream().map(p -> p.reason().hl7Code() + "@" + p.location().display())
                .reduce((a, b) -> a + "," + b).orElse("-");
        LOG.info("journal={} control={} type={} status={} ack={} errors={}", id, LogSafe.controlId(h),
                LogSafe.type(h), status, reply.code(), codes);
    }

    private static Problem storeUnavailable() {
        return NakReason.STORE_UNAVAILABLE.at(ErrorLocation.MESSAGE,
                "The billing interface could not store the message right now; it was not applied. Send it again later.");
    }

    private static String ackControlId(Long journalId) {
        return journalId == null ? "B" + System.nanoTime() : "B" + journalId;
    }
}
