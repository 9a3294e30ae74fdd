package com.webptbridge.store.journal;

import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;
import com.webptbridge.store.Storable;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One interface's message journal: every frame is stored on arrival (auto-committed, so it
 * survives a crash before processing) and its outcome is written in the same transaction as its
 * effects. Reads see only this interface's messages; a journal for no interface (null) holds the
 * messages that matched none.
 *
 * <p>This class is the room's face and holds the write path; the duplicate key ({@link AppliedKeys}),
 * the reads ({@link JournalQueries}), the dashboard counts ({@link JournalCounts}) and the reprocess
 * selection ({@link ReprocessSelection}) live behind it, package-private.
 */
public final class Journal {

    /** Fresh ids remembered at most: past this the set is cleared (each lookup then reads the count). */
    private static final int FRESH_LIMIT = 10_000;

    private final Database db;
    private final String interfaceId;
    /**
     * Entries this instance journaled with no attempt yet: their first completion knows its attempt
     * number (1) without reading it back. Only a hint: the UPDATE checks it (attempts = 0).
     */
    private final Set<Long> fresh = ConcurrentHashMap.newKeySet();

    private final JournalQueries queries;
    private final AppliedKeys appliedKeys;
    private final JournalCounts counts;
    private final ReprocessSelection reprocess;

    public Journal(Database db, String interfaceId) {
        this.db = db;
        this.interfaceId = interfaceId;
        Scope scope = new Scope(interfaceId);
        this.queries = new JournalQueries(db, scope);
        this.appliedKeys = new AppliedKeys(interfaceId, queries);
        this.counts = new JournalCounts(db, scope);
        this.reprocess = new ReprocessSelection(db, scope);
    }

    /** The interface whose messages these are (null: those that matched no interface). */
    public String interfaceId() {
        return interfaceId;
    }

    /**
     * Stores a message as RECEIVED and returns its journal id. Committed when this returns, not
     * necessarily on disk yet: see {@link Database#writeLazily}.
     */
    public long receive(Receipt r) throws SQLException {
        long id = db.writeLazily(c -> Sql.insert(
                c,
                "INSERT INTO message_journal (interface_id, received_at, remote_address,"
                        + " sending_application, sending_facility, control_id, message_type, trigger_event, version,"
                        + " charset, size_bytes, raw_message, content_digest, status, attempts)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                interfaceId,
                r.receivedAt(),
                Storable.text(r.remoteAddress(), 100),
                Storable.text(r.sendingApplication(), 250),
                Storable.text(r.sendingFacility(), 250),
                Storable.text(r.controlId(), 200),
                Storable.text(r.messageType(), 10),
                Storable.text(r.triggerEvent(), 10),
                Storable.text(r.version(), 20),
                Storable.text(r.charset(), 40),
                r.sizeBytes(),
                Storable.text(r.rawMessage()),
                r.contentDigest(),
                MessageStatus.RECEIVED.name()));
        if (fresh.size() >= FRESH_LIMIT) {
            fresh.clear(); // entries whose completion failed: only the shortcut is lost
        }
        fresh.add(id);
        return id;
    }

