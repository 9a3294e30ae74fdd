package com.webptbridge.reports;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.webptbridge.reports.Reconciliation.Line;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A {@link Reconciliation} as CSV (one line per line of it, its status first) and as text for the terminal. */
public final class ReconciliationDocument {

    private ReconciliationDocument() {}

    @JsonPropertyOrder({
        "status",
        "row",
        "patientId",
        "serviceDate",
        "procedureCode",
        "billedUnits",
        "billedAmount",
        "postedUnits",
        "postedAmount",
        "visitId",
        "journalId",
        "why"
    })
    record CsvLine(
            String status,
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
            String why) {
        static CsvLine of(Line l) {
            return new CsvLine(
                    l.status().label(),
                    l.row(),
                    l.patientId(),
                    l.serviceDate(),
                    l.procedureCode(),
                    l.billedUnits(),
                    l.billedAmount(),
                    l.postedUnits(),
                    l.postedAmount(),
                    l.visitId(),
                    l.journalId(),
                    l.why());
        }
    }

    /** Every line, the problems first: not posted, different, not listed, then posted. */
    static List<Line> all(Reconciliation r) {
        List<Line> out = new ArrayList<>(r.notPosted());
        out.addAll(r.different());
        out.addAll(r.notListed());
        out.addAll(r.posted());
        return out;
    }

    public static String csv(Reconciliation r) {
        return Documents.csv(CsvLine.class, all(r).stream().map(CsvLine::of).toList());
    }

    public static String text(Reconciliation r) {
        StringBuilder t = new StringBuilder("Reconciliation of interface " + r.interfaceId() + ", dates of service "
                + r.from() + " to " + r.to() + "\n");
        t.append(r.posted().size())
                .append(" posted, ")
                .append(r.notPosted().size())
                .append(" not posted, ")
                .append(r.different().size())
                .append(" posted differently, ")
                .append(r.notListed().size())
                .append(" posted but not in WebPT's list\n");
        section(t, "Billed in WebPT and not posted", r.notPosted());
        section(t, "Posted with other units or amount", r.different());
        section(t, "Posted but not in WebPT's list", r.notListed());
        return t.toString();
    }

    private static void section(StringBuilder t, String title, List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        t.append('\n').append(title).append(":\n");
        for (Line l : lines) {
            t.append("  ")
                    .append(l.row() == null ? "" : "line " + l.row() + ": ")
                    .append(l.patientId())
                    .append(' ')
                    .append(l.serviceDate())
                    .append(' ')
                    .append(l.procedureCode())
                    .append(l.journalId() == null ? "" : " (message " + l.journalId() + ")")
                    .append(": ")
                    .append(l.why())
                    .append('\n');
        }
    }
}
