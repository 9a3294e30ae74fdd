package com.webptbridge.store.report;

import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a reconciliation compares WebPT's list with: the live charges posted for dates of service in
 * a range, and the messages of some patients that posted nothing (waiting, rejected, in flight).
 * Patient IDs appear here, so only reconciliation (an analyst's read, in the access log) uses it.
 */
public final class PostedVisits {

    /** How many patient IDs one query names. */
    private static final int CHUNK = 500;

    /** How many messages rejected at the header a reconciliation reads the text of, at most. */
    private static final int HEADER_REJECTS = 10_000;

    /** A posted charge: whose, which day, which code, how many units, how much, and the message that posted it. */
    public record Posted(
            String patientId,
            LocalDate serviceDate,
            String procedureCode,
            BigDecimal units,
            BigDecimal amount,
            String transactionId,
            Long journalId) {}

    /**
     * A message of a patient that posted nothing: its status, when it came, its last NAK sentence and its
     * text (null once pruned), to tell which visit it carried.
     */
    public record Unposted(
            long journalId, String patientId, String status, Instant receivedAt, String nak, String rawMessage) {}

    private final Database db;

    public PostedVisits(Database db) {
        this.db = db;
    }

    /** The interface's live charges with a date of service in {@code [from, to]}. */
    public List<Posted> charges(String interfaceId, LocalDate from, LocalDate to) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.list(
                    c,
                    "SELECT p.patient_id, ch.service_date, ch.procedure_code, ch.units, ch.amount, ch.transaction_id,"
                            + " ch.journal_id FROM charge ch JOIN encounter e ON e.id = ch.encounter_id"
                            + " JOIN patient p ON p.id = e.patient_ref"
                            + " WHERE ch.interface_id = ? AND ch.sandbox = FALSE AND ch.service_date >= ?"
                            + " AND ch.service_date <= ? ORDER BY ch.service_date, p.patient_id, ch.id",
                    rs -> new Posted(
                            rs.getString(1),
                            rs.getDate(2).toLocalDate(),
                            rs.getString(3),
                            rs.getBigDecimal(4),
                            rs.getBigDecimal(5),
                            rs.getString(6),
                            rs.getObject(7) == null ? null : rs.getLong(7)),
                    interfaceId,
                    java.sql.Date.valueOf(from),
                    java.sql.Date.valueOf(to));
        }
    }

    /**
     * The live messages of these patients that are waiting, rejected or unanswered, oldest first, then
     * the messages rejected before their patient was read (at the header: no patient ID in the
     * journal) received since {@code since}: the caller reads their patient from their text.
     */
    public List<Unposted> unposted(String interfaceId, Collection<String> patientIds, Instant since)
            throws SQLException {
        List<String> ids = new ArrayList<>(patientIds);
        List<Unposted> out = new ArrayList<>();
        try (Connection c = db.connection()) {
            for (int i = 0; i < ids.size(); i += CHUNK) {
                List<String> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
                List<Object> args = new ArrayList<>();
                args.add(interfaceId);
                args.addAll(chunk);
                out.addAll(Sql.list(
                        c,
                        "SELECT j.id, j.patient_id, j.status, j.received_at, (SELECT MIN(e.text) FROM message_error e"
                                + " WHERE e.journal_id = j.id AND e.attempt = j.attempts AND e.position = ("
                                + "SELECT MIN(f.position) FROM message_error f WHERE f.journal_id = j.id"
                                + " AND f.attempt = j.attempts)), j.raw_message FROM message_journal j"
                                + " WHERE j.interface_id = ? AND j.sandbox = FALSE"
                                + " AND j.status IN ('ERROR', 'REJECTED', 'RECEIVED') AND j.patient_id IN ("
                                + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")"
                                + " ORDER BY j.id",
                        0,
                        rs -> new Unposted(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getObject(4, OffsetDateTime.class).toInstant(),
                                rs.getString(5),
                                rs.getString(6)),
                        args));
            }
            out.addAll(Sql.list(
                    c,
                    "SELECT j.id, j.patient_id, j.status, j.received_at, (SELECT MIN(e.text) FROM message_error e"
                            + " WHERE e.journal_id = j.id AND e.attempt = j.attempts), j.raw_message"
                            + " FROM message_journal j WHERE j.interface_id = ? AND j.sandbox = FALSE"
                            + " AND j.status = 'REJECTED' AND j.patient_id IS NULL AND j.received_at >= ? ORDER BY j.id",
                    HEADER_REJECTS,
                    rs -> new Unposted(
                            rs.getLong(1),
                            null,
                            rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(),
                            rs.getString(5),
                            rs.getString(6)),
                    List.of(interfaceId, since)));
        }
        return out;
    }
}
