package com.webptbridge.reports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.webptbridge.mapping.CsvColumns;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads WebPT's list of billed visits (CSV): headers matched tolerantly ({@link VisitColumn}), dates
 * as ISO, US (12/1/2026) or HL7 (20261201), amounts with or without a dollar sign. A file that cannot
 * be read is refused whole, naming the line and the column to fix: a half-read list would reconcile
 * wrong.
 */
public final class BilledVisits {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/uuuu"),
            DateTimeFormatter.BASIC_ISO_DATE);

    private BilledVisits() {}

    /** @throws IllegalArgumentException with the sentence that says what to fix */
    public static List<BilledVisit> read(byte[] csv) {
        List<String[]> rows = new ArrayList<>();
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a spreadsheet's byte-order mark
        }
        try (MappingIterator<String[]> it = new CsvMapper()
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(String[].class)
                .readValues(text)) {
            while (it.hasNextValue()) {
                rows.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The file is not a readable CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("The CSV is empty: the first line must name the columns.");
        }
        List<String> headers = Arrays.asList(rows.get(0));
        CsvColumns.Match<VisitColumn> match = VisitColumn.columns().match(headers, Map.of());
        for (VisitColumn column : VisitColumn.values()) {
            if (column.required() && match.column(column).isEmpty()) {
                throw new IllegalArgumentException("The CSV has no " + column.title() + " column; its columns are "
                        + headers + ". WebPT's list needs patient ID, date of service, procedure code and units.");
            }
        }
        List<BilledVisit> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            String[] row = rows.get(r);
            if (Arrays.stream(row).allMatch(String::isBlank)) {
                continue;
            }
            int line = r + 1;
            String patient = required(row, match, VisitColumn.PATIENT_ID, line);
            String code = required(row, match, VisitColumn.PROCEDURE_CODE, line).toUpperCase(java.util.Locale.ROOT);
            String amount = cell(row, match, VisitColumn.AMOUNT);
            out.add(new BilledVisit(
                    line,
                    patient,
                    date(required(row, match, VisitColumn.SERVICE_DATE, line), line),
                    code,
                    number(required(row, match, VisitColumn.UNITS, line), VisitColumn.UNITS, line),
                    amount.isEmpty()
                            ? null
                            : number(amount.replace("$", "").replace(",", ""), VisitColumn.AMOUNT, line),
                    cell(row, match, VisitColumn.VISIT_ID).isEmpty() ? null : cell(row, match, VisitColumn.VISIT_ID)));
        }
        return out;
    }

    private static String cell(String[] row, CsvColumns.Match<VisitColumn> match, VisitColumn column) {
        return match.column(column)
                .filter(i -> i < row.length)
                .map(i -> row[i].trim())
                .orElse("");
    }

    private static String required(String[] row, CsvColumns.Match<VisitColumn> match, VisitColumn column, int line) {
        String value = cell(row, match, column);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Line " + line + " has no " + column.title() + ".");
        }
        return value;
    }

    private static LocalDate date(String text, int line) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException next) {
                // the next format
            }
        }
        throw new IllegalArgumentException("Line " + line + ": the date of service '" + text
                + "' is not a date; write it as 2026-12-01 or 12/1/2026.");
    }

    private static BigDecimal number(String text, VisitColumn column, int line) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Line " + line + ": " + column.title() + " '" + text + "' is not a number of zero or more.");
        }
    }
}
