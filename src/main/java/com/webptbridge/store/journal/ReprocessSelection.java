package com.webptbridge.store.journal;

import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Which messages a bulk reprocess takes: by status, the latest attempt's error or waiting key, and day. */
final class ReprocessSelection {

    private final Database db;
    private final Scope scope;

    ReprocessSelection(Database db, Scope scope) {
        this.db = db;
        this.scope = scope;
    }

    List<Long> ids(ReprocessFilter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT DISTINCT j.id FROM message_journal j LEFT JOIN message_error e"
                + " ON e.journal_id = j.id AND e.attempt = j.attempts WHERE j." + scope.sql() + " AND j.status IN (");
        List<Object> args = new ArrayList<>(scope.args());
        String comma = "";
        for (MessageStatus s : f.statuses()) {
            sql.append(comma).append("?");
            comma = ", ";
            args.add(s.name());
        }
        sql.append(")");
        if (f.errorCode() != null) {
            sql.append(" AND e.hl7_code = ?");
            args.add(f.errorCode());
        }
        if (f.waitingKind() != null) {
            sql.append(" AND e.waiting_kind = ?");
            args.add(f.waitingKind());
        }
        if (f.waitingKey() != null) {
            sql.append(" AND e.waiting_key = ?");
            args.add(f.waitingKey());
        }
        if (f.from() != null) {
            sql.append(" AND j.received_at >= ?");
            args.add(f.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (f.to() != null) {
            sql.append(" AND j.received_at < ?");
            args.add(f.to().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        sql.append(" ORDER BY j.id");
        try (Connection c = db.connection()) {
            return Sql.list(c, sql.toString(), f.limit(), rs -> rs.getLong(1), args);
        }
    }
}
