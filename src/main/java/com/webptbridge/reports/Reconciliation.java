package com.webptbridge.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * WebPT's list of billed visits against what the interface posted, for the dates of service the list
 * covers ({@code from} to {@code to}, both included), in four parts: billed and posted; billed and not
 * posted, each saying why; posted but not in the list; posted with other units or amount. A line is a
 * patient's procedure code on a day, summed over its lines on both sides.
 */
public record Reconciliation(
        String interfaceId,
        LocalDate from,
        LocalDate to,
        List<Line> posted,
        List<Line> notPosted,
        List<Line> notListed,
        List<Line> different) {

    /** Where a line stands; {@code label} is how the CSV and the console name it. */
    public enum Status {
        POSTED,
        WAITING,
        REJECTED,
        /** Received, not yet answered. */
        RECEIVED,
        NEVER_RECEIVED,
        NOT_LISTED,
        DIFFERENT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One line: the list's first row for it (null for a posting the list lacks), the visit, what WebPT
     * billed and what was posted (null where a side has none), the message that posted it or that
     * waits ({@code journalId}, what the console links to), and a sentence saying why.
     */
    public record Line(
            Status status,
            Integer row,
            String patientId,
            LocalDate serviceDate,
            String procedureCode,
            BigDecimal billedUnits,
            BigDecimal billedAmount,
            BigDecimal postedUnits,
            BigDecimal postedAmount,
            String visitId,
            Long journalId,
            String why) {}
}
