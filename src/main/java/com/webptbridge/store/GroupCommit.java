package com.webptbridge.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Group commit for embedded H2: transactions commit to memory, and one flusher thread writes and
 * syncs everything committed so far ({@code CHECKPOINT SYNC}) whenever someone is waiting. A caller that
 * must not answer before its commit is on disk calls {@link #awaitDurable()}; every caller waiting
 * at the same time shares one flush, so concurrent messages cost one disk sync instead of one each.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final DataSource dataSource;
    private final Thread flusher;
    private long requested; // tickets handed out
    private long flushed; // tickets whose commits are on disk
    private long failedUpTo; // tickets whose flush failed
    private boolean closed;

    GroupCommit(DataSource dataSource) {
        this.dataSource = dataSource;
        this.flusher = new Thread(this::run, "bridge-group-commit");
        this.flusher.setDaemon(true);
        this.flusher.start();
    }

    /** Returns once everything this thread committed before the call is on disk. */
    void awaitDurable() throws SQLException {
        long ticket;
        synchronized (this) {
            ticket = ++requested;
            notifyAll();
            while (flushed < ticket && failedUpTo < ticket && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("Interrupted while waiting for the commit to reach the disk");
                }
            }
            if (flushed < ticket) {
                throw new SQLException("The database could not write the commit to disk");
            }
        }
    }

    private void run() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            while (true) {
                long target;
                synchronized (this) {
                    while (requested <= Math.max(flushed, failedUpTo)) { // nobody waits for an unflushed commit
                        if (closed) {
                            return;
                        }
                        wait();
                    }
                    target = requested;
                }
                boolean ok = true;
                try {
                    // CHECKPOINT alone only hands the store to the OS; SYNC also forces it to the device.
                    s.execute("CHECKPOINT SYNC");
                } catch (SQLException e) {
                    ok = false;
                    LOG.error("Group commit flush failed: {}", e.getClass().getSimpleName());
                }
                synchronized (this) {
                    if (ok) {
                        flushed = target;
                    } else {
                        failedUpTo = target;
                    }
                    notifyAll();
                }
            }
        } catch (SQLException | InterruptedException e) {
            synchronized (this) {
                closed = true;
                notifyAll();
            }
            LOG.error("Group commit stopped: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            flusher.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
