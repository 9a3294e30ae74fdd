package com.webptbridge.store;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the store can write now, and its way back by itself after a write that broke it (a full
 * disk, an I/O error, a lost connection). Why it exists: embedded H2 closes its MVStore for good
 * when a write fails (a full disk: "Writing ... failed", then "The database has been closed", 90098,
 * for every later statement on every connection opened before), and HikariCP cannot tell, because
 * H2's {@code isValid()} on such a connection still answers true. The pool kept handing out dead
 * connections, and every message was answered AR 207 until a restart, long after space was freed.
 * A new connection opens the file again, at its last complete chunk: every commit whose ACK left
 * is in it, since each was synced first (the batch writer's CHECKPOINT SYNC).
 *
 * <p>So on such a failure: the store is marked not writable (bridge_store_writable 0, the database
 * part of /health/ready DOWN), the pool's connections are evicted (those in use close when they are
 * returned), and every write is refused at once ({@link StoreNotWritable}: AR 207) instead of
 * reopening the database for each message only to break it again. A probe, a tiny write made
 * durable on a connection of its own, runs with back-off (200 ms doubling to 2 s); the first that
 * succeeds makes the store writable again. Each probe writes on a thread of its own and counts as
 * failed after 15 s: one stuck in the driver must not end the probing. A probe that fails broke
 * the reopened H2 database too: the pool's connections are evicted again, so that reads (the
 * console, the duplicate guard) keep working on a database opened after it. A failure that is the
 * data's (a refused value, a unique key, a deadlock) says nothing about the store and changes
 * nothing here.
 */
