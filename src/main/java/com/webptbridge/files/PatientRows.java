package com.webptbridge.files;

import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escape;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.webptbridge.mapping.CsvColumns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A demographic CSV export made into ADT^A28 messages, one per row, laid out as WebPT's own ADTs
 * are, so each goes through the same Patient Info rules as MLLP traffic. Values are HL7-escaped; an
 * empty cell leaves the field out (the stored value stays). A row's control ID is a digest of its
 * values, so the same row in a second run, or in a later export, is a resend the journal knows.
 */
final class PatientRows {

    private static final EncodingCharacters ENCODING = new EncodingCharacters('|', "^~\\&");
    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter HL7_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/uuuu"),
            DateTimeFormatter.BASIC_ISO_DATE);

    /** Sending application of the messages made from rows: the journal shows where they came from. */
    static final String SENDER = "WEBPT-EXPORT";

    private PatientRows() {}

    /**
     * @param sendingFacility MSH-4 (the interface's match, so the message is its own)
     * @param receivingFacility MSH-6
     * @throws IllegalArgumentException when the header has no patient ID column, naming what it has
     */
    static List<LoadItem> read(byte[] csv, String sendingFacility, String receivingFacility) {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(strip(csv))) {
            while (it.hasNextValue()) {
                rows.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The file is not a readable CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("The CSV is empty: the first row must name the columns");
        }
        List<String> headers = Arrays.asList(rows.get(0));
        CsvColumns.Match<PatientColumn> match = PatientColumn.columns().match(headers, Map.of());
        if (match.column(PatientColumn.PATIENT_ID).isEmpty()) {
            throw new IllegalArgumentException("The CSV has no patient ID column (e.g. \"Patient ID\" or \"MRN\");"
                    + " its columns are " + headers);
        }
        String time = LocalDateTime.now().format(HL7_TIME);
        List<LoadItem> items = new ArrayList<>(rows.size());
        for (int r = 1; r < rows.size(); r++) {
            String[] row = rows.get(r);
            if (Arrays.stream(row).allMatch(String::isBlank)) {
                continue;
            }
            String id = cell(row, match, PatientColumn.PATIENT_ID);
            byte[] message = message(row, match, sendingFacility, receivingFacility, time);
            items.add(new LoadItem("row " + r, message, id));
        }
        return items;
    }

    private static byte[] message(
            String[] row,
            CsvColumns.Match<PatientColumn> m,
            String sendingFacility,
            String receivingFacility,
            String time) {
        String pid = "PID|1||" + e(cell(row, m, PatientColumn.PATIENT_ID)) + "^^^^MR||"
                + components(
                        row,
                        m,
                        PatientColumn.LAST_NAME,
                        PatientColumn.FIRST_NAME,
                        PatientColumn.MIDDLE_NAME,
                        PatientColumn.SUFFIX)
                + "||" + e(date(cell(row, m, PatientColumn.DATE_OF_BIRTH)))
                + "|" + e(cell(row, m, PatientColumn.SEX))
                + "|||"
                + components(
                        row,
                        m,
                        PatientColumn.ADDRESS_LINE1,
                        PatientColumn.ADDRESS_LINE2,
                        PatientColumn.CITY,
                        PatientColumn.STATE,
                        PatientColumn.ZIP,
                        PatientColumn.COUNTRY)
                + "||" + phones(row, m)
                + "|" + phone(cell(row, m, PatientColumn.WORK_PHONE), "WPN^PH")
                + "|" + e(cell(row, m, PatientColumn.LANGUAGE))
                + "|" + e(cell(row, m, PatientColumn.MARITAL_STATUS))
                + "|||" + e(cell(row, m, PatientColumn.SSN));
        String text = "MSH|^~\\&|" + SENDER + "|" + e(sendingFacility) + "|BRIDGE|" + e(receivingFacility) + "|"
                + time + "||ADT^A28^ADT_A05|" + controlId(row) + "|P|2.5.1||||||UNICODE UTF-8\r"
                + "EVN|A28|" + time + "\r"
                + pid.replaceAll("[|^~]+$", "") + "\r";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** PID-13: home phone, mobile (CP) and email (NET) as repetitions, as the profile reads them. */
    private static String phones(String[] row, CsvColumns.Match<PatientColumn> m) {
        List<String> reps = new ArrayList<>();
        String home = cell(row, m, PatientColumn.HOME_PHONE);
        String mobile = cell(row, m, PatientColumn.MOBILE_PHONE);
        String email = cell(row, m, PatientColumn.EMAIL);
        if (!home.isEmpty()) {
            reps.add(phone(home, "PRN^PH"));
        }
        if (!mobile.isEmpty()) {
            reps.add(phone(mobile, "PRN^CP"));
        }
        if (!email.isEmpty()) {
            reps.add("^NET^Internet^" + e(email));
        }
        return String.join("~", reps);
    }

    private static String phone(String number, String use) {
        return number.isEmpty() ? "" : e(number) + "^" + use;
    }

    private static String components(String[] row, CsvColumns.Match<PatientColumn> m, PatientColumn... columns) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                s.append('^');
            }
            s.append(e(cell(row, m, columns[i])));
        }
        return s.toString().replaceAll("\\^+$", "");
    }

    /** A date as HL7 writes it (YYYYMMDD) when the export wrote it another common way; else as given, for the rules to judge. */
    static String date(String value) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(value, f).format(HL7_DATE);
            } catch (DateTimeParseException notThisOne) {
                // try the next way of writing it
            }
        }
        return value;
    }

    private static String cell(String[] row, CsvColumns.Match<PatientColumn> m, PatientColumn column) {
        return m.column(column)
                .filter(i -> i < row.length)
                .map(i -> row[i].strip())
                .orElse("");
    }

    /** HL7-escaped; a line break inside a cell (a quoted CSV value may hold one) would end the segment: a space. */
    private static String e(String value) {
        return value == null || value.isEmpty() ? "" : Escape.escape(value.replaceAll("[\r\n]+", " "), ENCODING);
    }

    private static String controlId(String[] row) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String cell : row) {
                sha.update(cell.strip().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "PL" + HexFormat.of().formatHex(sha.digest(), 0, 9).toUpperCase(java.util.Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] strip(byte[] csv) {
        boolean bom = csv.length >= 3 && (csv[0] & 0xFF) == 0xEF && (csv[1] & 0xFF) == 0xBB && (csv[2] & 0xFF) == 0xBF;
        return bom ? Arrays.copyOfRange(csv, 3, csv.length) : csv;
    }
}
