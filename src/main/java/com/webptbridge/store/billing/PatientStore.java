package com.webptbridge.store.billing;

import com.webptbridge.billing.PatientField;
import com.webptbridge.billing.PatientInfo;
import com.webptbridge.store.Database;
import com.webptbridge.store.RefusedWrite;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;

/**
 * Billing Patient Info. An update touches only the fields the message spoke about; the row is
 * locked first so that two messages for one patient apply one after the other.
 */
public final class PatientStore {

    private final Database db;
    private final String interfaceId;
    private final boolean sandbox;
    private final PatientStore twin;

    /** The interface's live patients; {@link #in} gives its test sandbox's. */
    public PatientStore(Database db, String interfaceId) {
        this.db = db;
        this.interfaceId = interfaceId;
        this.sandbox = false;
        this.twin = new PatientStore(this);
    }

    private PatientStore(PatientStore live) {
        this.db = live.db;
        this.interfaceId = live.interfaceId;
        this.sandbox = true;
        this.twin = live;
    }

    /** The same interface's patients in its test sandbox ({@code true}) or its live data. */
    public PatientStore in(boolean sandbox) {
        return sandbox == this.sandbox ? this : twin;
    }

    /** Whether these are the test sandbox's patients. */
    public boolean sandbox() {
        return sandbox;
    }

    /**
     * Creates or updates the patient inside the caller's transaction. A unique violation on insert
     * (another message created the same patient first) is the caller's cue to retry.
     *
     * <p>Order per patient: a message applies Patient Info only if no message that arrived after it
     * (a higher journal id) already did; a reprocessed older message leaves newer data alone and a
     * note says so.
     *
     * @return the patient's row id, which policies and encounters refer to
     */
    public long apply(Connection c, PatientInfo info, long journalId, List<String> notes) throws SQLException {
        try {
            return write(c, info, journalId, notes);
        } catch (SQLException refused) {
            throw RefusedWrite.of(refused, "patient", -1);
        }
    }

    private long write(Connection c, PatientInfo info, long journalId, List<String> notes) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long[] row = locked(c, info.patientId());
        if (row != null) {
            long existing = row[0];
            if (row[1] > journalId) {
                notes.add("Patient Info not changed: journal entry " + row[1] + ", which arrived later, already updated"
                        + " this patient.");
                return existing;
            }
            StringBuilder sql = new StringBuilder("UPDATE patient SET updated_at = ?, last_journal_id = ?");
            for (PatientField f : info.changes().keySet()) {
                sql.append(", ").append(f.column()).append(" = ?");
            }
            sql.append(" WHERE interface_id = ? AND sandbox = ? AND patient_id = ?");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                ps.setObject(i++, now);
                ps.setLong(i++, journalId);
                for (Entry<PatientField, Object> e : info.changes().entrySet()) {
                    bind(ps, i++, e.getKey(), e.getValue());
                }
                ps.setString(i++, interfaceId);
                ps.setBoolean(i++, sandbox);
                ps.setString(i, info.patientId());
                ps.executeUpdate();
            }
            return existing;
        } else {
            StringBuilder columns =
                    new StringBuilder("interface_id, sandbox, patient_id, created_at, updated_at, last_journal_id");
            StringBuilder marks = new StringBuilder("?, ?, ?, ?, ?, ?");
            for (PatientField f : info.changes().keySet()) {
                columns.append(", ").append(f.column());
                marks.append(", ?");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO patient (" + columns + ") VALUES (" + marks + ")", new String[] {"id"})) {
                int i = 1;
                ps.setString(i++, interfaceId);
                ps.setBoolean(i++, sandbox);
                ps.setString(i++, info.patientId());
                ps.setObject(i++, now);
                ps.setObject(i++, now);
                ps.setLong(i++, journalId);
                for (Entry<PatientField, Object> e : info.changes().entrySet()) {
                    bind(ps, i++, e.getKey(), e.getValue());
                }
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        }
    }

    /** Patient Info as stored, or empty when WebPT never sent this patient. */
    public Optional<PatientRecord> find(String patientId) throws SQLException {
        try (Connection c = db.connection()) {
            return find(c, patientId);
        }
    }

    /** Patient Info as this connection sees it (inside its transaction). */
    public Optional<PatientRecord> find(Connection c, String patientId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT * FROM patient WHERE interface_id = ? AND sandbox = ? AND patient_id = ?")) {
            ps.setString(1, interfaceId);
            ps.setBoolean(2, sandbox);
            ps.setString(3, patientId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<PatientField, Object> values = new EnumMap<>(PatientField.class);
                for (PatientField f : PatientField.values()) {
                    Object v = f == PatientField.DATE_OF_BIRTH
                            ? rs.getObject(f.column(), LocalDate.class)
                            : rs.getString(f.column());
                    if (v != null) {
                        values.put(f, v);
                    }
                }
                return Optional.of(new PatientRecord(rs.getLong("id"), patientId, values));
            }
        }
    }

    /**
     * Locks the patient's row for this transaction: its id and the journal id of the last message
     * applied to it (0 when unknown), or null when there is no such patient yet.
     */
    private long[] locked(Connection c, String patientId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, last_journal_id FROM patient WHERE interface_id = ? AND sandbox = ? AND patient_id = ?"
                        + " FOR UPDATE")) {
            ps.setString(1, interfaceId);
            ps.setBoolean(2, sandbox);
            ps.setString(3, patientId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
            }
        }
    }

    private static void bind(PreparedStatement ps, int index, PatientField field, Object value) throws SQLException {
        if (value instanceof LocalDate d) {
            ps.setDate(index, Date.valueOf(d));
        } else if (value == null) {
            ps.setNull(index, field == PatientField.DATE_OF_BIRTH ? Types.DATE : Types.VARCHAR);
        } else {
            ps.setString(index, value.toString());
        }
    }
}
