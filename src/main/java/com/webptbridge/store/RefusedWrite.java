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
    static SQLException of(SQLException e, String part, int index) {
        if (e instanceof RefusedWrite || !Database.isDataRefusal(e) || Database.isUniqueViolation(e)) {
            return e;
        }
        return new RefusedWrite(e, part, index);
    }

    /**
     * The refusal of one row of a batch: the first row the driver marks failed, or the first it did
     * not get to (a driver that stops at the first failure); {@code -1} when it does not say.
     */
    static SQLException ofBatch(SQLException e, String part, int[] rowIndexes) {
        int failed = -1;
        if (e instanceof BatchUpdateException b && b.getUpdateCounts() != null) {
            int[] counts = b.getUpdateCounts();
            for (int i = 0; i < counts.length && failed < 0; i++) {
                failed = counts[i] == Statement.EXECUTE_FAILED ? i : -1;
            }
            if (failed < 0 && counts.length < rowIndexes.length) {
                failed = counts.length;
            }
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
