package com.webptbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The message journal: every frame is stored on arrival (auto-committed, so it survives a crash
 * before processing) and its outcome is written in the same transaction as its effects.
 */
public final class Journal {

    private final Database db;

    public Journal(Database db) {
        this.db = db;
    }

    /** Stores a message as RECEIVED and returns its journal id. Committed when this returns. */
    public long receive(Receipt r) throws SQLException {
        String sql = "INSERT INTO message_journal (received_at, remote_address, sending_application, sending_facility,"
                + " control_id, message_type, trigger_event, version, charset, size_bytes, raw_message, status, attempts)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setObject(1, OffsetDateTime.ofInstant(r.receivedAt(), ZoneOffset.UTC));
            ps.setString(2, Storable.text(r.remoteAddress(), 100));
            ps.setString(3, Storable.text(r.sendingApplication(), 250));
            ps.setString(4, Storable.text(r.sendingFacility(), 250));
            ps.setString(5, Storable.text(r.controlId(), 200));
            ps.setString(6, Storable.text(r.messageType(), 10));
            ps.setString(7, Storable.text(r.triggerEvent(), 10));
            ps.setString(8, Storable.text(r.version(), 20));
            ps.setString(9, Storable.text(r.charset(), 40));
            ps.setInt(10, r.sizeBytes());
            ps.setString(11, Storable.text(r.rawMessage()));
            ps.setString(12, MessageStatus.RECEIVED.name());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The journal entry whose effects were committed for this sender and control ID, if any. */
    public Optional<JournalEntry> findApplied(Connection c, String sendingFacility, String controlId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT journal_id FROM applied_message WHERE sending_facility = ? AND control_id = ?")) {
            ps.setString(1, Storable.text(nullToEmpty(sendingFacility), 250));
            ps.setString(2, Storable.text(controlId, 200));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return find(c, rs.getLong(1), false);
            }
        }
    }

    /**
     * Claims (sending facility, control ID) for this journal entry inside the applying transaction.
     * A unique-key violation means another transaction applied the same message first.
     */
    public void claim(Connection c, String sendingFacility, String controlId, long journalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO applied_message (sending_facility, control_id, journal_id) VALUES (?, ?, ?)")) {
            ps.setString(1, Storable.text(nullToEmpty(sendingFacility), 250));
            ps.setString(2, Storable.text(controlId, 200));
            ps.setLong(3, journalId);
            ps.executeUpdate();
        }
    }

    /** Records an attempt's outcome on the caller's connection (so inside its transaction). */
    public void complete(Connection c, long id, Completion done) throws SQLException {
        int attempt;
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE message_journal SET status = ?, ack_code = ?, ack_message = ?,"
                        + " patient_id = COALESCE(?, patient_id), notes = ?, duplicate_of = ?, attempts = attempts + 1,"
                        + " completed_at = ? WHERE id = ?")) {
            ps.setString(1, done.status().name());
            ps.setString(2, done.ackCode());
            ps.setString(3, Storable.text(done.ackMessage()));
            ps.setString(4, Storable.text(done.patientId(), 100));
            ps.setString(5, done.notes().isEmpty() ? null : Storable.text(String.join("\n", done.notes())));
            ps.setObject(6, done.duplicateOf());
            ps.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setLong(8, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT attempts FROM message_journal WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                attempt = rs.getInt(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO message_attempt (journal_id, attempt, completed_at,"
                + " status, ack_code) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, attempt);
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(4, done.status().name());
            ps.setString(5, done.ackCode());
            ps.executeUpdate();
        }
        if (!done.errors().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO message_error (journal_id, position, attempt,"
                    + " hl7_code, reason, location, text, waiting_kind, waiting_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int position = 1;
                for (MessageError e : done.errors()) {
                    ps.setLong(1, id);
                    ps.setInt(2, position++);
                    ps.setInt(3, attempt);
                    ps.setInt(4, e.hl7Code());
                    ps.setString(5, e.reason());
                    ps.setString(6, Storable.text(e.location(), 40));
                    ps.setString(7, Storable.text(e.text(), 2000));
                    ps.setString(8, e.waitingKind());
                    ps.setString(9, Storable.text(e.waitingKey(), 100));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** Records an outcome in a transaction of its own. */
    public void complete(long id, Completion done) throws SQLException {
        db.inTransaction(c -> {
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
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM message_journal WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(entry(c, rs, withRaw));
            }
        }
    }

    /** Newest first, filtered by whichever of status, message type and patient ID are given. */
    public List<JournalEntry> list(MessageStatus status, String messageType, String patientId, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM message_journal WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
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
        sql.append(" ORDER BY id DESC");
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            ps.setMaxRows(limit);
            List<JournalEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < limit) {
                    out.add(entry(c, rs, false));
                }
            }
            return out;
        }
    }

    /** Ids of the messages a bulk reprocess takes, oldest first (arrival order). */
    public List<Long> idsToReprocess(ReprocessFilter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT DISTINCT j.id FROM message_journal j LEFT JOIN message_error e"
                + " ON e.journal_id = j.id AND e.attempt = j.attempts WHERE j.status IN (");
        List<Object> args = new ArrayList<>();
        for (MessageStatus s : f.statuses()) {
            sql.append(args.isEmpty() ? "?" : ", ?");
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
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            ps.setMaxRows(f.limit());
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    /** Every attempt at a message and how it ended, oldest first. */
    public List<String> attempts(long id) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT attempt, completed_at, status, ack_code FROM message_attempt WHERE journal_id = ? ORDER BY attempt")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1) + " " + rs.getObject(2, OffsetDateTime.class).toInstant() + " "
                            + rs.getString(3) + " " + rs.getString(4));
                }
            }
        }
        return out;
    }

    private JournalEntry entry(Connection c, ResultSet rs, boolean withRaw) throws SQLException {
        long id = rs.getLong("id");
        int attempts = rs.getInt("attempts");
        String notes = rs.getString("notes");
        long duplicateOf = rs.getLong("duplicate_of");
        boolean hasDuplicateOf = !rs.wasNull();
        return new JournalEntry(id, instant(rs, "received_at"), rs.getString("remote_address"),
                rs.getString("sending_application"), rs.getString("sending_facility"), rs.getString("control_id"),
                rs.getString("message_type"), rs.getString("trigger_event"), rs.getString("version"),
                rs.getString("charset"), rs.getInt("size_bytes"),
                MessageStatus.valueOf(rs.getString("status")), rs.getString("patient_id"), rs.getString("ack_code"),
                rs.getString("ack_message"), notes == null ? List.of() : List.of(notes.split("\n")),
                hasDuplicateOf ? duplicateOf : null, attempts, instant(rs, "completed_at"),
                errors(c, id, attempts), withRaw ? rs.getString("raw_message") : null);
    }

    private List<MessageError> errors(Connection c, long id, int attempt) throws SQLException {
        List<MessageError> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT hl7_code, reason, location, text, waiting_kind, waiting_key"
                + " FROM message_error WHERE journal_id = ? AND attempt = ? ORDER BY position")) {
            ps.setLong(1, id);
            ps.setInt(2, attempt);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MessageError(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
