package com.webptbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages in ERROR grouped by what they wait for (a payer, a code, ...) and, for the rest, by
 * error code: what the analyst has to add or fix, not a pile of NAKs. Only each message's latest
 * attempt counts.
 */
public final class Worklist {

    private final Database db;

    public Worklist(Database db) {
        this.db = db;
    }

    /** One line of the worklist: messages sharing a waiting key (or an error code when kind is null). */
    public record Group(String waitingKind, String waitingKey, int hl7Code, String reason, String location,
                        int messages, int patients, Instant oldest, List<Long> journalIds) {
    }

    public List<Group> groups() throws SQLException {
        List<Group> out = new ArrayList<>();
        String from = " FROM message_journal j JOIN message_error e ON e.journal_id = j.id AND e.attempt = j.attempts"
                + " WHERE j.status = 'ERROR'";
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.waiting_kind, e.waiting_key, MIN(e.hl7_code),"
                    + " MIN(e.reason), MIN(e.location), COUNT(DISTINCT j.id), COUNT(DISTINCT j.patient_id), MIN(j.received_at)"
                    + from + " AND e.waiting_kind IS NOT NULL GROUP BY e.waiting_kind, e.waiting_key ORDER BY MIN(j.received_at)");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(group(c, rs, rs.getString(1), rs.getString(2)));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT NULL, NULL, e.hl7_code, e.reason, MIN(e.location),"
                    + " COUNT(DISTINCT j.id), COUNT(DISTINCT j.patient_id), MIN(j.received_at)" + from
                    + " AND e.waiting_kind IS NULL GROUP BY e.hl7_code, e.reason ORDER BY MIN(j.received_at)");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(group(c, rs, null, null));
                }
            }
        }
        return out;
    }

    private static Group group(Connection c, ResultSet rs, String kind, String key) throws SQLException {
        int code = rs.getInt(3);
        String reason = rs.getString(4);
        List<Long> ids = new ArrayList<>();
        String sql = "SELECT DISTINCT j.id FROM message_journal j JOIN message_error e ON e.journal_id = j.id"
                + " AND e.attempt = j.attempts WHERE j.status = 'ERROR' AND "
                + (kind != null ? "e.waiting_kind = ? AND e.waiting_key = ?" : "e.waiting_kind IS NULL AND e.hl7_code = ? AND e.reason = ?")
                + " ORDER BY j.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (kind != null) {
                ps.setString(1, kind);
                ps.setString(2, key);
            } else {
                ps.setInt(1, code);
                ps.setString(2, reason);
            }
            ps.setMaxRows(100);
            try (ResultSet ids0 = ps.executeQuery()) {
                while (ids0.next()) {
                    ids.add(ids0.getLong(1));
                }
            }
        }
        OffsetDateTime oldest = rs.getObject(8, OffsetDateTime.class);
        return new Group(kind, key, code, reason, rs.getString(5), rs.getInt(6), rs.getInt(7),
                oldest == null ? null : oldest.toInstant(), ids);
    }
}
