package com.webptbridge.store.report;

import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The daily reports written, one row per interface and day (table daily_report): what the daily job
 * checks before it writes a day (so no instance on this database writes it twice), and what the
 * console shows: the days written and how the last webhook delivery went.
 */
public final class DailyRuns {

    /** One day's report: when and by which instance it was written, and its webhook delivery (null: none). */
    public record Run(
            String interfaceId,
            LocalDate date,
            Instant writtenAt,
            String writtenBy,
            String webhookStatus,
            String webhookError,
            Instant webhookAt,
            Integer webhookAttempts) {}

    /** A webhook delivery's outcome: {@code ok} or {@code failing}, with the last error. */
    public static final String OK = "ok";

    public static final String FAILING = "failing";

    private static final String COLUMNS = "interface_id, report_date, written_at, written_by, webhook_status,"
            + " webhook_error, webhook_at, webhook_attempts";

    private final Database db;

    public DailyRuns(Database db) {
        this.db = db;
    }

    public boolean written(String interfaceId, LocalDate date) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.one(
                            c,
                            "SELECT 1 FROM daily_report WHERE interface_id = ? AND report_date = ?",
                            rs -> true,
                            interfaceId,
                            date)
                    .isPresent();
        }
    }

    /** Records the day as written; false when a row was there already (the day stays as first written). */
    public boolean record(String interfaceId, LocalDate date, String owner) throws SQLException {
        try (Connection c = db.connection()) {
            Sql.update(
                    c,
                    "INSERT INTO daily_report (interface_id, report_date, written_at, written_by) VALUES (?, ?, ?, ?)",
                    interfaceId,
                    date,
                    Instant.now(),
                    owner);
            return true;
        } catch (SQLException e) {
            if (Database.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** The day's webhook delivery: {@link #OK} or {@link #FAILING} with the error (no patient data in it). */
    public void webhook(String interfaceId, LocalDate date, String status, String error, int attempts)
            throws SQLException {
        try (Connection c = db.connection()) {
            Sql.update(
                    c,
                    "UPDATE daily_report SET webhook_status = ?, webhook_error = ?, webhook_at = ?,"
                            + " webhook_attempts = ? WHERE interface_id = ? AND report_date = ?",
                    status,
                    error == null ? null : error.substring(0, Math.min(error.length(), 500)),
                    Instant.now(),
                    attempts,
                    interfaceId,
                    date);
        }
    }

    /** The interface's days, newest first. */
    public List<Run> runs(String interfaceId, int max) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.list(
                    c,
                    "SELECT " + COLUMNS + " FROM daily_report WHERE interface_id = ? ORDER BY report_date DESC",
                    max,
                    rs -> new Run(
                            rs.getString(1),
                            rs.getDate(2).toLocalDate(),
                            rs.getObject(3, OffsetDateTime.class).toInstant(),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            Optional.ofNullable(rs.getObject(7, OffsetDateTime.class))
                                    .map(OffsetDateTime::toInstant)
                                    .orElse(null),
                            rs.getObject(8) == null ? null : rs.getInt(8)),
                    List.of(interfaceId));
        }
    }

    /** Forgets the days before {@code oldest} (their files are removed with them). */
    public int forgetBefore(LocalDate oldest) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.update(c, "DELETE FROM daily_report WHERE report_date < ?", oldest);
        }
    }
}
