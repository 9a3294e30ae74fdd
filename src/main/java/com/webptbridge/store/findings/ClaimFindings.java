package com.webptbridge.store.findings;

import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One interface's claim-readiness findings, live and test: written with the encounter they are
 * about (in the posting's own transaction), listed for review, and resolved or dismissed.
 */
public final class ClaimFindings {

    private static final String COLUMNS = "id, interface_id, sandbox, journal_id, encounter_id, visit_number,"
            + " charge_index, procedure_code, rule_name, location, sentence, service_date, provider_sequence,"
            + " facility_sequence, payer_sequence, payer_class, created_at, status, resolved_by, resolved_at, reason";

    private final Database db;
    private final String interfaceId;

    public ClaimFindings(Database db, String interfaceId) {
        this.db = db;
        this.interfaceId = interfaceId;
    }

    /**
     * Stores the findings of the encounter message {@code journalId} posted, inside the caller's
     * transaction. Nothing is stored when the message posted no charge (all were posted before):
     * the findings are those of the first posting.
     *
     * @return how many were stored
     */
    public int record(Connection c, boolean sandbox, long journalId, String visitNumber, List<ClaimFinding.New> found)
            throws SQLException {
        if (found.isEmpty()) {
            return 0;
        }
        Optional<Long> encounter = Sql.one(
                c,
                "SELECT encounter_id FROM charge WHERE interface_id = ? AND sandbox = ? AND journal_id = ?",
                rs -> rs.getLong(1),
                interfaceId,
                sandbox,
                journalId);
        if (encounter.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<List<?>> rows = new ArrayList<>();
        for (ClaimFinding.New f : found) {
            List<Object> row = new ArrayList<>();
            row.add(interfaceId);
            row.add(sandbox);
            row.add(journalId);
            row.add(encounter.get());
            row.add(visitNumber);
            row.add(f.charge());
            row.add(f.procedureCode());
            row.add(f.rule());
            row.add(f.location());
            row.add(f.text().length() > 1000 ? f.text().substring(0, 1000) : f.text());
            row.add(f.serviceDate());
            row.add(f.providerSequence());
            row.add(f.facilitySequence());
            row.add(f.payerSequence());
            row.add(f.payerClass());
            row.add(now);
            rows.add(row);
        }
        Sql.batch(
                c,
                "INSERT INTO claim_finding (interface_id, sandbox, journal_id, encounter_id, visit_number,"
                        + " charge_index, procedure_code, rule_name, location, sentence, service_date,"
                        + " provider_sequence, facility_sequence, payer_sequence, payer_class, created_at, status)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')",
                rows);
        return rows.size();
    }

    /**
     * What the Needs review list shows, newest first; every filter may be null.
     *
     * @param status open, resolved, dismissed, or null for all
     * @param test true: test traffic only; false: live only; null: both
     */
    public record Filter(
            String status,
            String rule,
            Long provider,
            Long facility,
            Long payer,
            LocalDate from,
            LocalDate to,
            Boolean test,
            Long journalId,
            int limit) {}

    public List<ClaimFinding> list(Filter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM claim_finding WHERE interface_id = ?");
        List<Object> args = new ArrayList<>(List.of(interfaceId));
        where(sql, args, "status = ?", f.status());
        where(sql, args, "rule_name = ?", f.rule());
        where(sql, args, "provider_sequence = ?", f.provider());
        where(sql, args, "facility_sequence = ?", f.facility());
        where(sql, args, "payer_sequence = ?", f.payer());
        where(sql, args, "service_date >= ?", f.from());
        where(sql, args, "service_date <= ?", f.to());
        where(sql, args, "sandbox = ?", f.test());
        where(sql, args, "journal_id = ?", f.journalId());
        sql.append(" ORDER BY id DESC");
        try (Connection c = db.connection()) {
            return Sql.list(c, sql.toString(), f.limit(), ClaimFindings::row, args);
        }
    }

    public Optional<ClaimFinding> find(long id) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.one(
                    c,
                    "SELECT " + COLUMNS + " FROM claim_finding WHERE interface_id = ? AND id = ?",
                    ClaimFindings::row,
                    interfaceId,
                    id);
        }
    }

    /**
     * Closes an open finding as {@code resolved} or {@code dismissed}, recording who and why.
     *
     * @return the finding as it is now, or empty when this interface has no such finding
     */
    public Optional<ClaimFinding> decide(long id, String status, String by, String reason) throws SQLException {
        if (!status.equals("resolved") && !status.equals("dismissed")) {
            throw new IllegalArgumentException("A finding is resolved or dismissed, not " + status);
        }
        db.writeDurably(c -> Sql.update(
                c,
                "UPDATE claim_finding SET status = ?, resolved_by = ?, resolved_at = ?, reason = ?"
                        + " WHERE interface_id = ? AND id = ? AND status = 'open'",
                status,
                by,
                OffsetDateTime.now(ZoneOffset.UTC),
                reason,
                interfaceId,
                id));
        return find(id);
    }

    private static void where(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            args.add(value);
        }
    }

    private static ClaimFinding row(ResultSet rs) throws SQLException {
        java.sql.Date date = rs.getDate("service_date");
        return new ClaimFinding(
                rs.getLong("id"),
                rs.getString("interface_id"),
                rs.getBoolean("sandbox"),
                rs.getLong("journal_id"),
                rs.getObject("encounter_id") == null ? null : rs.getLong("encounter_id"),
                rs.getString("visit_number"),
                rs.getInt("charge_index"),
                rs.getString("procedure_code"),
                rs.getString("rule_name"),
                rs.getString("location"),
                rs.getString("sentence"),
                date == null ? null : date.toLocalDate(),
                nullableLong(rs, "provider_sequence"),
                nullableLong(rs, "facility_sequence"),
                nullableLong(rs, "payer_sequence"),
                rs.getString("payer_class"),
                instant(rs, "created_at"),
                rs.getString("status"),
                rs.getString("resolved_by"),
                instant(rs, "resolved_at"),
                rs.getString("reason"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
