package com.webptbridge.store.journal;

import com.webptbridge.store.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Journal rows as {@link JournalEntry} records, with the errors of each one's latest attempt. */
final class JournalRows {

    /** Ids per error query: well under the bind-parameter limits of both databases. */
    private static final int IDS_PER_QUERY = 500;

    private JournalRows() {}

    /** A journal row without its errors; {@link #withErrors} adds them. */
    static JournalEntry entry(ResultSet rs, boolean withRaw) throws SQLException {
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
                withRaw ? rs.getString("raw_message") : null,
                rs.getBoolean("sandbox"));
    }

    /**
     * The entries with the errors of each one's latest attempt, read in one query per
     * {@value #IDS_PER_QUERY} entries rather than one per entry. An attempt's errors are written
     * with its outcome and never change, so they match the attempt count the entry was read with.
     */
    static List<JournalEntry> withErrors(Connection c, List<JournalEntry> entries) throws SQLException {
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

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
