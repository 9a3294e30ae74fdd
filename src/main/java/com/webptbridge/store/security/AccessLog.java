package com.webptbridge.store.security;

import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Who read patient data or a raw message, or changed something, through the API, and when: the
 * patient ID or journal id it was about, never the content.
 */
public final class AccessLog {

    private final Database db;

    public AccessLog(Database db) {
        this.db = db;
    }

    /** One recorded access. action: READ_PATIENT, READ_RAW or CHANGE. */
    public record Entry(
            long id,
            Instant at,
            String user,
            String action,
            String method,
            String resource,
            String interfaceId,
            String patientId,
            Long journalId,
            int status) {}

    public void record(
            String user,
            String action,
            String method,
            String resource,
            String interfaceId,
            String patientId,
            Long journalId,
            int status)
            throws SQLException {
        try (Connection c = db.connection()) {
            Sql.update(
                    c,
                    "INSERT INTO access_log (at, account_name, action, method, resource, interface_id, patient_id,"
                            + " journal_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Instant.now(),
                    user,
                    action,
                    method,
                    resource.length() > 500 ? resource.substring(0, 500) : resource,
                    interfaceId,
                    patientId,
                    journalId,
                    status);
        }
    }

    /** Entries newest first, each filter optional (null). */
    public List<Entry> find(String user, String patientId, Instant from, Instant to, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM access_log WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (user != null) {
            sql.append(" AND account_name = ?");
            args.add(user);
        }
        if (patientId != null) {
            sql.append(" AND patient_id = ?");
            args.add(patientId);
        }
        if (from != null) {
            sql.append(" AND at >= ?");
            args.add(from);
        }
        if (to != null) {
            sql.append(" AND at < ?");
            args.add(to);
        }
        sql.append(" ORDER BY id DESC");
        try (Connection c = db.connection()) {
            return Sql.list(
                    c,
                    sql.toString(),
                    limit,
                    rs -> {
                        long journal = rs.getLong("journal_id");
                        boolean hasJournal = !rs.wasNull();
                        return new Entry(
                                rs.getLong("id"),
                                rs.getObject("at", OffsetDateTime.class).toInstant(),
                                rs.getString("account_name"),
                                rs.getString("action"),
                                rs.getString("method"),
                                rs.getString("resource"),
                                rs.getString("interface_id"),
                                rs.getString("patient_id"),
                                hasJournal ? journal : null,
                                rs.getInt("status"));
                    },
                    args);
        }
    }
}
