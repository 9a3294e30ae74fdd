package com.webptbridge.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Application-level group commit: the writer of message outcomes. Every caller hands its work to a
 * queue; a writer thread takes all the work waiting, applies it in arrival order in one transaction
 * (each piece under a savepoint of its own), commits once, makes the commit durable once (embedded
 * H2: {@code CHECKPOINT SYNC}; PostgreSQL's commit is one WAL flush) and only then releases every
 * caller. A piece that fails is rolled back to its savepoint and its caller gets the exception; its
 * neighbours still commit. Concurrent messages so cost one commit and one disk sync between them.
 *
 * <p>Embedded H2 has one writer thread (its commits serialise anyway, and one writer makes the
 * largest batches). PostgreSQL has several, each on its own connection: a statement there is a
 * round trip, and one connection would queue every message's round trips behind each other. Two
 * batches may then touch one patient at once; the patient row lock and "newest arrival wins" (by
 * journal id) keep the result that of arrival order, and a deadlock between them is retried.
 */
final class BatchWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    /**
     * At most this many pieces of work per transaction: PostgreSQL keeps up to 64 subtransactions
     * (savepoints that wrote) per session in shared memory and slows every snapshot past that.
     */
    static final int MAX_BATCH = 48;

    /**
     * How long a piece of work waits on PostgreSQL for a row another session holds (lock_timeout):
     * one stuck lock elsewhere, say an open psql session,
     * must fail one message (AR 207, sent again later), not stall every batch behind it. H2 sessions
     * have a lock timeout of their own (LOCK_TIMEOUT).
     */
    static final String LOCK_TIMEOUT = "10s";

    private final DataSource dataSource;
    private final boolean checkpoint;
    private final boolean postgres;
    private final ArrayDeque<Job<?>> queue = new ArrayDeque<>();
    private final List<Thread> threads = new ArrayList<>();
    private boolean closed;
    private long batches;
    private long written;

    /**
     * @param checkpoint whether a commit must be followed by {@code CHECKPOINT SYNC} to be on disk (H2 file)
     * @param writers how many batches are applied at once, each on a connection of its own
     */
    BatchWriter(DataSource dataSource, boolean checkpoint, boolean postgres, int writers) {
        this.dataSource = dataSource;
        this.checkpoint = checkpoint;
        this.postgres = postgres;
        for (int i = 1; i <= writers; i++) {
            Thread t = new Thread(new Writer(), "bridge-batch-writer-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Runs {@code work} in the next batch; returns its result once the batch is committed and on disk. */
    <T> T write(Database.TransactionWork<T> work) throws SQLException {
        Job<T> job = new Job<>(work);
        synchronized (this) {
            if (closed) {
                throw new SQLException("The database is closing: nothing more is written");
            }
            queue.add(job);
            notifyAll();
        }
        return job.await();
    }

    /** How many batches can be applied at once. */
    int writers() {
        return threads.size();
    }

    /** Pieces of work waiting for the next batch (the batches being applied not counted). */
    synchronized int queued() {
        return queue.size();
    }

    /** Batches committed and pieces of work applied in them since start: written / batches is the mean batch. */
    synchronized long[] totals() {
        return new long[] {batches, written};
    }

    /** Takes the work waiting, up to {@link #MAX_BATCH}; empty once closed and nothing is left. */
    private synchronized List<Job<?>> next() {
        while (queue.isEmpty() && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
        List<Job<?>> batch = new ArrayList<>();
        while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
            batch.add(queue.poll());
        }
        return batch;
    }

    /** One writer thread: its own connection, one batch at a time. */
    private final class Writer implements Runnable {

        private Connection connection;

        @Override
        public void run() {
            for (List<Job<?>> batch = next(); !batch.isEmpty(); batch = next()) {
                apply(batch);
            }
            closeConnection();
        }

        private void apply(List<Job<?>> batch) {
            SQLException batchFailure = null;
            try {
                Connection c = connection();
                c.setAutoCommit(false);
                for (Job<?> job : batch) {
                    // A batch of one (one message at a time) needs no savepoint: its rollback is the batch's.
                    Savepoint savepoint = batch.size() > 1 ? c.setSavepoint() : null;
                    try {
                        job.run(c);
                    } catch (SQLException | RuntimeException | StackOverflowError e) {
                        job.failure = e;
                        // Its neighbours' work stays; if this rollback fails, the whole batch fails.
                        if (savepoint != null) {
                            c.rollback(savepoint);
                        } else {
                            c.rollback();
                        }
                    }
                }
                c.commit();
                c.setAutoCommit(true);
                if (checkpoint) {
                    try (Statement s = c.createStatement()) {
                        // CHECKPOINT alone only hands the store to the OS; SYNC also forces it to the device.
                        s.execute("CHECKPOINT SYNC");
                    } catch (SQLException e) {
                        // The commit stands: what the journal says is true, only not known to be on disk.
                        throw new NotDurableException(e);
                    }
                }
            } catch (SQLException | RuntimeException | Error e) {
                batchFailure = e instanceof SQLException s ? s : new SQLException("The batch could not be written", e);
                LOG.error(
                        "Batch of {} writes failed: {}",
                        batch.size(),
                        e.getClass().getSimpleName());
                discardConnection();
            }
            synchronized (BatchWriter.this) { // counted before anyone is released: a caller that returned sees it
                batches++;
                written += batch.size();
            }
            for (Job<?> job : batch) {
                if (batchFailure != null && job.failure == null) {
                    job.failure = batchFailure;
                }
                job.done();
            }
        }

        private Connection connection() throws SQLException {
            if (connection == null || connection.isClosed()) {
                connection = dataSource.getConnection();
                if (postgres) {
                    try (Statement s = connection.createStatement()) {
                        s.execute("SET lock_timeout = '" + LOCK_TIMEOUT + "'");
                    }
                }
            }
            return connection;
        }

        private void discardConnection() {
            if (connection != null) {
                try {
                    connection.rollback();
                } catch (SQLException | RuntimeException ignored) {
                    // the connection is closed next; its transaction goes with it
                }
                closeConnection();
            }
        }

        private void closeConnection() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.warn(
                            "Closing the batch writer's connection failed: {}",
                            e.getClass().getSimpleName());
                }
                connection = null;
            }
        }
    }

    /** Writes what is already queued, then stops: in-flight messages still get their answer. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        long deadline = System.nanoTime() + 15_000_000_000L;
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static final class Job<T> {
        private final Database.TransactionWork<T> work;
        private T result;
        private Throwable failure;
        private boolean done;

        Job(Database.TransactionWork<T> work) {
            this.work = work;
        }

        void run(Connection c) throws SQLException {
            result = work.run(c);
        }

        synchronized void done() {
            done = true;
            notifyAll();
        }

        synchronized T await() throws SQLException {
            while (!done) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("Interrupted while waiting for the write to reach the disk");
                }
            }
            if (failure instanceof SQLException s) {
                throw s;
            }
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
