package com.webptbridge.inbound;

import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.Problem;
import com.webptbridge.hl7.Sentence;
import com.webptbridge.store.Database;
import com.webptbridge.store.RefusedWrite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A mapped message's effect on the billing store, applied by the commit step inside the message's
 * transaction, all or nothing. It may run more than once (a transaction lost a race and is
 * retried), so it returns its journal notes rather than keeping them. It knows the FT1 each charge
 * came from, so that a value the database refuses is answered where the message sent it.
 */
final class Change {

    /** The writes themselves. */
    @FunctionalInterface
    interface Work {
        List<String> apply(Connection c) throws SQLException;
    }

    private final Work work;
    private final List<Integer> chargeSegments;

    /** @param chargeSegments the FT1 set position (1-based) of each charge the work posts, in its order */
    Change(Work work, List<Integer> chargeSegments) {
        this.work = work;
        this.chargeSegments = List.copyOf(chargeSegments);
    }

    /** A change that posts no charge (Patient Info only). */
    Change(Work work) {
        this(work, List.of());
    }

    List<String> apply(Connection c) throws SQLException {
        return work.apply(c);
    }

    /**
     * The AE a database refusal of this change's content makes (a value or constraint the billing
     * tables do not take, SQLSTATE class 22 or 23): at the segment the refused part came from, since
     * sending the message again unchanged would fail the same way. Null when {@code e} is not one.
     */
    Problem refused(SQLException e) {
        if (!Database.isDataRefusal(e) || Database.isUniqueViolation(e)) {
            return null;
        }
        RefusedWrite w = refusal(e);
        String part = w == null ? "message" : w.part();
        int index = w == null ? -1 : w.index();
        ErrorLocation at =
                switch (part) {
                    case "patient" -> ErrorLocation.segment("PID", 1);
                    case "policy" -> ErrorLocation.segment("IN1", index + 1);
                    case "encounter" -> ErrorLocation.segment("PV1", 1);
                    case "charge" -> ErrorLocation.segment(
                            "FT1", index >= 0 && index < chargeSegments.size() ? chargeSegments.get(index) : 1);
                    default -> ErrorLocation.segment("MSH", 1);
                };
        String which =
                switch (part) {
                    case "policy" -> "insurance " + (index + 1) + " (" + at.display() + ")";
                    case "charge" -> index >= 0 ? "the charge in " + at.display() : "a charge (FT1)";
                    case "patient" -> "the patient's Patient Info (PID)";
                    case "encounter" -> "the visit (PV1)";
                    default -> "the message";
                };
        return Sentence.CONTENT_REFUSED.at(at, which, e.getSQLState());
    }

    private static RefusedWrite refusal(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) { // a cause chain may loop
            if (t instanceof RefusedWrite w) {
                return w;
            }
        }
        return null;
    }
}
