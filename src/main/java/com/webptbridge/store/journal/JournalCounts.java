package com.webptbridge.store.journal;

import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;
import com.webptbridge.store.journal.Journal.Count;
import com.webptbridge.store.journal.Journal.Waiting;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The dashboard's numbers: messages by type and status since a time, what waits in ERROR, the total. */
final class JournalCounts {

    private final Database db;
    private final Scope scope;

    JournalCounts(Database db, Scope scope) {
        this.db = db;
        this.scope = scope;
    }

    List<Count> counts(Instant since) throws SQLException {
        try (Connection c = db.connection()) {
            List<Object> args = scope.args();
            args.add(OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            return Sql.list(
                    c,
                    "SELECT message_type, trigger_event, sending_facility, status, COUNT(*) FROM message_journal"
                            + " WHERE " + scope.sql() + " AND received_at >= ?"
                            + " GROUP BY message_type, trigger_event, sending_facility, status",
                    10_000,
                    rs -> new Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)),
                    args);
        }
    }

    Waiting waiting() throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.one(
                            c,
                            "SELECT COUNT(*), MIN(received_at) FROM message_journal WHERE status = 'ERROR' AND "
                                    + scope.sql(),
                            rs -> {
                                OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                                return new Waiting(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                            },
                            scope.args().toArray())
                    .orElse(new Waiting(0, null));
        }
    }

    long count() throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.one(
                            c,
                            "SELECT COUNT(*) FROM message_journal WHERE " + scope.sql(),
                            rs -> rs.getLong(1),
                            scope.args().toArray())
                    .orElse(0L);
        }
    }
}
