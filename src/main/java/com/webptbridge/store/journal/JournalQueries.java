package com.webptbridge.store.journal;

import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;
import com.webptbridge.store.journal.Journal.Attempt;
import com.webptbridge.store.journal.Journal.Search;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads of one interface's journal: an entry, the message browser's search, unfinished entries, attempts. */
final class JournalQueries {

    private final Database db;
    private final Scope scope;

    JournalQueries(Database db, Scope scope) {
        this.db = db;
        this.scope = scope;
    }

    Optional<JournalEntry> find(long id, boolean withRaw) throws SQLException {
        try (Connection c = db.connection()) {
            return find(c, id, withRaw);
        }
    }

    Optional<JournalEntry> find(Connection c, long id, boolean withRaw) throws SQLException {
        Optional<JournalEntry> entry = Sql.one(
                c,
                "SELECT * FROM message_journal WHERE id = ? AND " + scope.sql(),
                rs -> JournalRows.entry(rs, withRaw),
                scope.args(id).toArray());
        return entry.isEmpty()
                ? entry
                : Optional.of(JournalRows.withErrors(c, List.of(entry.get())).get(0));
    }

    List<JournalEntry> search(Search s) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM message_journal j WHERE " + scope.sql());
        List<Object> args = new ArrayList<>(scope.args());
        if (s.status() != null) {
            sql.append(" AND status = ?");
            args.add(s.status().name());
        }
        if (s.messageType() != null) {
            sql.append(" AND message_type = ?");
            args.add(s.messageType());
        }
        if (s.patientId() != null) {
            sql.append(" AND patient_id = ?");
            args.add(s.patientId());
        }
        if (s.controlId() != null) {
            sql.append(" AND control_id = ?");
            args.add(s.controlId());
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
        if (s.limit() == 0) {
            return List.of(); // setMaxRows(0) would mean no limit at all
        }
        try (Connection c = db.connection()) {
            return JournalRows.withErrors(
                    c, Sql.list(c, sql.toString(), s.limit(), rs -> JournalRows.entry(rs, false), args));
        }
    }

    List<Long> unfinished(Instant before) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.list(
                    c,
                    "SELECT id FROM message_journal WHERE status = ? AND received_at < ? AND " + scope.sql()
                            + " ORDER BY id",
                    10_000,
                    rs -> rs.getLong(1),
                    scope.args(MessageStatus.RECEIVED.name(), before));
        }
    }

    List<Attempt> attempts(long id) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.list(
                    c,
                    "SELECT attempt, completed_at, status, ack_code, ack_message FROM message_attempt"
                            + " WHERE journal_id = ? ORDER BY attempt",
                    rs -> new Attempt(
                            rs.getInt(1),
                            JournalRows.instant(rs, "completed_at"),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5)),
                    id);
        }
    }
}
