package com.webptbridge.store.journal;

import com.webptbridge.store.Sql;
import com.webptbridge.store.Storable;
import com.webptbridge.store.journal.Journal.AppliedKey;
import com.webptbridge.store.journal.Journal.Prior;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The duplicate key: which journal entry's effects were committed under a sender, control ID and
 * content digest ({@code applied_message}), and the claim that makes a second apply of the same
 * message fail on the unique key.
 */
final class AppliedKeys {

    private final String interfaceId;
    private final JournalQueries queries;

    AppliedKeys(String interfaceId, JournalQueries queries) {
        this.interfaceId = interfaceId;
        this.queries = queries;
    }

    Optional<JournalEntry> findApplied(Connection c, AppliedKey key) throws SQLException {
        Optional<Long> id = Sql.one(
                c,
                "SELECT journal_id FROM applied_message WHERE interface_id = ? AND sending_application = ?"
                        + " AND sending_facility = ? AND control_id = ? AND content_digest = ?",
                rs -> rs.getLong(1),
                interfaceId,
                application(key),
                facility(key),
                controlId(key),
                key.digest());
        return id.isEmpty() ? Optional.empty() : queries.find(c, id.get(), false);
    }

    Prior prior(Connection c, AppliedKey key) throws SQLException {
        List<Object[]> rows = Sql.list(
                c,
                "SELECT journal_id, content_digest FROM applied_message WHERE interface_id = ?"
                        + " AND sending_application = ? AND sending_facility = ? AND control_id = ? ORDER BY journal_id",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)},
                interfaceId,
                application(key),
                facility(key),
                controlId(key));
        Long same = null;
        List<Long> other = new ArrayList<>();
        for (Object[] row : rows) {
            if (Objects.equals(row[1], key.digest())) {
                same = (Long) row[0];
            } else {
                other.add((Long) row[0]);
            }
        }
        return new Prior(same == null ? Optional.empty() : queries.find(c, same, false), other);
    }

    List<Long> appliedWithOtherContent(Connection c, AppliedKey key) throws SQLException {
        return Sql.list(
                c,
                "SELECT journal_id FROM applied_message WHERE interface_id = ? AND sending_application = ?"
                        + " AND sending_facility = ? AND control_id = ? AND content_digest <> ? ORDER BY journal_id",
                rs -> rs.getLong(1),
                interfaceId,
                application(key),
                facility(key),
                controlId(key),
                key.digest());
    }

    /**
     * The key is claimed in live data or in the sandbox; a resend is recognised in either (a look-up
     * does not ask which), and clearing the sandbox frees its keys, so a tested message can be sent live.
     */
    void claim(Connection c, AppliedKey key, long journalId, boolean sandbox) throws SQLException {
        Sql.update(
                c,
                "INSERT INTO applied_message (interface_id, sandbox, sending_application, sending_facility,"
                        + " control_id, content_digest, journal_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                interfaceId,
                sandbox,
                application(key),
                facility(key),
                controlId(key),
                key.digest(),
                journalId);
    }

    /** The key's columns as stored: an absent sender is stored as empty, so the unique key covers it. */
    private static String application(AppliedKey key) {
        return Storable.text(nullToEmpty(key.application()), 250);
    }

    private static String facility(AppliedKey key) {
        return Storable.text(nullToEmpty(key.facility()), 250);
    }

    private static String controlId(AppliedKey key) {
        return Storable.text(key.controlId(), 200);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