public final class Writability implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Writability.class);
    private static final Duration FIRST_PROBE = Duration.ofMillis(200);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(2);
    /** A probe that has not returned by then counts as failed, and the next one runs on a new thread. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);
    /** The probe's row in job_lock: a "job" that is always finished, so no claim ever sees it. */
    static final String PROBE_JOB = "store-write-probe";

    private final HikariDataSource pool;
    private final boolean checkpoint;
    private final AtomicLong failures = new AtomicLong();
    private final ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bridge-store-probe");
        t.setDaemon(true);
        return t;
    });
    /** Where each probe writes: a probe stuck in the driver must not stop the next one from running. */
    private final java.util.concurrent.ExecutorService writes = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bridge-store-probe-write");
        t.setDaemon(true);
        return t;
    });

    private volatile Instant notWritableSince;
    private volatile String lastFailure = "";
    private long failedProbes; // on the probe thread only

    /** @param checkpoint whether a commit needs {@code CHECKPOINT SYNC} to be on disk (H2 file) */
    Writability(HikariDataSource pool, boolean checkpoint) {
        this.pool = pool;
        this.checkpoint = checkpoint;
    }

    public boolean writable() {
        return notWritableSince == null;
    }

    /** Writes that broke the store since start (each marks it not writable until a probe succeeds). */
    public long failures() {
        return failures.get();
    }

    /** Why the store is not writable, for /health/ready; empty while it is. No data, only the failure's kind. */
    public String reason() {
        Instant since = notWritableSince;
        return since == null
                ? ""
                : "not writable since " + since + " (" + lastFailure + "; disk full?); writes are answered AR 207"
                        + " and probed until one succeeds";
    }

    /** Refuses a write at once while the store is not writable. */
    void check() throws SQLException {
        if (notWritableSince != null) {
            throw new StoreNotWritable();
        }
    }

    /** A write failed: when the failure broke the store, stop writing, evict the pool and probe. */
    void failed(SQLException e) {
        if (e instanceof StoreNotWritable || !breaksStore(e)) {
            return;
        }
        failures.incrementAndGet();
        synchronized (this) {
            if (notWritableSince != null) {
                return; // a probe is already scheduled
            }
            notWritableSince = Instant.now();
            lastFailure = kind(e);
        }
        LOG.error(
                "The database cannot write ({}): writes are refused (AR 207) until a probe write succeeds",
                lastFailure);
        evict();
        schedule(FIRST_PROBE);
    }

    private void schedule(Duration wait) {
        try {
            probes.schedule(() -> probe(wait), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the database is closing: nothing more to probe
        }
    }

    private void probe(Duration waited) {
        boolean written = false;
        try {
            java.util.concurrent.Future<Void> write = writes.submit(() -> {
                write();
                return null;
            });
            try {
                write.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // Not interrupted: H2 closes a file channel its thread is interrupted on. It is left to finish.
                throw new SQLException("The probe write did not return in time", "HYT00", e); // SQLSTATE: timeout
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof SQLException s
                        ? s
                        : new SQLException("The probe write failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // closing
            }
            written = true;
        } catch (SQLException | RuntimeException e) {
            lastFailure = e instanceof SQLException s ? kind(s) : e.getClass().getSimpleName();
            if (failedProbes++ % 15 == 0) { // the first, then about every 30 s: the log may be on the full disk too
                LOG.warn("The database still cannot write: probe failed ({}); free disk space", lastFailure);
            }
            evict();
        } finally {
            if (!written) { // also after an Error: a probe chain that ended would leave the store refused for good
                schedule(waited.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : waited.multipliedBy(2));
            }
        }
        if (written) {
            failedProbes = 0;
            Instant since;
            synchronized (this) {
                since = notWritableSince;
                notWritableSince = null;
            }
            LOG.info(
                    "The database writes again after {} ms: writes are taken again",
                    since == null ? 0 : Duration.between(since, Instant.now()).toMillis());
        }
    }

    /** The probe: one row of job_lock updated (inserted the first time) and made durable, on a connection of its own. */
    private void write() throws SQLException {
        try (Connection c = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
            c.setAutoCommit(false);
            Instant now = Instant.now();
            if (Sql.update(c, "UPDATE job_lock SET finished_at = ? WHERE job_name = ?", now, PROBE_JOB) == 0) {
                Sql.update(c, "INSERT INTO job_lock (job_name, finished_at) VALUES (?, ?)", PROBE_JOB, now);
            }
            c.commit();
            if (checkpoint) {
                try (Statement s = c.createStatement()) {
                    s.execute("CHECKPOINT SYNC");
                }
            }
        }
    }

    /** Closes the pool's idle connections now and the others when they are returned: new ones open the store again. */
    private void evict() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean != null && !pool.isClosed()) {
            bean.softEvictConnections();
        }
    }

    /**
     * A failure of the store rather than of the data: the disk sync after a commit failed, H2's
     * store closed or failed to write or read its file, or (SQLSTATE) the connection is lost (08),
     * resources ran out (53: PostgreSQL's disk_full is 53100), a system or I/O error (58), or the
     * server is shutting down (57P).
     */
    static boolean breaksStore(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof NotDurableException) {
                return true;
            }
            // The store's own failures (read, write, closed, corrupt: codes below 100); not a
            // transaction's (100 and up: a row locked by another transaction, a deadlock), which H2
            // also reports as the cause of a lock timeout: that is the data's contention, answered
            // AR 207 for that message only, with the store still writable.
            if (t instanceof MVStoreException m && m.getErrorCode() < DataUtils.ERROR_TRANSACTION_CORRUPT) {
                return true;
            }
            if (t instanceof SQLException s) {
                int code = s.getErrorCode();
                String state = s.getSQLState() == null ? "" : s.getSQLState();
                if ((state.length() == 5 && code > 0 && state.equals(String.valueOf(code)) && h2Broken(code))
                        || state.startsWith("08")
                        || state.startsWith("53")
                        || state.startsWith("58")
                        || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** H2's codes for a store that is closed or cannot use its file (H2's SQLSTATE is its code). */
    private static boolean h2Broken(int code) {
        return code == ErrorCode.DATABASE_IS_CLOSED
                || code == ErrorCode.IO_EXCEPTION_1
                || code == ErrorCode.IO_EXCEPTION_2
                || code == ErrorCode.FILE_CORRUPTED_1
                || code == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN;
    }

    /** The failure's kind for the log and /health/ready: class and SQLSTATE, never its message (it may quote data). */
    private static String kind(SQLException e) {
        return e.getClass().getSimpleName() + (e.getSQLState() == null ? "" : " SQLSTATE " + e.getSQLState());
    }

    @Override
    public void close() {
        probes.shutdownNow();
        writes.shutdownNow();
    }

    /** The refusal of a write while the store is not writable: a store failure, answered AR 207. */
    static final class StoreNotWritable extends SQLException {
        StoreNotWritable() {
            super(
                    "The database cannot write right now; the write was refused (a probe write decides when it can again)",
                    "53000");
        }
    }
}
