package com.webptbridge.store.report;

import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The rows the console's charts are drawn from, one interface's, in a window: when each message came
 * and how it ended, when each message that ever waited started and stopped waiting, and when each
 * live charge was posted for how much. Small columns only (no text), bucketed by the caller so the
 * buckets follow the engine's time zone on H2 and PostgreSQL alike.
 */
public final class Activity {

    /** A message received in the window: when, whether test traffic, its status and ACK code. */
    public record Received(Instant at, boolean test, String status, String ackCode) {}

    /** A message that waited: from its first AE until the attempt that applied it (null: still waiting). */
    public record Waited(Instant from, Instant until) {}

    /** A live charge posted in the window. */
    public record Posting(Instant at, BigDecimal amount) {}

    private final Database db;

    public Activity(Database db) {
        this.db = db;
    }

    public List<Received> received(String interfaceId, Instant from, Instant to) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.list(
                    c,
                    "SELECT received_at, sandbox, status, ack_code FROM message_journal"
                            + " WHERE interface_id = ? AND received_at >= ? AND received_at < ?",
                    rs -> new Received(
                            rs.getObject(1, OffsetDateTime.class).toInstant(),
                            rs.getBoolean(2),
                            rs.getString(3),
                            rs.getString(4)),
                    interfaceId,
                    from,
                    to);
        }
    }

    /** The live messages that waited at some time before {@code to} and had not been applied by {@code from}. */
    public List<Waited> waited(String interfaceId, Instant from, Instant to) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.list(
                    c,
                    "SELECT MIN(CASE WHEN a.status = 'ERROR' THEN a.completed_at END),"
                            + " MIN(CASE WHEN a.status = 'PROCESSED' THEN a.completed_at END)"
                            + " FROM message_attempt a JOIN message_journal j ON j.id = a.journal_id"
                            + " WHERE j.interface_id = ? AND j.sandbox = FALSE AND j.received_at < ?"
                            + " AND (j.status = 'ERROR' OR j.completed_at >= ?)"
                            + " GROUP BY a.journal_id HAVING MIN(CASE WHEN a.status = 'ERROR' THEN a.completed_at END)"
                            + " IS NOT NULL",
                    rs -> new Waited(
                            rs.getObject(1, OffsetDateTime.class).toInstant(),
                            rs.getObject(2, OffsetDateTime.class) == null
                                    ? null
                                    : rs.getObject(2, OffsetDateTime.class).toInstant()),
                    interfaceId,
                    to,
                    from);
        }
    }

    public List<Posting> postings(String interfaceId, Instant from, Instant to) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.list(
                    c,
                    "SELECT posted_at, amount FROM charge"
                            + " WHERE interface_id = ? AND sandbox = FALSE AND posted_at >= ? AND posted_at < ?",
                    rs -> new Posting(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getBigDecimal(2)),
                    interfaceId,
                    from,
                    to);
        }
    }
}
