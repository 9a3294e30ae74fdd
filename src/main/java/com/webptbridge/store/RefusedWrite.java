package com.webptbridge.store;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database refused a value or a constraint (SQLSTATE class 22 or 23, not a unique-key race)
 * while writing one part of a message's change: which part ({@code patient}, {@code policy},
 * {@code encounter}, {@code diagnosis}, {@code charge}) and which one of its kind (0-based, -1 when
 * unknown), so that the step that mapped it can answer the message at the segment it came from.
 * Keeps the refusal's SQLSTATE, so every test of the cause still sees it.
 */
public final class RefusedWrite extends SQLException {

    private final String part;
    private final int index;

    private RefusedWrite(SQLException cause, String part, int index) {
        super("The database refused the " + part + " being written", cause.getSQLState(), cause.getErrorCode(), cause);
        this.part = part;
        this.index = index;
    }

    /**
     * {@code e} as a refusal of {@code part} when it is one the content caused, else {@code e} itself
     * (a unique-key violation is the signal that another transaction got there first, not a refusal).
     */
    public static SQLException of(SQLException e, String part, int index) {
        if (e instanceof RefusedWrite || !Database.isDataRefusal(e) || Database.isUniqueViolation(e)) {
            return e;
        }
        return new RefusedWrite(e, part, index);
    }

    /**
     * The refusal of one row of a batch: the row the driver marks failed while others did not fail
     * (H2 runs every row and says which failed), the only row, or {@code -1} when the driver does
     * not say (PostgreSQL's aborts the whole batch and marks every row failed).
     */
    public static SQLException ofBatch(SQLException e, String part, int[] rowIndexes) {
        int failed = rowIndexes.length == 1 ? 0 : -1;
        if (failed < 0 && e instanceof BatchUpdateException b && b.getUpdateCounts() != null) {
            int[] counts = b.getUpdateCounts();
            int first = -1;
            boolean anotherSucceeded = false;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == Statement.EXECUTE_FAILED) {
                    first = first < 0 ? i : first;
                } else {
                    anotherSucceeded = true;
                }
            }
            failed = anotherSucceeded && first >= 0 && first < rowIndexes.length ? first : -1;
        }
        return of(e, part, failed < 0 ? -1 : rowIndexes[failed]);
    }

    public String part() {
        return part;
    }

    public int index() {
        return index;
    }
}
