package com.webptbridge.store.lifecycle;

import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.billing.WaitingKind;
import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the readiness report reads of one interface: its test traffic in the journal (messages
 * marked sandbox), the references those messages wait for that still do not resolve, and how much
 * reference data it has. Facts only; the verdicts are the report's.
 */
public final class TestTraffic {

    /** A reference test messages named that the billing data does not have: how many messages wait for it. */
    public record Unresolved(WaitingKind kind, String key, int messages) {}

    private final Database db;
    private final String interfaceId;

    public TestTraffic(Database db, String interfaceId) {
        this.db = db;
        this.interfaceId = interfaceId;
    }

    /** Test messages journaled, by message type (ADT, DFT, ...). */
    public Map<String, Long> messagesByType() throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = db.connection()) {
            for (Object[] row : Sql.list(
                    c,
                    "SELECT message_type, COUNT(*) FROM message_journal WHERE interface_id = ? AND sandbox = TRUE"
                            + " GROUP BY message_type ORDER BY message_type",
                    rs -> new Object[] {rs.getString(1), rs.getLong(2)},
                    interfaceId)) {
                out.put(row[0] == null ? "" : (String) row[0], (Long) row[1]);
            }
        }
        return out;
    }

    /** The ACK codes of the last {@code limit} answered test messages, newest first. */
    public List<String> lastAckCodes(int limit) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.list(
                    c,
                    "SELECT ack_code FROM message_journal WHERE interface_id = ? AND sandbox = TRUE"
                            + " AND ack_code IS NOT NULL ORDER BY id DESC",
                    limit,
                    rs -> rs.getString(1),
                    List.of(interfaceId));
        }
    }

    /**
     * The references test messages still in ERROR wait for (their latest attempt) and that the
     * billing data still lacks as an active record, most waited-for first. An NPI mismatch is
     * always listed: only correcting one side's NPI ends it.
     */
    public List<Unresolved> unresolved() throws SQLException {
        List<Unresolved> out = new ArrayList<>();
        try (Connection c = db.connection()) {
            List<Object[]> waiting = Sql.list(
                    c,
                    "SELECT e.waiting_kind, e.waiting_key, COUNT(DISTINCT j.id) FROM message_journal j"
                            + " JOIN message_error e ON e.journal_id = j.id AND e.attempt = j.attempts"
                            + " WHERE j.interface_id = ? AND j.sandbox = TRUE AND j.status = 'ERROR'"
                            + " AND e.waiting_kind IS NOT NULL GROUP BY e.waiting_kind, e.waiting_key"
                            + " ORDER BY 3 DESC, 1, 2",
                    rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3)},
                    interfaceId);
            for (Object[] w : waiting) {
                WaitingKind kind = WaitingKind.parse((String) w[0]);
                String key = (String) w[1];
                if (kind == WaitingKind.NPI_MISMATCH || !exists(c, kind.releasedBy(), key)) {
                    out.add(new Unresolved(kind, key, (Integer) w[2]));
                }
            }
        }
        return out;
    }

    /** Active records of each kind. */
    public Map<ReferenceKind, Long> activeRecords() throws SQLException {
        Map<ReferenceKind, Long> out = new EnumMap<>(ReferenceKind.class);
        try (Connection c = db.connection()) {
            for (ReferenceKind kind : ReferenceKind.values()) {
                out.put(
                        kind,
                        Sql.one(
                                        c,
                                        "SELECT COUNT(*) FROM " + kind.table()
                                                + " WHERE interface_id = ? AND active = TRUE",
                                        rs -> rs.getLong(1),
                                        interfaceId)
                                .orElse(0L));
            }
        }
        return out;
    }

    private boolean exists(Connection c, ReferenceKind kind, String key) throws SQLException {
        String column =
                switch (kind) {
                    case REFERRING_PROVIDER -> "npi";
                    case PROCEDURE_CODE -> "code";
                    default -> "sequence_number";
                };
        Object value = key;
        if (column.equals("sequence_number")) {
            try {
                value = Long.parseLong(key.trim());
            } catch (NumberFormatException e) {
                return false; // an Alternate ID that is no Sequence Number resolves to nothing
            }
        }
        return Sql.one(
                        c,
                        "SELECT 1 FROM " + kind.table() + " WHERE interface_id = ? AND active = TRUE AND " + column
                                + " = ?",
                        rs -> 1,
                        interfaceId,
                        value)
                .isPresent();
    }
}
