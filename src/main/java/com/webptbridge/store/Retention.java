package com.webptbridge.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Retention of journaled messages across every interface. Raw text and ACK text (of the journal
 * row and of every attempt row) of messages that are done (PROCESSED, REJECTED, DUPLICATE) and older than the raw cutoff are removed; their
 * metadata (control ID, type, status, error codes, times) stays until the metadata cutoff, and a
 * message another one duplicates, or that the duplicate guard still needs, keeps its row.
 * Messages in ERROR are never touched: they wait for the analyst. Each statement is short and
 * locks only old rows, so pruning never blocks the listener.
 */
public final class Retention {

    private static final String DONE = "status IN ('PROCESSED', 'REJECTED', 'DUPLICATE')";

    /** An attempt of the journal row {@code j} that still holds its ACK text. */
    private static final String ATTEMPT_TEXT =
            " OR EXISTS (SELECT 1 FROM message_attempt a WHERE a.journal_id = j.id" + " AND a.ack_message IS NOT NULL)";

    private final Database db;

    public Retention(Database db) {
        this.db = db;
    }

    /** What a pruning run removed (or, dry, would remove). */
    public record Result(
            boolean dryRun, Instant rawBefore, Instant metadataBefore, int rawPruned, int metadataPruned) {}

    public Result prune(Instant rawBefore, Instant metadataBefore, boolean dryRun) throws SQLException {
        try (Connection c = db.connection()) {
            String rawWhere = " FROM message_journal j WHERE " + DONE + " AND received_at < ?"
                    + " AND (raw_message IS NOT NULL OR ack_message IS NOT NULL" + ATTEMPT_TEXT + ")";
            // Metadata goes only for messages nothing refers to: not applied (the duplicate guard's key),
            // not the original of a duplicate.
            String metaWhere = " FROM message_journal j WHERE " + DONE + " AND received_at < ?"
                    + " AND NOT EXISTS (SELECT 1 FROM applied_message a WHERE a.journal_id = j.id)"
                    + " AND NOT EXISTS (SELECT 1 FROM message_journal d WHERE d.duplicate_of = j.id)";
            int raw = count(c, "SELECT COUNT(*)" + rawWhere, rawBefore);
            int meta = count(c, "SELECT COUNT(*)" + metaWhere, metadataBefore);
            if (dryRun) {
                return new Result(true, rawBefore, metadataBefore, raw, meta);
            }
            raw = Sql.update(
                    c,
                    "UPDATE message_journal j SET raw_message = NULL, ack_message = NULL, pruned_at = ? WHERE " + DONE
                            + " AND received_at < ? AND (raw_message IS NOT NULL OR ack_message IS NOT NULL"
                            + ATTEMPT_TEXT + ")",
                    Instant.now(),
                    rawBefore);
            // The attempts keep their ACK code and error codes: the duplicate guard answers a resend from the code.
            Sql.update(
                    c,
                    "UPDATE message_attempt SET ack_message = NULL WHERE ack_message IS NOT NULL"
                            + " AND journal_id IN (SELECT j.id FROM message_journal j WHERE " + DONE
                            + " AND received_at < ?)",
                    rawBefore);
            String doomed = "SELECT j.id" + metaWhere;
            Sql.update(c, "DELETE FROM message_error WHERE journal_id IN (" + doomed + ")", metadataBefore);
            Sql.update(c, "DELETE FROM message_attempt WHERE journal_id IN (" + doomed + ")", metadataBefore);
            meta = Sql.update(c, "DELETE FROM message_journal WHERE id IN (" + doomed + ")", metadataBefore);
            return new Result(false, rawBefore, metadataBefore, raw, meta);
        }
    }

    private static int count(Connection c, String sql, Instant before) throws SQLException {
        return Sql.one(c, sql, rs -> rs.getInt(1), before).orElse(0);
    }
}
