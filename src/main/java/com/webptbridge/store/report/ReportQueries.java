package com.webptbridge.store.report;

import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;
import com.webptbridge.store.report.PeriodReport.MessageCount;
import com.webptbridge.store.report.PeriodReport.NakReason;
import com.webptbridge.store.report.PeriodReport.Outcome;
import com.webptbridge.store.report.PeriodReport.Total;
import com.webptbridge.store.report.PeriodReport.Waiting;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The SQL of a {@link PeriodReport}. Messages are those received in the period (the journal's
 * {@code received_at}); postings are the live charges posted in it ({@code charge.posted_at}, which
 * may be later than their message's receipt when it waited for a record). Every query is one
 * interface's and groups on indexed columns; none reads message text.
 */
public final class ReportQueries {

    /** How many NAK sentences the report lists, most frequent first. */
    static final int TOP_NAKS = 10;

    private final Database db;

    public ReportQueries(Database db) {
        this.db = db;
    }

    public PeriodReport report(String interfaceId, Instant from, Instant to) throws SQLException {
        OffsetDateTime start = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
        OffsetDateTime end = OffsetDateTime.ofInstant(to, ZoneOffset.UTC);
        try (Connection c = db.connection()) {
            List<MessageCount> messages = messages(c, interfaceId, start, end);
            return new PeriodReport(
                    interfaceId,
                    from,
                    to,
                    messages,
                    encounters(c, interfaceId, start, end),
                    total(c, interfaceId, start, end),
                    totals(
                            c,
                            "rendering_sequence",
                            "r.last_name || COALESCE(', ' || r.first_name, '') || ' (NPI ' || r.npi || ')'",
                            " LEFT JOIN provider r ON r.interface_id = ? AND r.sequence_number = t.k",
                            interfaceId,
                            start,
                            end),
                    totals(
                            c,
                            "facility_sequence",
                            "f.name",
                            " LEFT JOIN facility f ON f.interface_id = ? AND f.sequence_number = t.k",
                            interfaceId,
                            start,
                            end),
                    totals(
                            c,
                            "procedure_code",
                            "pc.description",
                            " LEFT JOIN procedure_code pc ON pc.interface_id = ? AND pc.code = t.k",
                            interfaceId,
                            start,
                            end),
                    totals(
                            c,
                            "payer_sequence",
                            "py.name",
                            " LEFT JOIN payer py ON py.interface_id = ? AND py.sequence_number = t.k",
                            interfaceId,
                            start,
                            end),
                    waiting(c, interfaceId, start, end),
                    messages.stream()
                            .filter(m -> m.outcome() == Outcome.DUPLICATE)
                            .mapToLong(MessageCount::messages)
                            .sum(),
                    naks(c, interfaceId, start, end),
                    findings(c, interfaceId, start, end));
        }
    }

    /** Per type and outcome; a sandbox message is {@code test} whatever its status. */
    private static List<MessageCount> messages(Connection c, String id, OffsetDateTime from, OffsetDateTime to)
            throws SQLException {
        return Sql.list(
                c,
                "SELECT message_type, trigger_event, sandbox, status, COUNT(*) FROM message_journal"
                        + " WHERE interface_id = ? AND received_at >= ? AND received_at < ?"
                        + " GROUP BY message_type, trigger_event, sandbox, status"
                        + " ORDER BY message_type, trigger_event, sandbox, status",
                rs -> new MessageCount(type(rs.getString(1), rs.getString(2)), outcome(rs), rs.getLong(5)),
                id,
                from,
                to);
    }

    private static String type(String type, String event) {
        if (type == null) {
            return "unknown";
        }
        return event == null ? type : type + "^" + event;
    }

    private static Outcome outcome(ResultSet rs) throws SQLException {
        if (rs.getBoolean(3)) {
            return Outcome.TEST;
        }
        return switch (rs.getString(4)) {
            case "PROCESSED" -> Outcome.PROCESSED;
            case "ERROR" -> Outcome.WAITING;
            case "REJECTED" -> Outcome.REJECTED;
            case "DUPLICATE" -> Outcome.DUPLICATE;
            default -> Outcome.RECEIVED;
        };
    }

    private static long encounters(Connection c, String id, OffsetDateTime from, OffsetDateTime to)
            throws SQLException {
        return Sql.one(
                        c,
                        "SELECT COUNT(DISTINCT encounter_id) FROM charge"
                                + " WHERE interface_id = ? AND sandbox = FALSE AND posted_at >= ? AND posted_at < ?",
                        rs -> rs.getLong(1),
                        id,
                        from,
                        to)
                .orElse(0L);
    }

    /** All the live charges posted in the period. */
    private static Total total(Connection c, String id, OffsetDateTime from, OffsetDateTime to) throws SQLException {
        return Sql.one(
                        c,
                        "SELECT COUNT(*), SUM(units), SUM(amount) FROM charge"
                                + " WHERE interface_id = ? AND sandbox = FALSE AND posted_at >= ? AND posted_at < ?",
                        rs -> new Total(
                                "all", null, rs.getLong(1), cents(rs.getBigDecimal(2)), cents(rs.getBigDecimal(3))),
                        id,
                        from,
                        to)
                .orElseThrow();
    }

    /**
     * The live charges posted in the period, summed per {@code key} (largest amount first), then
     * named: the sums are read from the charges' index alone and the names joined to the few sums,
     * not to every charge.
     */
    private static List<Total> totals(
            Connection c, String key, String label, String join, String id, OffsetDateTime from, OffsetDateTime to)
            throws SQLException {
        return Sql.list(
                c,
                "SELECT t.k, " + label + ", t.n, t.u, t.a FROM (SELECT " + key
                        + " AS k, COUNT(*) AS n, SUM(units) AS u, SUM(amount) AS a FROM charge"
                        + " WHERE interface_id = ? AND sandbox = FALSE AND posted_at >= ? AND posted_at < ?"
                        + " GROUP BY " + key + ") t" + join + " ORDER BY t.a DESC, t.k",
                rs -> new Total(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        cents(rs.getBigDecimal(4)),
                        cents(rs.getBigDecimal(5))),
                id,
                from,
                to,
                id);
    }

    private static BigDecimal cents(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /** Of the period's messages, those in ERROR, by what their last attempt waits for (oldest first). */
    private static List<Waiting> waiting(Connection c, String id, OffsetDateTime from, OffsetDateTime to)
            throws SQLException {
        return Sql.list(
                c,
                "SELECT e.waiting_kind, e.waiting_key, MIN(e.reason), COUNT(DISTINCT j.id), MIN(j.received_at)"
                        + " FROM message_journal j JOIN message_error e ON e.journal_id = j.id AND e.attempt = j.attempts"
                        + " WHERE j.interface_id = ? AND j.status = 'ERROR' AND j.received_at >= ? AND j.received_at < ?"
                        + " GROUP BY e.waiting_kind, e.waiting_key ORDER BY MIN(j.received_at)",
                rs -> new Waiting(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()),
                id,
                from,
                to);
    }

    /** The claim-readiness findings made in the period on live encounters, per rule (most first). */
    private static List<PeriodReport.Findings> findings(Connection c, String id, OffsetDateTime from, OffsetDateTime to)
            throws SQLException {
        return Sql.list(
                c,
                "SELECT rule_name, COUNT(*), SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END) FROM claim_finding"
                        + " WHERE interface_id = ? AND sandbox = FALSE AND created_at >= ? AND created_at < ?"
                        + " GROUP BY rule_name ORDER BY COUNT(*) DESC, rule_name",
                rs -> new PeriodReport.Findings(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                id,
                from,
                to);
    }

    /** The sentences of the period's AE/AR answers (each message's last attempt), most frequent first. */
    private static List<NakReason> naks(Connection c, String id, OffsetDateTime from, OffsetDateTime to)
            throws SQLException {
        return Sql.list(
                c,
                "SELECT j.ack_code, e.hl7_code, e.text, COUNT(DISTINCT j.id)"
                        + " FROM message_journal j JOIN message_error e ON e.journal_id = j.id AND e.attempt = j.attempts"
                        + " WHERE j.interface_id = ? AND j.sandbox = FALSE AND j.ack_code IN ('AE', 'AR')"
                        + " AND j.received_at >= ? AND j.received_at < ?"
                        + " GROUP BY j.ack_code, e.hl7_code, e.text ORDER BY COUNT(DISTINCT j.id) DESC, e.text",
                TOP_NAKS,
                rs -> new NakReason(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4)),
                List.of(id, from, to));
    }
}
