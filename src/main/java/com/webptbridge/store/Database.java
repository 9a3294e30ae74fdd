package com.webptbridge.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * The connection pool and schema. Opening it migrates the schema to the current version, so a new
 * machine needs nothing but the JDBC URL.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final BatchWriter writer;
    private final boolean postgres;
    private final Writability writability;

    private Database(HikariDataSource dataSource, boolean lazyWrites, boolean postgres) {
        this.dataSource = dataSource;
        this.writability = new Writability(dataSource, lazyWrites);
        // PostgreSQL: a few writers, each holding a pooled connection, leaving at least half the pool.
        int writers = postgres ? Math.max(1, Math.min(4, dataSource.getMaximumPoolSize() / 2)) : 1;
        this.writer = new BatchWriter(dataSource, lazyWrites, postgres, writers);
        this.postgres = postgres;
    }

    public static Database open(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        DatabaseUrl where = DatabaseUrl.of(url);
        config.setJdbcUrl(where.withEmbeddedDefaults());
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("bridge-db");
        config.setAutoCommit(true);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            // On PostgreSQL Flyway holds an advisory lock while it migrates, so instances started
            // together migrate one at a time; the others wait, then find nothing left to do.
            Flyway flyway = Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration", "classpath:com/webptbridge/store/migration")
                    .load();
            refuseNewerSchema(flyway);
            flyway.migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, where.lazyWrites(), where.postgres());
    }

    /**
     * A database another, newer version of the Bridge migrated further than this one knows is not
     * this version's to write (Flyway itself only ignores such "future" migrations).
     */
    private static void refuseNewerSchema(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        List<String> unknown = Arrays.stream(flyway.info().applied())
                .filter(i -> i.getState().name().startsWith("FUTURE"))
                .map(i -> String.valueOf(i.getVersion()))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("the database's schema is at version "
                    + (current == null ? unknown.get(unknown.size() - 1) : current.getVersion())
                    + ", applied by a newer WebPT Bridge (migrations " + unknown + " are unknown to this"
                    + " version): run the newer version against this database, or point bridge.db.url at"
                    + " another database.");
        }
    }

    /** False once the pool is closed: nothing can be written any more and the process must be restarted. */
    public boolean open() {
        return !dataSource.isClosed();
    }

    /**
     * Runs work in the batch writer's next batch (see {@link BatchWriter}) and returns once its
     * batch is committed and on disk: the way every message outcome is written, since its ACK may
     * only leave after that. A failure of this work rolls back this work only. The work shares its
     * connection with its batch neighbours: it must not commit, roll back or change auto-commit.
     */
    public <T> T writeDurably(TransactionWork<T> work) throws SQLException {
        writability.check();
        try {
            return writer.write(work);
        } catch (SQLException e) {
            writability.failed(e);
            throw e;
        }
    }

    /**
     * Whether the store can write now: false from a write that broke it (a full disk, an I/O error,
     * a lost connection) until a probe write succeeds; meanwhile every write is refused at once.
     */
    public Writability writability() {
        return writability;
    }

    /**
     * Runs work in a transaction of its own that need not be on disk when it returns: for writes
     * whose loss in a database crash costs nothing because nothing was answered on them yet (a
     * message's receipt: its ACK waits for its outcome's batch, and a durable commit makes every
     * earlier one durable too, the log being written in order). On PostgreSQL this spares a log
     * flush per message; H2's commits are already lazy until the writer's CHECKPOINT SYNC.
     */
    public <T> T writeLazily(TransactionWork<T> work) throws SQLException {
        writability.check();
        try {
            return lazily(work);
        } catch (SQLException e) {
            writability.failed(e);
            throw e;
        }
    }

    private <T> T lazily(TransactionWork<T> work) throws SQLException {
        if (!postgres) {
            try (Connection c = dataSource.getConnection()) {
                return work.run(c);
            }
        }
        return transaction(c -> {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("SET LOCAL synchronous_commit TO OFF");
            }
            return work.run(c);
        });
    }

    /** Writer threads: batches applied at once (one on embedded H2, a few on PostgreSQL). */
    public int writers() {
        return writer.writers();
    }

    /** Outcomes waiting for the writer's next batch. */
    public int queuedWrites() {
        return writer.queued();
    }

    /** {batches committed, writes in them} since start. */
    public long[] batchTotals() {
        return writer.totals();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(TransactionWork<T> work) throws SQLException {
        writability.check();
        try {
            return transaction(work);
        } catch (SQLException e) {
            writability.failed(e);
            throw e;
        }
    }

    private <T> T transaction(TransactionWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * The width of every text column of the billing tables, as "table.column" (lower case): the one
     * definition of how long a value the store can hold, which the mappers check values against so
     * that an over-long value is an AE naming the field instead of a failed write.
     */
    public java.util.Map<String, Integer> textColumnWidths() throws SQLException {
        java.util.Map<String, Integer> widths = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection();
                java.sql.ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), "%", "%")) {
            while (rs.next()) {
                int type = rs.getInt("DATA_TYPE");
                if (type == java.sql.Types.VARCHAR || type == java.sql.Types.CHAR) {
                    widths.put(
                            rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT) + "."
                                    + rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT),
                            rs.getInt("COLUMN_SIZE"));
                }
            }
        }
        return widths;
    }

    /** True when the database answers a trivial query. */
    public boolean healthy() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        writer.close();
        writability.close();
        dataSource.close();
    }

    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * True when a database failure is behind the exception (an SQLException anywhere in its cause
     * chain): the one test of "the store is unavailable, try again later" versus a bug.
     */
    public static boolean isStoreFailure(Throwable e) {
        return anySqlException(e, s -> true);
    }

    /**
     * True when the work was committed but the disk sync after it failed ({@link NotDurableException}):
     * the journal already records the true outcome, which must not be overwritten.
     */
    public static boolean isCommittedNotDurable(Throwable e) {
        return anySqlException(e, s -> s instanceof NotDurableException);
    }

    /**
     * True when the database refused a value or a constraint (SQLSTATE class 22 or 23): the data of
     * this one message, not the store, is at fault, so sending it again would fail the same way.
     */
    public static boolean isDataRefusal(Throwable e) {
        return hasSqlState(e, "22", "23");
    }

    /**
     * True when the database gave up this transaction to let another one go on (deadlock or
     * serialization failure, SQLSTATE class 40): the same work again can succeed.
     */
    public static boolean isTransientConflict(SQLException e) {
        return hasSqlState(e, "40");
    }

    /** True when an SQLException in the cause chain has a SQLSTATE starting with one of the prefixes. */
    private static boolean hasSqlState(Throwable e, String... prefixes) {
        return anySqlException(
                e,
                s -> s.getSQLState() != null
                        && java.util.Arrays.stream(prefixes).anyMatch(s.getSQLState()::startsWith));
    }

    /** The one walk of a cause chain (a chain may loop back on itself: each cause is seen once). */
    private static boolean anySqlException(Throwable e, java.util.function.Predicate<SQLException> test) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException s && test.test(s)) {
                return true;
            }
        }
        return false;
    }

    /** True for a unique-key violation, the signal that another transaction got there first. */
    public static boolean isUniqueViolation(SQLException e) {
        return hasSqlState(e, "23505");
    }
}
