package com.webptbridge.reports;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.webptbridge.store.report.PeriodReport;
import com.webptbridge.store.report.PeriodReport.Outcome;
import com.webptbridge.store.report.PeriodReport.Total;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link PeriodReport} as a file: plain text for the terminal, CSV (one line per number, its
 * section first, for a spreadsheet) and one self-contained HTML page (inline styles only, no scripts)
 * to mail or print. The sections and their order are the same in all three.
 */
public final class ReportDocument {

    private ReportDocument() {}

    /** The charge sections, in the order the documents show them. */
    private static Map<String, List<Total>> byKey(PeriodReport r) {
        Map<String, List<Total>> out = new LinkedHashMap<>();
        out.put("provider", r.byProvider());
        out.put("facility", r.byFacility());
        out.put("procedure code", r.byCode());
        out.put("payer", r.byPayer());
        return out;
    }

    /** Per message type, the count of each outcome (outcomes in their declared order). */
    private static Map<String, Map<Outcome, Long>> byType(PeriodReport r) {
        Map<String, Map<Outcome, Long>> out = new TreeMap<>();
        r.messages().forEach(m -> out.computeIfAbsent(m.type(), t -> new java.util.EnumMap<>(Outcome.class))
                .merge(m.outcome(), m.messages(), Long::sum));
        return out;
    }

    public static String text(PeriodReport r, String practice) {
        StringBuilder t = new StringBuilder();
        t.append("Report for ")
                .append(practice)
                .append(" (interface ")
                .append(r.interfaceId())
                .append(")\n");
        t.append("Period: ").append(r.from()).append(" to ").append(r.to()).append("\n\n");
        t.append("Messages received: ").append(r.messageCount()).append('\n');
        for (Map.Entry<String, Map<Outcome, Long>> type : byType(r).entrySet()) {
            List<String> parts = new ArrayList<>();
            type.getValue().forEach((o, n) -> parts.add(n + " " + o.label()));
            t.append(String.format("  %-10s %s%n", type.getKey(), String.join(", ", parts)));
        }
        t.append("Duplicates suppressed: ").append(r.duplicates()).append('\n');
        t.append("Encounters posted: ").append(r.encounters()).append('\n');
        t.append("Charges posted: ").append(charges(r.charges())).append("\n");
        for (Map.Entry<String, List<Total>> section : byKey(r).entrySet()) {
            t.append("\nCharges by ").append(section.getKey()).append(":\n");
            if (section.getValue().isEmpty()) {
                t.append("  none\n");
            }
            for (Total total : section.getValue()) {
                t.append(String.format("  %-40s %s%n", name(total), charges(total)));
            }
        }
        t.append("\nWaiting:\n");
        if (r.waiting().isEmpty()) {
            t.append("  nothing\n");
        }
        r.waiting()
                .forEach(w -> t.append(String.format(
                        "  %-40s %d message(s), oldest received %s%n", waitingFor(w), w.messages(), w.oldest())));
        t.append("\nClaim-readiness findings by rule:\n");
        if (r.findings().isEmpty()) {
            t.append("  none\n");
        }
        r.findings().forEach(f -> t.append(String.format("  %-40s %d (%d open)%n", f.rule(), f.findings(), f.open())));
        t.append("\nTop NAK reasons (as WebPT's staff saw them):\n");
        if (r.naks().isEmpty()) {
            t.append("  none\n");
        }
        r.naks()
                .forEach(n -> t.append(
                        String.format("  %4d x %s %d: %s%n", n.messages(), n.ackCode(), n.hl7Code(), n.text())));
        return t.toString();
    }

    private static String charges(Total t) {
        return t.charges() + " charge(s), " + t.units().stripTrailingZeros().toPlainString() + " unit(s), $"
                + t.amount().toPlainString();
    }

    private static String name(Total t) {
        if (t.key() == null) {
            return "(none)";
        }
        return t.label() == null ? t.key() : t.key() + " " + t.label();
    }

    private static String waitingFor(PeriodReport.Waiting w) {
        if (w.kind() == null) {
            return "a fix in WebPT (" + w.reason() + ")";
        }
        return w.kind() + (w.key() == null ? "" : " " + w.key());
    }

    /** One CSV line: what it counts (section, key, label), then the numbers that apply. */
    @JsonPropertyOrder({"section", "key", "label", "messages", "charges", "units", "amount", "since"})
    public record CsvLine(
            String section,
            String key,
            String label,
            Long messages,
            Long charges,
            BigDecimal units,
            BigDecimal amount,
            String since) {}

