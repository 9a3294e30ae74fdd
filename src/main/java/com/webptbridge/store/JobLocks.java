package com.webptbridge.store;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims on work that several engine instances on one database must not do at the same time
 * (table job_lock): a claim is a lease, held by this instance until it releases it or the lease
 * expires (an instance that died holding it loses it then, and another takes the work over). A
 * claim is one conditional UPDATE (or the INSERT of a job's first row, where the primary key lets
 * one instance win), so it is atomic on H2 and PostgreSQL alike. Leases are compared with the
 * instances' clocks: keep them in step (NTP) and leases much longer than any clock difference.
 */
public final class JobLocks {

    /** This process, as the owner of its claims: host, process id and a random part. */
    public static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    private final Database db;
    private final String owner;

    public JobLocks(Database db) {
        this(db, INSTANCE);
    }

    /** With an owner of its own (tests stand for two instances in one process). */
    public JobLocks(Database db, String owner) {
        this.db = db;
        this.owner = owner;
    }

    /** True when this instance now holds the job until {@code lease} from now (also when it already did). */
    public boolean claim(String job, Duration lease) throws SQLException {
        Instant now = Instant.now();
        try (Connection c = db.connection()) {
            int taken = Sql.update(
                    c,
                    "UPDATE job_lock SET owner = ?, expires_at = ? WHERE job_name = ?"
                            + " AND (owner IS NULL OR owner = ? OR expires_at < ?)",
                    owner,
                    now.plus(lease),
                    job,
                    owner,
                    now);
            if (taken == 1) {
                return true;
            }
            try {
                Sql.update(
                        c,
                        "INSERT INTO job_lock (job_name, owner, expires_at) VALUES (?, ?, ?)",
                        job,
                        owner,
                        now.plus(lease));
                return true;
            } catch (SQLException e) {
                if (Database.isUniqueViolation(e)) {
                    return false; // the row exists: another instance holds a live claim
                }
                throw e;
            }
        }
    }

    /** Gives the job up; {@code finished} records that it completed now. */
    public void release(String job, boolean finished) throws SQLException {
        try (Connection c = db.connection()) {
            if (finished) {
                Sql.update(
                        c,
                        "UPDATE job_lock SET owner = NULL, expires_at = NULL, finished_at = ? WHERE job_name = ?"
                                + " AND owner = ?",
                        Instant.now(),
                        job,
                        owner);
            } else {
                Sql.update(
                        c,
                        "UPDATE job_lock SET owner = NULL, expires_at = NULL WHERE job_name = ? AND owner = ?",
                        job,
                        owner);
            }
        }
    }

    /** Forgets a one-off job's row (a message's reprocessing), if this instance holds it. */
    public void drop(String job) throws SQLException {
        try (Connection c = db.connection()) {
            Sql.update(c, "DELETE FROM job_lock WHERE job_name = ? AND owner = ?", job, owner);
        }
    }

    /** When the job last completed, on any instance. */
    public Optional<Instant> lastFinished(String job) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.one(
                            c,
                            "SELECT finished_at FROM job_lock WHERE job_name = ?",
                            rs -> Optional.ofNullable(rs.getObject(1, java.time.OffsetDateTime.class)),
                            job)
                    .flatMap(o -> o.map(java.time.OffsetDateTime::toInstant));
        }
    }

    public String owner() {
        return owner;
    }
}
