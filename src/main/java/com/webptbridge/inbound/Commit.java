package com.webptbridge.inbound;

import ca.uhn.hl7v2.AcknowledgmentCode;
import com.webptbridge.hl7.AckBuilder;
import com.webptbridge.hl7.NakReason;
import com.webptbridge.hl7.Problem;
import com.webptbridge.hl7.Sentence;
import com.webptbridge.store.Database;
import com.webptbridge.store.billing.PatientStore;
import com.webptbridge.store.journal.Completion;
import com.webptbridge.store.journal.Journal;
import com.webptbridge.store.journal.JournalEntry;
import com.webptbridge.store.journal.MessageError;
import com.webptbridge.store.journal.MessageStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Last step before the reply: record how the message ended and wait until that is on disk, through
 * the database's batch writer (messages arriving together share a transaction and a disk sync). A
 * mapped change is applied under one savepoint that also claims the control ID and records
 * PROCESSED with its ACK; a refused message is recorded ERROR (AE, kept for reprocessing) or
 * REJECTED (AR); a resend of an applied message is recorded DUPLICATE and gets the original ACK.
 * A message in {@link CommitMode#PREVIEW} (a dry run) is not recorded at all: its change is applied
 * and rolled back ({@link Preview}) and it gets a {@link DryRun.Result}.
 */
public final class Commit {

    private static final Logger LOG = LoggerFactory.getLogger(Commit.class);
    private static final int MAX_TRIES = 3;

    private final Database db;
    private final Journal journal;
    private final AckBuilder acks;
    private final Outcomes outcomes;
    private final Preview preview;

    public Commit(Database db, Journal journal, AckBuilder acks) {
        this(db, journal, null, acks, Outcomes.NONE);
    }

    /**
     * @param patients the interface's patients, for a preview's before and after; null where no
     *     message is previewed (the listener's commit for messages no interface takes)
     */
    public Commit(Database db, Journal journal, PatientStore patients, AckBuilder acks, Outcomes outcomes) {
        this.db = db;
        this.journal = journal;
        this.acks = acks;
        this.outcomes = outcomes;
        this.preview = patients == null ? null : new Preview(db, patients, acks);
    }

    public void commit(InFlight m) throws SQLException {
        if (m.mode() == CommitMode.PREVIEW) {
            m.preview = preview(m).decide(m);
            return;
        }
        Long id = m.journalId();
        if (id == null) {
            m.reply = answer(m, List.of(Sentence.STORE_UNAVAILABLE.problem()));
            notJournaled(m);
            return; // nothing was written, so nothing to wait for
        }
        // Each outcome is written by the database's batch writer, which returns once it is on disk.
        if (m.duplicateOf != null) {
            m.reply = duplicate(id, m, m.duplicateOf);
        } else if (!m.problems.isEmpty()) {
            m.reply = finish(id, m, m.problems);
        } else if (m.change != null) {
            m.reply = applyOnce(id, m);
        } else {
            throw new IllegalStateException("No route step mapped " + LogSafe.type(m.header()));
        }
    }

    /**
     * Answers a message whose processing failed with {@code problem} (the failure handler's way in):
     * recorded if the journal can still be written, answered even if it cannot.
     */
    void fail(InFlight m, Problem problem) {
        if (m.mode() == CommitMode.PREVIEW) {
            m.preview = preview(m).answer(m, List.of(problem), List.of(), false, m.notes);
            return;
        }
        Long id = m.journalId();
        try {
            m.reply = id == null ? answer(m, List.of(problem)) : finish(id, m, List.of(problem));
        } catch (SQLException | RuntimeException e) {
            m.reply = answer(m, List.of(problem)); // still RECEIVED in the journal: recovery takes it up
            notJournaled(m);
            return;
        }
        if (id == null) {
            notJournaled(m);
        }
    }

    /** Answers with {@code problem} over an outcome that was committed but not synced: the journal keeps it. */
    void notDurable(InFlight m, Problem problem) {
        m.reply = answer(m, List.of(problem));
        outcomes.recorded(
                m.getInterfaceId(),
                LogSafe.type(m.header()),
                "NOT_DURABLE",
                m.reply.code().name());
    }

    private Preview preview(InFlight m) {
        if (preview == null) {
            throw new IllegalStateException("This commit step previews nothing: " + LogSafe.type(m.header()));
        }
        return preview;
    }

    private void notJournaled(InFlight m) {
        outcomes.recorded(
                m.getInterfaceId(),
                LogSafe.type(m.header()),
                "NOT_JOURNALED",
                m.reply.code().name());
    }

    /**
     * Applies the change in the writer's next batch; a lost race for the same control ID becomes a
     * duplicate, and work the database gave up to break a deadlock is applied again.
     */
    private Reply applyOnce(long id, InFlight m) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                Reply applied = db.writeDurably(c -> {
                    journal.claim(c, m.appliedKey(), id, m.sandbox);
                    List<String> notes = new ArrayList<>(m.notes);
                    notes.addAll(m.change.apply(c));
                    Reply reply = answer(m, m.warnings()); // AA, with a W ERR per claim-readiness finding
                    journal.complete(
                            c, id, completion(MessageStatus.PROCESSED, reply, m.patientId, notes, null, m.sandbox));
                    return reply;
                });
                log(id, m, MessageStatus.PROCESSED, applied);
                m.findings.forEach(
                        f -> outcomes.found(m.getInterfaceId(), f.rule().id(), "warn"));
                return applied;
            } catch (SQLException e) {
                Problem refused = m.change.refused(e);
                if (refused != null) {
                    // Only this message's savepoint was rolled back; it waits to be corrected.
                    return finish(id, m, List.of(refused));
                }
                if (attempt >= MAX_TRIES) {
                    throw e;
                }
                if (Database.isTransientConflict(e)) {
                    continue;
                }
                if (!Database.isUniqueViolation(e)) {
                    throw e;
                }
                Optional<JournalEntry> original;
                try (var c = db.connection()) {
                    original = journal.findApplied(c, m.appliedKey());
                }
                if (original.isPresent()) {
                    return duplicate(id, m, original.get());
                }
                // Another message created the same patient first: apply again as an update.
            }
        }
    }

    private Reply duplicate(long id, InFlight m, JournalEntry original) throws SQLException {
        Reply reply = new Reply(
                m.header(),
                AcknowledgmentCode.valueOf(original.ackCode()),
                List.of(),
                // The original's ACK text is gone once retention pruned it: the same answer again, from its code.
                original.ackMessage() != null
                        ? original.ackMessage()
                        : acks.build(
                                m.header(),
                                AcknowledgmentCode.valueOf(original.ackCode()),
                                List.of(),
                                ackControlId(id)),
                m.message().charset(),
                ackControlId(id));
        if (original.id() == id) {
            return reply; // this very entry was applied by a concurrent reprocess: nothing more to record
        }
        List<String> notes = List.of("Duplicate of journal entry " + original.id()
                + " (same sender, control ID and content): not applied again; its ACK was returned.");
        journal.complete(
                id, completion(MessageStatus.DUPLICATE, reply, original.patientId(), notes, original.id(), m.sandbox));
        log(id, m, MessageStatus.DUPLICATE, reply);
        return reply;
    }

    private Reply finish(long id, InFlight m, List<Problem> problems) throws SQLException {
        Reply reply = answer(m, problems);
        MessageStatus status = reply.code() == AcknowledgmentCode.AR ? MessageStatus.REJECTED : MessageStatus.ERROR;
        journal.complete(id, completion(status, reply, m.patientId, m.notes, null, m.sandbox));
        log(id, m, status, reply);
        return reply;
    }

    private Reply answer(InFlight m, List<Problem> problems) {
        AcknowledgmentCode code = NakReason.worstOf(problems);
        String ackId = ackControlId(m.journalId());
        return new Reply(
                m.header(),
                code,
                problems,
                acks.build(m.header(), code, problems, ackId),
                m.message().charset(),
                ackId);
    }

    private static Completion completion(
            MessageStatus status,
            Reply reply,
            String patientId,
            List<String> notes,
            Long duplicateOf,
            boolean sandbox) {
        List<MessageError> errors = reply.problems().stream()
                .map(p -> new MessageError(
                        p.reason().hl7Code(),
                        p.reason().name(),
                        p.location().display(),
                        p.sentence(),
                        p.waitingFor() == null ? null : p.waitingFor().kind().code(),
                        p.waitingFor() == null ? null : p.waitingFor().key()))
                .toList();
        return new Completion(
                status, reply.code().name(), reply.ackMessage(), patientId, notes, errors, duplicateOf, sandbox);
    }

    private void log(long id, InFlight m, MessageStatus status, Reply reply) {
        outcomes.recorded(
                m.getInterfaceId(),
                LogSafe.type(m.header()),
                status.name(),
                reply.code().name());
        String codes = reply.problems().stream()
                .map(p -> p.reason().hl7Code() + "@" + p.location().display())
                .reduce((a, b) -> a + "," + b)
                .orElse("-");
        try (LogSafe.Fields fields = LogSafe.fields(m)) {
            LOG.info(
                    "journal={} control={} type={} status={} ack={} errors={}",
                    id,
                    LogSafe.controlId(m.header()),
                    LogSafe.type(m.header()),
                    status,
                    reply.code(),
                    codes);
        }
    }

    private static String ackControlId(Long journalId) {
        return journalId == null ? "B" + System.nanoTime() : "B" + journalId;
    }
}
