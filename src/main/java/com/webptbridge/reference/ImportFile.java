package com.webptbridge.reference;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.mapping.CsvColumns;
import com.webptbridge.reference.ReferenceException.Failure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A billing system's export of one reference kind, read with Jackson's CSV module: the header row
 * matched to our fields ({@link ImportColumns}, or as the analyst maps them), then each row as the
 * values of those fields. Blank lines and {@code #} comment lines are skipped, a cell may be quoted
 * to hold commas, and a UTF-8 byte order mark (Excel's) is dropped.
 *
 * @param columns each of our fields to the header it was read from
 * @param ignored the headers no field took (shown in the preview, so a missed column is seen)
 */
public record ImportFile(
        ReferenceKind kind, String name, Map<String, String> columns, List<String> ignored, List<Row> rows) {

    /** One data row: its number (1 is the first after the header) and its non-blank values by field. */
    public record Row(int row, Map<String, String> values) {}

    private static final ObjectReader CSV = new CsvMapper()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.ALLOW_COMMENTS)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .readerForListOf(String.class);

    /**
     * Reads an export.
     *
     * @param explicit our field names to the exact header an analyst named ({@code --columns})
     * @throws ReferenceException (invalid) when the file is no CSV, has no header row, or its header
     *     row cannot be placed
     */
    public static ImportFile read(ReferenceKind kind, String name, byte[] csv, Map<String, String> explicit)
            throws ReferenceException {
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> lines = new ArrayList<>();
        try (MappingIterator<List<String>> it = CSV.readValues(text)) {
            while (it.hasNextValue()) {
                lines.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw new ReferenceException(
                    Failure.INVALID,
                    "The file " + name + " is not a CSV the import can read: " + firstLine(e.getMessage()) + ".");
        }
        if (lines.isEmpty()) {
            throw new ReferenceException(Failure.INVALID, "The file " + name + " is empty: it needs a header row.");
        }
        List<String> headers = lines.get(0);
        CsvColumns.Match<String> match;
        try {
            match = ImportColumns.of(kind).match(headers, explicit);
        } catch (IllegalArgumentException e) {
            throw new ReferenceException(Failure.INVALID, e.getMessage() + ".");
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (String field : ImportColumns.fields(kind)) {
            match.column(field).ifPresent(i -> columns.put(field, headers.get(i)));
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < lines.size(); r++) {
            List<String> cells = lines.get(r);
            Map<String, String> values = new LinkedHashMap<>();
            for (String field : columns.keySet()) {
                int i = match.column(field).orElseThrow();
                String v = i < cells.size() ? cells.get(i) : null;
                if (v != null && !v.isBlank()) {
                    values.put(field, v.strip());
                }
            }
            if (!values.isEmpty()) {
                rows.add(new Row(r, values));
            }
        }
        return new ImportFile(kind, name, columns, match.ignored(), rows);
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
