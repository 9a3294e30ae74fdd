package com.webptbridge.store.reference;

import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.billing.ReferenceKind.Field;
import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of one interface's reference maintenance, for any {@link ReferenceKind} by its table and fields. Records
 * are read as the kind's record class; changes arrive as values keyed by the fields' JSON names,
 * already checked by the caller. Keys are a Sequence Number (a Long) or, for procedure
 * codes, the code.
 */
public final class ReferenceRecords {

    private final Database db;
    private final String interfaceId;

    public ReferenceRecords(Database db, String interfaceId) {
        this.db = db;
        this.interfaceId = interfaceId;
    }

    /** The record with this key (Sequence Number or code), as the kind's record class. */
    public Optional<Record> find(ReferenceKind kind, Object key) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.one(
                    c,
                    "SELECT * FROM " + kind.table() + " WHERE interface_id = ? AND " + keyColumn(kind) + " = ?",
                    reader(kind),
                    interfaceId,
                    key);
        }
    }

    /** Every record of a kind, by Sequence Number. */
    public List<Record> list(ReferenceKind kind) throws SQLException {
        try (Connection c = db.connection()) {
            return list(c, kind);
        }
    }

    /** Every record of a kind, by Sequence Number, as this transaction sees them. */
    public List<Record> list(Connection c, ReferenceKind kind) throws SQLException {
        return Sql.list(
                c,
                "SELECT * FROM " + kind.table() + " WHERE interface_id = ? ORDER BY sequence_number",
                reader(kind),
                interfaceId);
    }

    /**
     * The keys (as audited: a Sequence Number, or a procedure code) of the records of a kind changed
     * after {@code since}: every change goes through the audit trail, so it is the one record of when.
     */
    public java.util.Set<String> changedSince(ReferenceKind kind, OffsetDateTime since) throws SQLException {
        try (Connection c = db.connection()) {
            return new java.util.HashSet<>(Sql.list(
                    c,
                    "SELECT DISTINCT reference_key FROM reference_audit WHERE interface_id = ? AND entity = ?"
                            + " AND changed_at > ? AND action <> ?",
                    rs -> rs.getString(1),
                    interfaceId,
                    kind.path(),
                    since,
                    IMPORT));
        }
    }

    /** The audit action of a whole import (its file and counts), filed under the key {@code import}. */
    public static final String IMPORT = "IMPORT";

    /** The Sequence Number of a record whose {@code field} is {@code value}, if any (active or not). */
    public Optional<Long> holder(Connection c, ReferenceKind kind, String field, Object value) throws SQLException {
        return Sql.one(
                c,
                "SELECT sequence_number FROM " + kind.table() + " WHERE interface_id = ? AND "
                        + kind.field(field).column() + " = ? ORDER BY sequence_number",
                rs -> rs.getLong(1),
                interfaceId,
                value);
    }

    /** True when a record of this kind has {@code value} in {@code field} (a JSON name, or sequenceNumber). */
    public boolean exists(Connection c, ReferenceKind kind, String field, Object value) throws SQLException {
        String column = field.equals("sequenceNumber")
                ? "sequence_number"
                : kind.field(field).column();
        return Sql.one(
                        c,
                        "SELECT 1 FROM " + kind.table() + " WHERE interface_id = ? AND " + column + " = ?",
                        rs -> true,
                        interfaceId,
                        value)
                .isPresent();
    }

    /** The number after the highest in use: what a new record gets when none is asked for. */
    public long nextSequenceNumber(Connection c, ReferenceKind kind) throws SQLException {
        return Sql.one(
                                c,
                                "SELECT MAX(sequence_number) FROM " + kind.table() + " WHERE interface_id = ?",
                                rs -> rs.getLong(1),
                                interfaceId)
                        .orElse(0L)
                + 1;
    }

    /** The record's first field (a name, or the code), to say which record holds a number. */
    public String describe(Connection c, ReferenceKind kind, long sequenceNumber) throws SQLException {
        String column = kind.fields().get(0).column();
        return Sql.one(
                        c,
                        "SELECT " + column + " FROM " + kind.table()
                                + " WHERE interface_id = ? AND sequence_number = ?",
                        rs -> rs.getString(1),
                        interfaceId,
                        sequenceNumber)
                .orElse("?");
    }

    public void insert(Connection c, ReferenceKind kind, long sequenceNumber, Map<String, Object> values)
            throws SQLException {
        StringBuilder columns = new StringBuilder("interface_id, sequence_number, active");
        StringBuilder marks = new StringBuilder("?, ?, ?");
        List<Object> args = new ArrayList<>(List.of(interfaceId, sequenceNumber, true));
        for (Field f : kind.fields()) {
            if (values.containsKey(f.json())) {
                columns.append(", ").append(f.column());
                marks.append(", ?");
                args.add(values.get(f.json()));
            }
        }
        Sql.update(c, "INSERT INTO " + kind.table() + " (" + columns + ") VALUES (" + marks + ")", args.toArray());
        ReferenceCache.bump(c, interfaceId);
    }

    /** Sets the given fields (and {@code active} when not null) of the record with this key. */
    public void update(Connection c, ReferenceKind kind, Object key, Map<String, Object> values, Boolean active)
            throws SQLException {
        List<String> sets = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (Field f : kind.fields()) {
            if (values.containsKey(f.json())) {
                sets.add(f.column() + " = ?");
                args.add(values.get(f.json()));
            }
        }
        if (active != null) {
            sets.add("active = ?");
            args.add(active);
        }
        args.add(interfaceId);
        args.add(key);
        Sql.update(
                c,
                "UPDATE " + kind.table() + " SET " + String.join(", ", sets) + " WHERE interface_id = ? AND "
                        + keyColumn(kind) + " = ?",
                args.toArray());
        ReferenceCache.bump(c, interfaceId);
    }

    /**
     * Call after a change has committed: this instance's lookups see it at once (other instances
     * within bridge.reference.refresh-ms, by the version the change bumped).
     */
    public void changed() {
        ReferenceCache.of(db, interfaceId).changed();
    }

    /** Records who changed which record, when, and how. */
    public void audit(Connection c, String operator, ReferenceKind kind, String key, String action, String detail)
            throws SQLException {
        Sql.update(
                c,
                "INSERT INTO reference_audit (interface_id, changed_at, operator, entity, reference_key,"
                        + " action, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                interfaceId,
                OffsetDateTime.now(ZoneOffset.UTC),
                operator == null || operator.isBlank() ? "unknown" : operator,
                kind.path(),
                key,
                action,
                detail);
    }

    /** One audit line: when, who, what. */
    public record AuditLine(String changedAt, String operator, String action, String detail) {}

    /** The audit trail of one record, oldest first. */
    public List<AuditLine> audit(ReferenceKind kind, String key) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.list(
                    c,
                    "SELECT * FROM reference_audit WHERE interface_id = ? AND entity = ? AND reference_key = ?"
                            + " ORDER BY id",
                    rs -> new AuditLine(
                            rs.getObject("changed_at", OffsetDateTime.class)
                                    .toInstant()
                                    .toString(),
                            rs.getString("operator"),
                            rs.getString("action"),
                            rs.getString("detail")),
                    interfaceId,
                    kind.path(),
                    key);
        }
    }

    private static String keyColumn(ReferenceKind kind) {
        return kind.addressedByCode() ? "code" : "sequence_number";
    }

    private static Sql.RowMapper<Record> reader(ReferenceKind kind) {
        Sql.RowMapper<? extends Record> reader = RecordRows.reader(kind.recordClass());
        return reader::map;
    }
}