    public static List<CsvLine> lines(PeriodReport r) {
        List<CsvLine> out = new ArrayList<>();
        r.messages()
                .forEach(m -> out.add(
                        new CsvLine("messages", m.type(), m.outcome().label(), m.messages(), null, null, null, null)));
        out.add(new CsvLine("encounters", null, "posted", r.encounters(), null, null, null, null));
        Total all = r.charges();
        out.add(new CsvLine("charges", "all", null, null, all.charges(), all.units(), all.amount(), null));
        byKey(r).forEach((section, totals) -> totals.forEach(t ->
                out.add(new CsvLine(section, t.key(), t.label(), null, t.charges(), t.units(), t.amount(), null))));
        r.waiting()
                .forEach(w -> out.add(new CsvLine(
                        "waiting",
                        waitingFor(w),
                        w.reason(),
                        w.messages(),
                        null,
                        null,
                        null,
                        w.oldest().toString())));
        r.findings()
                .forEach(f -> out.add(
                        new CsvLine("finding", f.rule(), f.open() + " open", f.findings(), null, null, null, null)));
        r.naks()
                .forEach(n -> out.add(new CsvLine(
                        "nak", n.ackCode() + " " + n.hl7Code(), n.text(), n.messages(), null, null, null, null)));
        return out;
    }

    public static String csv(PeriodReport r) {
        return Documents.csv(CsvLine.class, lines(r));
    }

    /** The page's styles; the answer's Content-Security-Policy ({@link #policy}) allows exactly these. */
    static final String STYLE = "body{font-family:system-ui,Arial,sans-serif;margin:2em;color:#111;max-width:60em}"
            + "h1{font-size:1.4em;margin-bottom:.2em}p.meta{color:#555;margin-top:0}h2{font-size:1.1em}"
            + "table{border-collapse:collapse;width:100%;margin-bottom:1em}th,td{border:1px solid #999;"
            + "padding:.25em .5em;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}"
            + "@media print{body{margin:0;font-size:10pt}table{page-break-inside:avoid}}";

    public static String policy() {
        return Documents.policy(STYLE);
    }

    public static String html(PeriodReport r, String practice) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Report: ")
                .append(Documents.esc(practice))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body>\n<h1>Report: ")
                .append(Documents.esc(practice))
                .append("</h1>\n")
                .append("<p class=\"meta\">Interface ")
                .append(Documents.esc(r.interfaceId()))
                .append(", ")
                .append(r.from())
                .append(" to ")
                .append(r.to())
                .append("</p>\n");
        h.append("<h2>Messages received: ").append(r.messageCount()).append("</h2>\n<table><thead><tr><th>Type</th>");
        for (Outcome o : Outcome.values()) {
            h.append("<th>").append(o.label()).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        byType(r).forEach((type, counts) -> {
            h.append("<tr><td>").append(Documents.esc(type)).append("</td>");
            for (Outcome o : Outcome.values()) {
                h.append("<td class=\"n\">").append(counts.getOrDefault(o, 0L)).append("</td>");
            }
            h.append("</tr>");
        });
        h.append("</tbody></table>\n<p>Duplicates suppressed: ")
                .append(r.duplicates())
                .append(". Encounters posted: ")
                .append(r.encounters())
                .append(". Charges posted: ")
                .append(Documents.esc(charges(r.charges())))
                .append(".</p>\n");
        byKey(r).forEach((section, totals) -> {
            h.append("<h2>Charges by ")
                    .append(section)
                    .append("</h2>\n<table><thead><tr><th>")
                    .append(section)
                    .append("</th><th>Charges</th><th>Units</th><th>Amount</th></tr></thead><tbody>");
            totals.forEach(t -> h.append("<tr><td>")
                    .append(Documents.esc(name(t)))
                    .append("</td><td class=\"n\">")
                    .append(t.charges())
                    .append("</td><td class=\"n\">")
                    .append(t.units().toPlainString())
                    .append("</td><td class=\"n\">$")
                    .append(t.amount().toPlainString())
                    .append("</td></tr>"));
            h.append("</tbody></table>\n");
        });
        h.append("<h2>Waiting</h2>\n<table><thead><tr><th>Waits for</th><th>Messages</th><th>Oldest received</th>")
                .append("</tr></thead><tbody>");
        r.waiting().forEach(w -> h.append("<tr><td>")
                .append(Documents.esc(waitingFor(w)))
                .append("</td><td class=\"n\">")
                .append(w.messages())
                .append("</td><td>")
                .append(w.oldest())
                .append("</td></tr>"));
        h.append("</tbody></table>\n<h2>Claim-readiness findings</h2>\n<table><thead><tr><th>Rule</th>")
                .append("<th>Findings</th><th>Open</th></tr></thead><tbody>");
        r.findings().forEach(f -> h.append("<tr><td>")
                .append(Documents.esc(f.rule()))
                .append("</td><td class=\"n\">")
                .append(f.findings())
                .append("</td><td class=\"n\">")
                .append(f.open())
                .append("</td></tr>"));
        h.append("</tbody></table>\n<h2>Top NAK reasons</h2>\n<table><thead><tr><th>Messages</th><th>ACK</th>")
                .append("<th>Sentence</th></tr></thead><tbody>");
        r.naks().forEach(n -> h.append("<tr><td class=\"n\">")
                .append(n.messages())
                .append("</td><td>")
                .append(Documents.esc(n.ackCode() + " " + n.hl7Code()))
                .append("</td><td>")
                .append(Documents.esc(n.text()))
                .append("</td></tr>"));
        return h.append("</tbody></table>\n</body></html>\n").toString();
    }
}
