package com.webptbridge.store.lifecycle;

import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;
import com.webptbridge.store.Storable;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The interfaces' lifecycle states ({@code interface_state}) and their audit trail
 * ({@code interface_state_change}). A change and its audit row are one transaction; leaving
 * testing for live, and a reset of the test phase, clear the sandbox in that same transaction.
 */
public final class InterfaceStates {

    /** An interface's state now: since when and by whom. */
    public record Current(String interfaceId, InterfaceState state, Instant changedAt, String changedBy) {}

    /** One change of state as audited. {@code from} is null for an interface's first state. */
    public record StateChange(
            long id,
            String interfaceId,
            Instant changedAt,
            String changedBy,
            InterfaceState from,
            InterfaceState to,
            boolean forced,
            String note) {}

    private final Database db;

    public InterfaceStates(Database db) {
        this.db = db;
    }

    /**
     * What one message's processing needs to know, in one query: the interface's state (null when it
     * has none) and whether the journal already marks the message as test traffic (a reprocess).
     */
    public record ForMessage(InterfaceState state, boolean journaledAsTest) {}

    public ForMessage forMessage(String interfaceId, long journalId) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.one(
                            c,
                            "SELECT (SELECT state FROM interface_state WHERE interface_id = ?),"
                                    + " (SELECT sandbox FROM message_journal WHERE id = ?)",
                            rs -> new ForMessage(
                                    rs.getString(1) == null ? null : InterfaceState.of(rs.getString(1), "state"),
                                    rs.getBoolean(2)),
                            interfaceId,
                            journalId)
                    .orElse(new ForMessage(null, false));
        }
    }

    public Optional<Current> find(String interfaceId) throws SQLException {
        try (Connection c = db.connection()) {
            return find(c, interfaceId, false);
        }
    }

    /**
     * The interface's state, recording {@code initial} when it has none yet (its first start on this
     * version). Another instance recording it at the same moment wins; its state is returned.
     */
    public Current register(String interfaceId, InterfaceState initial, String by, String note) throws SQLException {
        Optional<Current> known = find(interfaceId);
        if (known.isPresent()) {
            return known.get();
        }
        try {
            db.inTransaction(c -> {
                OffsetDateTime now = now();
                Sql.update(
                        c,
                        "INSERT INTO interface_state (interface_id, state, changed_at, changed_by) VALUES (?, ?, ?, ?)",
                        interfaceId,
                        initial.word(),
                        now,
                        by);
                audit(c, interfaceId, now, by, null, initial, false, note);
                return null;
            });
        } catch (SQLException e) {
            if (!Database.isUniqueViolation(e)) {
                throw e;
            }
        }
        return find(interfaceId).orElseThrow();
    }

    /**
     * On the first start after the upgrade that brought the lifecycle: the interfaces this engine
     * starts from its files existed before, so they are live (those that held data already are,
     * from the migration). Does nothing on any later start, or on a fresh database.
     *
     * @return the interfaces made live
     */
    public List<String> adoptExisting(List<String> interfaceIds) throws SQLException {
        return db.inTransaction(c -> {
            if (Sql.update(c, "DELETE FROM interface_state_adoption") == 0) {
                return List.of();
            }
            List<String> adopted = new java.util.ArrayList<>();
            OffsetDateTime now = now();
            for (String id : interfaceIds) {
                if (find(c, id, true).isEmpty()) {
                    Sql.update(
                            c,
                            "INSERT INTO interface_state (interface_id, state, changed_at, changed_by) VALUES (?, ?,"
                                    + " ?, ?)",
                            id,
                            InterfaceState.LIVE.word(),
                            now,
                            "upgrade");
                    audit(
                            c,
                            id,
                            now,
                            "upgrade",
                            null,
                            InterfaceState.LIVE,
                            false,
                            "existed before the lifecycle: stays live");
                    adopted.add(id);
                }
            }
            return adopted;
        });
    }

    /**
     * Moves the interface to {@code to}, audited; from testing to live the sandbox is cleared with it.
     *
     * @param forced whether the readiness check's failures were overruled (recorded as such)
     * @return the change as audited
     */
    public StateChange change(String interfaceId, InterfaceState to, String by, boolean forced, String note)
            throws SQLException {
        return db.inTransaction(c -> {
            InterfaceState from = find(c, interfaceId, true).map(Current::state).orElse(null);
            String said = note;
            if (from == InterfaceState.TESTING && to == InterfaceState.LIVE) {
                said = join(note, Sandbox.clear(c, interfaceId).sentence());
            }
            OffsetDateTime now = now();
            if (from == null) {
                Sql.update(
                        c,
                        "INSERT INTO interface_state (interface_id, state, changed_at, changed_by) VALUES (?, ?, ?, ?)",
                        interfaceId,
                        to.word(),
                        now,
                        by);
            } else {
                Sql.update(
                        c,
                        "UPDATE interface_state SET state = ?, changed_at = ?, changed_by = ? WHERE interface_id = ?",
                        to.word(),
                        now,
                        by,
                        interfaceId);
            }
            return audit(c, interfaceId, now, by, from, to, forced, said);
        });
    }

    /** Clears the sandbox and starts the test phase again (the state becomes testing), audited. */
    public StateChange resetTest(String interfaceId, String by) throws SQLException {
        return db.inTransaction(c -> {
            InterfaceState from = find(c, interfaceId, true).map(Current::state).orElse(null);
            String note = "reset-test: " + Sandbox.clear(c, interfaceId).sentence();
            OffsetDateTime now = now();
            if (from == null) {
                Sql.update(
                        c,
                        "INSERT INTO interface_state (interface_id, state, changed_at, changed_by) VALUES (?, ?, ?, ?)",
                        interfaceId,
                        InterfaceState.TESTING.word(),
                        now,
                        by);
            } else {
                Sql.update(
                        c,
                        "UPDATE interface_state SET state = ?, changed_at = ?, changed_by = ? WHERE interface_id = ?",
                        InterfaceState.TESTING.word(),
                        now,
                        by,
                        interfaceId);
            }
            return audit(c, interfaceId, now, by, from, InterfaceState.TESTING, false, note);
        });
    }

    /** The interface's changes, oldest first. */
    public List<StateChange> history(String interfaceId) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.list(
                    c,
                    "SELECT * FROM interface_state_change WHERE interface_id = ? ORDER BY id",
                    InterfaceStates::change,
                    interfaceId);
        }
    }

    private static Optional<Current> find(Connection c, String interfaceId, boolean lock) throws SQLException {
        return Sql.one(
                c,
                "SELECT interface_id, state, changed_at, changed_by FROM interface_state WHERE interface_id = ?"
                        + (lock ? " FOR UPDATE" : ""),
                rs -> new Current(
                        rs.getString(1),
                        InterfaceState.of(rs.getString(2), "interface_state.state"),
                        instant(rs, 3),
                        rs.getString(4)),
                interfaceId);
    }

    private static StateChange audit(
            Connection c,
            String interfaceId,
            OffsetDateTime at,
            String by,
            InterfaceState from,
            InterfaceState to,
            boolean forced,
            String note)
            throws SQLException {
        long id = Sql.insert(
                c,
                "INSERT INTO interface_state_change (interface_id, changed_at, changed_by, from_state, to_state,"
                        + " forced, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                interfaceId,
                at,
                by,
                from == null ? null : from.word(),
                to.word(),
                forced,
                Storable.text(note, 2000));
        return new StateChange(id, interfaceId, at.toInstant(), by, from, to, forced, note);
    }

    private static StateChange change(ResultSet rs) throws SQLException {
        String from = rs.getString("from_state");
        return new StateChange(
                rs.getLong("id"),
                rs.getString("interface_id"),
                instant(rs, rs.findColumn("changed_at")),
                rs.getString("changed_by"),
                from == null ? null : InterfaceState.of(from, "from_state"),
                InterfaceState.of(rs.getString("to_state"), "to_state"),
                rs.getBoolean("forced"),
                rs.getString("note"));
    }

    private static String join(String note, String more) {
        return note == null || note.isBlank() ? more : note + "; " + more;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
