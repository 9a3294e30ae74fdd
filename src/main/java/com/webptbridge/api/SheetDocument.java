package com.webptbridge.api;

import com.webptbridge.reference.AlternateIdSheet;
import com.webptbridge.reports.Documents;

import java.util.ArrayList;
import java.util.List;

/**
 * The Alternate ID sheet as a file: CSV (one line per record, its section first) or one
 * self-contained, printable HTML page (its styles inline, a print stylesheet, no scripts), so it can
 * be saved, mailed or printed as it is.
 */
final class SheetDocument {

    private SheetDocument() {}

    /** One CSV line: the section, then the record. */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"section", "name", "alternateId", "npi"})
    record CsvLine(String section, String name, long alternateId, String npi) {}

    static String csv(AlternateIdSheet sheet) {
        List<CsvLine> lines = new ArrayList<>();
        for (AlternateIdSheet.Section s : sheet.sections()) {
            s.lines().forEach(l -> lines.add(new CsvLine(s.kind(), l.name(), l.sequenceNumber(), l.npi())));
        }
        return Documents.csv(CsvLine.class, lines);
    }

    /** The page's styles, on screen and on paper; the answer's Content-Security-Policy allows exactly these. */
    static final String STYLE = "body{font-family:system-ui,Arial,sans-serif;margin:2em;color:#111}"
            + "h1{font-size:1.4em;margin-bottom:.2em}p.meta{color:#555;margin-top:0}"
            + "section{margin-bottom:1.5em}section.phone{border:2px solid #333;padding:.5em 1em}"
            + "table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3em .6em;"
            + "text-align:left}td.id{font-weight:bold;font-size:1.15em;font-family:monospace}"
            + "p.empty{color:#555;font-style:italic}"
            + "@media print{body{margin:0;font-size:11pt}section{page-break-inside:avoid}"
            + "th{background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}"
            + "a{color:inherit;text-decoration:none}}";

    /** The Content-Security-Policy of the page: nothing but its own inline styles. */
    static String policy() {
        return Documents.policy(STYLE);
    }

    static String html(AlternateIdSheet sheet, String practice) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Alternate IDs for WebPT: ")
                .append(Documents.esc(practice))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body>\n<h1>Alternate IDs for WebPT: ")
                .append(Documents.esc(practice))
                .append("</h1>\n<p class=\"meta\">Interface ")
                .append(Documents.esc(sheet.interfaceId()))
                .append(", made ")
                .append(sheet.generatedAt().toString(), 0, 16)
                .append(" UTC")
                .append(
                        sheet.since() == null
                                ? ". Every active record."
                                : ". Only the records changed since " + sheet.since() + ".")
                .append("</p>\n");
        for (AlternateIdSheet.Section s : sheet.sections()) {
            h.append("<section")
                    .append(s.byPhone() ? " class=\"phone\"" : "")
                    .append("><h2>")
                    .append(Documents.esc(s.title()))
                    .append("</h2><p>")
                    .append(Documents.esc(s.instruction()))
                    .append("</p>");
            if (s.lines().isEmpty()) {
                h.append("<p class=\"empty\">None.</p>");
            } else {
                h.append("<table><thead><tr><th>Name</th><th>Alternate ID (Sequence Number)</th><th>NPI</th></tr>")
                        .append("</thead><tbody>");
                for (AlternateIdSheet.Line l : s.lines()) {
                    h.append("<tr><td>")
                            .append(Documents.esc(l.name()))
                            .append("</td><td class=\"id\">")
                            .append(l.sequenceNumber())
                            .append("</td><td>")
                            .append(l.npi() == null ? "" : Documents.esc(l.npi()))
                            .append("</td></tr>");
                }
                h.append("</tbody></table>");
            }
            h.append("</section>\n");
        }
        return h.append("</body></html>\n").toString();
    }
}