    /** Records an attempt's outcome on the caller's connection (so inside its transaction). */
    public void complete(Connection c, long id, Completion done) throws SQLException {
        String update = "UPDATE message_journal SET status = ?, ack_code = ?, ack_message = ?,"
                + " patient_id = COALESCE(?, patient_id), notes = ?, duplicate_of = ?, attempts = attempts + 1,"
                + " completed_at = ?, sandbox = (sandbox OR ?) WHERE id = ?";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Object[] args = {
            done.status().name(),
            done.ackCode(),
            Storable.text(done.ackMessage()),
            Storable.text(done.patientId(), 100),
            done.notes().isEmpty() ? null : Storable.text(String.join("\n", done.notes())),
            done.duplicateOf(),
            now,
            done.sandbox(),
            id
        };
        int attempt;
        // A first completion on the instance that journaled the entry knows its attempt number: the
        // UPDATE only counts if no attempt was recorded meanwhile; otherwise the number is read back.
        if (fresh.remove(id) && Sql.update(c, update + " AND attempts = 0", args) == 1) {
            attempt = 1;
        } else {
            Sql.update(c, update, args);
            attempt = Sql.one(c, "SELECT attempts FROM message_journal WHERE id = ?", rs -> rs.getInt(1), id)
                    .orElseThrow(() -> new SQLException("Journal entry " + id + " does not exist"));
        }
        Sql.update(
                c,
                "INSERT INTO message_attempt (journal_id, attempt, completed_at, status, ack_code, ack_message)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                id,
                attempt,
                now,
                done.status().name(),
                done.ackCode(),
                Storable.text(done.ackMessage()));
        List<List<?>> errors = new ArrayList<>();
        int position = 1;
        for (MessageError e : done.errors()) {
            errors.add(Arrays.asList(
                    id,
                    position++,
                    attempt,
                    e.hl7Code(),
                    e.reason(),
                    Storable.text(e.location(), 40),
                    Storable.text(e.text(), 2000),
                    e.waitingKind(),
                    Storable.text(e.waitingKey(), 100)));
        }
        Sql.batch(
                c,
                "INSERT INTO message_error (journal_id, position, attempt, hl7_code, reason, location, text,"
                        + " waiting_kind, waiting_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                errors);
    }

    /** Records an outcome through the batch writer: on disk when this returns. */
    public void complete(long id, Completion done) throws SQLException {
        db.writeDurably(c -> {
            complete(c, id, done);
            return null;
        });
    }

    // --- the duplicate key (AppliedKeys) ---------------------------------------------------

    /**
     * What identifies an applied message: its sender (MSH-3, MSH-4), control ID (MSH-10) and content
     * (a digest of the message without MSH-7). The same key again is a resend.
     */
    public record AppliedKey(String application, String facility, String controlId, String digest) {}

    /** What was applied before under a key's sender and control ID: the same content, and other content. */
    public record Prior(Optional<JournalEntry> sameContent, List<Long> otherContent) {}

    /** The journal entry whose effects were committed under this key, if any. */
    public Optional<JournalEntry> findApplied(Connection c, AppliedKey key) throws SQLException {
        return appliedKeys.findApplied(c, key);
    }

    /**
     * {@link #findApplied} and {@link #appliedWithOtherContent} in one query (the inbound path's
     * duplicate check); the journal entry is read only when the same content was applied.
     */
    public Prior prior(Connection c, AppliedKey key) throws SQLException {
        return appliedKeys.prior(c, key);
    }

    /** Journal ids of applied messages with this sender and control ID but other content: a reused control ID. */
    public List<Long> appliedWithOtherContent(Connection c, AppliedKey key) throws SQLException {
        return appliedKeys.appliedWithOtherContent(c, key);
    }

    /**
     * Claims the key for this journal entry inside the applying transaction. A unique-key violation
     * means another transaction applied the same message first.
     */
    public void claim(Connection c, AppliedKey key, long journalId) throws SQLException {
        appliedKeys.claim(c, key, journalId, false);
    }

    /** {@link #claim}, for a message applied to the interface's test sandbox when {@code sandbox}. */
    public void claim(Connection c, AppliedKey key, long journalId, boolean sandbox) throws SQLException {
        appliedKeys.claim(c, key, journalId, sandbox);
    }

    // --- reads (JournalQueries) ------------------------------------------------------------

    /**
     * What the message browser searches by; null means any. {@code errorCode}: an HL7 error code (table
     * 0357) of the latest attempt; {@code from}/{@code to}: the receipt time; {@code offset}: entries skipped.
     */
    public record Search(
            MessageStatus status,
            String messageType,
            String patientId,
            String controlId,
            String sendingFacility,
            Integer errorCode,
            Instant from,
            Instant to,
            int limit,
            int offset) {}

    /** One processing attempt: when it ended, how, and the ACK it answered with (null before V5.1). */
    public record Attempt(int attempt, Instant completedAt, String status, String ackCode, String ack) {}

    public Optional<JournalEntry> find(long id, boolean withRaw) throws SQLException {
        return queries.find(id, withRaw);
    }

    /** Newest first, filtered by whichever of status, message type, patient ID and control ID are given. */
    public List<JournalEntry> list(MessageStatus status, String messageType, String patientId, int limit)
            throws SQLException {
        return list(status, messageType, patientId, null, limit);
    }

    /** Newest first, filtered by whichever of status, message type, patient ID and control ID are given. */
    public List<JournalEntry> list(
            MessageStatus status, String messageType, String patientId, String controlId, int limit)
            throws SQLException {
        return search(new Search(status, messageType, patientId, controlId, null, null, null, null, limit, 0));
    }

    /** Newest first, filtered by the search. */
    public List<JournalEntry> search(Search s) throws SQLException {
        return queries.search(s);
    }

    /** Messages still RECEIVED that arrived before {@code before}: left unfinished by a stop or crash. */
    public List<Long> unfinished(Instant before) throws SQLException {
        return queries.unfinished(before);
    }

    /** Every attempt at a message and how it ended, oldest first: the first NAK WebPT got stays here. */
    public List<Attempt> attempts(long id) throws SQLException {
        return queries.attempts(id);
    }

    // --- the dashboard (JournalCounts) -----------------------------------------------------

    /** Messages received since a time, counted by type, trigger, sending facility and status (the dashboard). */
    public record Count(
            String messageType, String triggerEvent, String sendingFacility, String status, long messages) {}

    /** Messages kept in ERROR (waiting for a reference or a fix): how many, and when the oldest arrived. */
    public record Waiting(long messages, Instant oldest) {}

    public List<Count> counts(Instant since) throws SQLException {
        return counts.counts(since);
    }

    public Waiting waiting() throws SQLException {
        return counts.waiting();
    }

    /** How many messages this interface has journaled. */
    public long count() throws SQLException {
        return counts.count();
    }

    // --- reprocess selection (ReprocessSelection) ------------------------------------------

    /** Ids of the messages a bulk reprocess takes, oldest first (arrival order). */
    public List<Long> idsToReprocess(ReprocessFilter f) throws SQLException {
        return reprocess.ids(f);
    }
}
