package com.webptbridge.store.reference;

import com.webptbridge.billing.Facility;
import com.webptbridge.billing.Payer;
import com.webptbridge.billing.ProcedureCode;
import com.webptbridge.billing.Provider;
import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.billing.ReferringProvider;
import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * One interface's reference data held in memory, shared by every {@link ReferenceLookup} of the same
 * {@link Database}. Loaded on first use; reloaded at once after a change made on this instance
 * ({@link #changed()}), and within {@code refreshMs} after a change made by another instance sharing
 * the database, which bumps {@code reference_version} in the same transaction as its change. The
 * version is read before the rows, so a reload can only be too new, never miss a change.
 */
final class ReferenceCache {

    private static final Map<Database, Map<String, ReferenceCache>> CACHES =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** The shared cache of one interface on one database. */
    static ReferenceCache of(Database db, String interfaceId) {
        synchronized (CACHES) {
            return CACHES.computeIfAbsent(db, d -> new HashMap<>())
                    .computeIfAbsent(interfaceId, id -> new ReferenceCache(db, id));
        }
    }

    /** The rows of one load; never changed after it is built. */
    record Snapshot(
            long version,
            Map<Long, Payer> payers,
            Map<Long, Facility> facilities,
            Map<Long, Provider> providers,
            Map<String, ReferringProvider> referring,
            Map<String, ProcedureCode> codes) {}

    private final Database db;
    private final String interfaceId;
    private volatile long refreshNanos = 2_000_000_000L;
    private volatile Snapshot snapshot;
    private volatile long checkedAt;
    private volatile boolean dirty = true;

    private ReferenceCache(Database db, String interfaceId) {
        this.db = db;
        this.interfaceId = interfaceId;
    }

    void refreshMs(long ms) {
        refreshNanos = Math.max(0, ms) * 1_000_000L;
    }

    /** A change on this instance has committed: the next lookup reloads. */
    void changed() {
        dirty = true;
    }

    /** The current data: reloaded when changed here, or when the database's version moved. */
    Snapshot current() throws SQLException {
        Snapshot s = snapshot;
        if (s != null && !dirty && System.nanoTime() - checkedAt < refreshNanos) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (s != null && !dirty && System.nanoTime() - checkedAt < refreshNanos) {
                return s;
            }
            try (Connection c = db.connection()) {
                dirty = false;
                long version = version(c);
                if (s == null || version != s.version()) {
                    s = load(c, version);
                    snapshot = s;
                }
                checkedAt = System.nanoTime();
            } catch (SQLException | RuntimeException e) {
                dirty = true;
                throw e;
            }
            return s;
        }
    }

    private long version(Connection c) throws SQLException {
        return Sql.one(
                        c,
                        "SELECT version FROM reference_version WHERE interface_id = ?",
                        rs -> rs.getLong(1),
                        interfaceId)
                .orElse(0L);
    }

    private Snapshot load(Connection c, long version) throws SQLException {
        return new Snapshot(
                version,
                all(c, ReferenceKind.PAYER, Payer.class, Payer::sequenceNumber),
                all(c, ReferenceKind.FACILITY, Facility.class, Facility::sequenceNumber),
                all(c, ReferenceKind.PROVIDER, Provider.class, Provider::sequenceNumber),
                all(c, ReferenceKind.REFERRING_PROVIDER, ReferringProvider.class, ReferringProvider::npi),
                all(c, ReferenceKind.PROCEDURE_CODE, ProcedureCode.class, ProcedureCode::code));
    }

    private <K, T extends Record> Map<K, T> all(Connection c, ReferenceKind kind, Class<T> type, Function<T, K> key)
            throws SQLException {
        Map<K, T> out = new HashMap<>();
        // Lowest Sequence Number first wins a shared key, as the single-row queries' first row did.
        for (T t : Sql.list(
                c,
                "SELECT * FROM " + kind.table() + " WHERE interface_id = ? ORDER BY sequence_number",
                RecordRows.reader(type),
                interfaceId)) {
            K k = key.apply(t);
            if (k != null) {
                out.putIfAbsent(k, t);
            }
        }
        return Map.copyOf(out);
    }

    /** Bumps the interface's version in the caller's transaction (the one that changes its data). */
    static void bump(Connection c, String interfaceId) throws SQLException {
        if (Sql.update(c, "UPDATE reference_version SET version = version + 1 WHERE interface_id = ?", interfaceId)
                == 0) {
            Sql.update(c, "INSERT INTO reference_version (interface_id, version) VALUES (?, 1)", interfaceId);
        }
    }
}
