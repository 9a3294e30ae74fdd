package com.webptbridge.store.journal;

import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;
import com.webptbridge.store.Storable;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One interface's message journal: every frame is stored on arrival (auto-committed, so it
 * survives a crash before processing) and its outcome is written in the same transaction as its
 * effects. Reads see only this interface's messages; a journal for no interface (null) holds the
 * messages that matched none.
 */
public final class Journal {

    /** Ids per error query: well under the bind-parameter limits of both databases. */
    private static final int IDS_PER_QUERY = 500;

    /** Fresh ids remembered at most: past this the set is cleared (each lookup then reads the count). */
    private static final int FRESH_LIMIT = 10_000;

    private final Database db;
    private final String interfaceId;
    /**
     * Entries this instance journaled with no attempt yet: their first completion knows its attempt
     * number (1) without reading it back. Only a hint: the UPDATE checks it (attempts = 0).
     */
    private final java.util.Set<Long> fresh = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Journal(Database db, String interfaceId) {
        this.db = db;
        this.interfaceId = interfaceId;
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

    /**
     * What identifies an applied message: its sender (MSH-3, MSH-4), control ID (MSH-10) and content
     * (a digest of the message without MSH-7). The same key again is a resend.
     */
    public record AppliedKey(String application, String facility, String controlId, String digest) {}

    /** The journal entry whose effects were committed under this key, if any. */
    public Optional<JournalEntry> findApplied(Connection c, AppliedKey key) throws SQLException {
        Optional<Long> id = Sql.one(
                c,
                "SELECT journal_id FROM applied_message WHERE interface_id = ? AND sending_application = ?"
                        + " AND sending_facility = ? AND control_id = ? AND content_digest = ?",
                rs -> rs.getLong(1),
                interfaceId,
                Storable.text(nullToEmpty(key.application()), 250),
                Storable.text(nullToEmpty(key.facility()), 250),
                Storable.text(key.controlId(), 200),
                key.digest());
        return id.isEmpty() ? Optional.empty() : find(c, id.get(), false);
    }

    /** What was applied before under a key's sender and control ID: the same content, and other content. */
    public record Prior(Optional<JournalEntry> sameContent, List<Long> otherContent) {}

    /**
     * {@link #findApplied} and {@link #appliedWithOtherContent} in one query (the inbound path's
     * duplicate check); the journal entry is read only when the same content was applied.
     */
    public Prior prior(Connection c, AppliedKey key) throws SQLException {
        List<Object[]> rows = Sql.list(
                c,
                "SELECT journal_id, content_digest FROM applied_message WHERE interface_id = ?"
                        + " AND sending_application = ? AND sending_facility = ? AND control_id = ? ORDER BY journal_id",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)},
                interfaceId,
                Storable.text(nullToEmpty(key.application()), 250),
                Storable.text(nullToEmpty(key.facility()), 250),
                Storable.text(key.controlId(), 200));
        Long same = null;
        List<Long> other = new ArrayList<>();
        for (Object[] row : rows) {
            if (java.util.Objects.equals(row[1], key.digest())) {
                same = (Long) row[0];
            } else {
                other.add((Long) row[0]);
            }
        }
        return new Prior(same == null ? Optional.empty() : find(c, same, false), other);
    }

    /** Journal ids of applied messages with this sender and control ID but other content: a reused control ID. */
    public List<Long> appliedWithOtherContent(Connection c, AppliedKey key) throws SQLException {
        return Sql.list(
                c,
                "SELECT journal_id FROM applied_message WHERE interface_id = ? AND sending_application = ?"
                        + " AND sending_facility = ? AND control_id = ? AND content_digest <> ? ORDER BY journal_id",
                rs -> rs.getLong(1),
                interfaceId,
                Storable.text(nullToEmpty(key.application()), 250),
                Storable.text(nullToEmpty(key.facility()), 250),
                Storable.text(key.controlId(), 200),
                key.digest());
    }

    /**
     * Claims the key for this journal entry inside the applying transaction. A unique-key violation
     * means another transaction applied the same message first.
     */
    public void claim(Connection c, AppliedKey key, long journalId) throws SQLException {
        Sql.update(
                c,
                "INSERT INTO applied_message (interface_id, sending_application, sending_facility, control_id,"
                        + " content_digest, journal_id) VALUES (?, ?, ?, ?, ?, ?)",
                interfaceId,
                Storable.text(nullToEmpty(key.application()), 250),
                Storable.text(nullToEmpty(key.facility()), 250),
                Storable.text(key.controlId(), 200),
                key.digest(),
                journalId);
    }

    /** Records an attempt's outcome on the caller's connection (so inside its transaction). */
    public void complete(Connection c, long id, Completion done) throws SQLException {
        String update = "UPDATE message_journal SET status = ?, ack_code = ?, ack_message = ?,"
                + " patient_id = COALESCE(?, patient_id), notes = ?, duplicate_of = ?, attempts = attempts + 1,"
                + " completed_at = ? WHERE id = ?";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Object[] args = {
            done.status().name(),
            done.ackCode(),
            Storable.text(done.ackMessage()),
            Storable.text(done.patientId(), 100),
            done.notes().isEmpty() ? null : Storable.text(String.join("\n", done.notes())),
            done.duplicateOf(),
            now,
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

    public Optional<JournalEntry> find(long id, boolean withRaw) throws SQLException {
        try (Connection c = db.connection()) {
            return find(c, id, withRaw);
        }
    }

    private Optional<JournalEntry> find(Connection c, long id, boolean withRaw) throws SQLException {
        Optional<JournalEntry> entry = Sql.one(
                c,
                "SELECT * FROM message_journal WHERE id = ? AND " + scope(),
                rs -> entry(rs, withRaw),
                scoped(id).toArray());
        return entry.isEmpty()
                ? entry
                : Optional.of(withErrors(c, List.of(entry.get())).get(0));
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

    /** Newest first, filtered by the search. */
    public List<JournalEntry> search(Search s) throws SQLException {
        MessageStatus status = s.status();
        String messageType = s.messageType();
        String patientId = s.patientId();
        String controlId = s.controlId();
        int limit = s.limit();
        StringBuilder sql = new StringBuilder("SELECT * FROM message_journal j WHERE " + scope());
        List<Object> args = new ArrayList<>(scoped());
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.name());
        }
        if (messageType != null) {
            sql.append(" AND message_type = ?");
            args.add(messageType);
        }
        if (patientId != null) {
            sql.append(" AND patient_id = ?");
            args.add(patientId);
        }
        if (controlId != null) {
            sql.append(" AND control_id = ?");
            args.add(controlId);
        }
        if (s.sendingFacility() != null) {
            sql.append(" AND sending_facility = ?");
            args.add(s.sendingFacility());
        }
        if (s.errorCode() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM message_error e WHERE e.journal_id = j.id"
                    + " AND e.attempt = j.attempts AND e.hl7_code = ?)");
            args.add(s.errorCode());
        }
        if (s.from() != null) {
            sql.append(" AND received_at >= ?");
            args.add(OffsetDateTime.ofInstant(s.from(), ZoneOffset.UTC));
        }
        if (s.to() != null) {
            sql.append(" AND received_at < ?");
            args.add(OffsetDateTime.ofInstant(s.to(), ZoneOffset.UTC));
        }
        sql.append(" ORDER BY id DESC");
        if (s.offset() > 0) {
            sql.append(" OFFSET ").append(s.offset()).append(" ROWS");
        }
        if (limit == 0) {
            return List.of(); // setMaxRows(0) would mean no limit at all
        }
        try (Connection c = db.connection()) {
            return withErrors(c, Sql.list(c, sql.toString(), limit, rs -> entry(rs, false), args));
        }
    }

    /** Messages still RECEIVED that arrived before {@code before}: left unfinished by a stop or crash. */
    public List<Long> unfinished(Instant before) throws SQLException {
        try (Connection c = db.connection()) {
            List<Object> args = scoped();
            args.add(0, MessageStatus.RECEIVED.name());
            args.add(1, before);
            return Sql.list(
                    c,
                    "SELECT id FROM message_journal WHERE status = ? AND received_at < ? AND " + scope()
                            + " ORDER BY id",
                    10_000,
                    rs -> rs.getLong(1),
                    args);
        }
    }

    /** Messages received since a time, counted by type, trigger, sending facility and status (the dashboard). */
    public record Count(
            String messageType, String triggerEvent, String sendingFacility, String status, long messages) {}

    public List<Count> counts(Instant since) throws SQLException {
        try (Connection c = db.connection()) {
            List<Object> args = new ArrayList<>(scoped());
            args.add(OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            return Sql.list(
                    c,
                    "SELECT message_type, trigger_event, sending_facility, status, COUNT(*) FROM message_journal"
                            + " WHERE " + scope() + " AND received_at >= ?"
                            + " GROUP BY message_type, trigger_event, sending_facility, status",
                    10_000,
                    rs -> new Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)),
                    args);
        }
    }

    /** Messages kept in ERROR (waiting for a reference or a fix): how many, and when the oldest arrived. */
    public record Waiting(long messages, Instant oldest) {}

    public Waiting waiting() throws SQLException {
        try (Connection c = db.connection()) {
            List<Object> args = new java.util.ArrayList<>(scoped());
            return Sql.one(
                            c,
                            "SELECT COUNT(*), MIN(received_at) FROM message_journal WHERE status = 'ERROR' AND "
                                    + scope(),
                            rs -> new Waiting(
                                    rs.getLong(1),
                                    rs.getObject(2, java.time.OffsetDateTime.class) == null
                                            ? null
                                            : rs.getObject(2, java.time.OffsetDateTime.class)
                                                    .toInstant()),
                            args.toArray())
                    .orElse(new Waiting(0, null));
        }
    }

    /** How many messages this interface has journaled. */
    public long count() throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.one(
                            c,
                            "SELECT COUNT(*) FROM message_journal WHERE " + scope(),
                            rs -> rs.getLong(1),
                            scoped().toArray())
                    .orElse(0L);
        }
    }

    /** Ids of the messages a bulk reprocess takes, oldest first (arrival order). */
    public List<Long> idsToReprocess(ReprocessFilter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT DISTINCT j.id FROM message_journal j LEFT JOIN message_error e"
                + " ON e.journal_id = j.id AND e.attempt = j.attempts WHERE j." + scope() + " AND j.status IN (");
        List<Object> args = new ArrayList<>(scoped());
        String comma = "";
        for (MessageStatus s : f.statuses()) {
            sql.append(comma).append("?");
            comma = ", ";
            args.add(s.name());
        }
        sql.append(")");
        if (f.errorCode() != null) {
            sql.append(" AND e.hl7_code = ?");
            args.add(f.errorCode());
        }
        if (f.waitingKind() != null) {
            sql.append(" AND e.waiting_kind = ?");
            args.add(f.waitingKind());
        }
        if (f.waitingKey() != null) {
            sql.append(" AND e.waiting_key = ?");
            args.add(f.waitingKey());
        }
        if (f.from() != null) {
            sql.append(" AND j.received_at >= ?");
            args.add(f.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (f.to() != null) {
            sql.append(" AND j.received_at < ?");
            args.add(f.to().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        sql.append(" ORDER BY j.id");
        try (Connection c = db.connection()) {
            return Sql.list(c, sql.toString(), f.limit(), rs -> rs.getLong(1), args);
        }
    }

    /** One processing attempt: when it ended, how, and the ACK it answered with (null before V5.1). */
    public record Attempt(int attempt, Instant completedAt, String status, String ackCode, String ack) {}

    /** Every attempt at a message and how it ended, oldest first: the first NAK WebPT got stays here. */
    public List<Attempt> attempts(long id) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.list(
                    c,
                    "SELECT attempt, completed_at, status, ack_code, ack_message FROM message_attempt"
                            + " WHERE journal_id = ? ORDER BY attempt",
                    rs -> new Attempt(
                            rs.getInt(1),
                            instant(rs, "completed_at"),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5)),
                    id);
        }
    }

    /** The condition that keeps reads to this interface's messages. */
    private String scope() {
        return interfaceId == null ? "interface_id IS NULL" : "interface_id = ?";
    }

    /** The arguments before {@link #scope()}'s, then its own. */
    private List<Object> scoped(Object... before) {
        List<Object> args = new ArrayList<>(Arrays.asList(before));
        if (interfaceId != null) {
            args.add(interfaceId);
        }
        return args;
    }

    /** A journal row without its errors; {@link #withErrors} adds them. */
    private static JournalEntry entry(ResultSet rs, boolean withRaw) throws SQLException {
        String notes = rs.getString("notes");
        long duplicateOf = rs.getLong("duplicate_of");
        boolean hasDuplicateOf = !rs.wasNull();
        return new JournalEntry(
                rs.getLong("id"),
                instant(rs, "received_at"),
                rs.getString("remote_address"),
                rs.getString("sending_application"),
                rs.getString("sending_facility"),
                rs.getString("control_id"),
                rs.getString("message_type"),
                rs.getString("trigger_event"),
                rs.getString("version"),
                rs.getString("charset"),
                rs.getInt("size_bytes"),
                MessageStatus.valueOf(rs.getString("status")),
                rs.getString("patient_id"),
                rs.getString("ack_code"),
                rs.getString("ack_message"),
                notes == null ? List.of() : List.of(notes.split("\n")),
                hasDuplicateOf ? duplicateOf : null,
                rs.getInt("attempts"),
                instant(rs, "completed_at"),
                List.of(),
                withRaw ? rs.getString("raw_message") : null);
    }

    /**
     * The entries with the errors of each one's latest attempt, read in one query per
     * {@value #IDS_PER_QUERY} entries rather than one per entry. An attempt's errors are written
     * with its outcome and never change, so they match the attempt count the entry was read with.
     */
    private static List<JournalEntry> withErrors(Connection c, List<JournalEntry> entries) throws SQLException {
        Map<Long, JournalEntry> byId = new HashMap<>();
        for (JournalEntry e : entries) {
            byId.put(e.id(), e);
        }
        Map<Long, List<MessageError>> errors = new HashMap<>();
        for (int from = 0; from < entries.size(); from += IDS_PER_QUERY) {
            List<Long> ids = entries.subList(from, Math.min(entries.size(), from + IDS_PER_QUERY)).stream()
                    .map(JournalEntry::id)
                    .toList();
            String sql = "SELECT journal_id, attempt, hl7_code, reason, location, text, waiting_kind, waiting_key"
                    + " FROM message_error WHERE journal_id IN ("
                    + String.join(", ", Collections.nCopies(ids.size(), "?"))
                    + ") ORDER BY journal_id, position";
            for (ErrorRow row : Sql.list(c, sql, 0, ErrorRow::of, ids)) {
                if (row.attempt() == byId.get(row.journalId()).attempts()) {
                    errors.computeIfAbsent(row.journalId(), k -> new ArrayList<>())
                            .add(row.error());
                }
            }
        }
        List<JournalEntry> out = new ArrayList<>(entries.size());
        for (JournalEntry e : entries) {
            out.add(e.withErrors(errors.getOrDefault(e.id(), List.of())));
        }
        return out;
    }

    private record ErrorRow(long journalId, int attempt, MessageError error) {
        static ErrorRow of(ResultSet rs) throws SQLException {
            return new ErrorRow(
                    rs.getLong(1),
                    rs.getInt(2),
                    new MessageError(
                            rs.getInt(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8)));
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
