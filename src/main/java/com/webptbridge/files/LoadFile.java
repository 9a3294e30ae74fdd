package com.webptbridge.files;

import com.webptbridge.hl7.Hl7Batch;

import java.util.ArrayList;
import java.util.List;

/**
 * A patient-load file read into its messages: an HL7 file (many ADTs, batch segments or not, any
 * line ends) as it is, a CSV of demographics a message per row.
 *
 * @param format "hl7" or "csv"
 */
record LoadFile(String name, String format, List<LoadItem> items) {

    /**
     * @param sendingFacility MSH-4 for the messages made from CSV rows (the interface's own), or null
     * @throws IllegalArgumentException when the file is neither, saying why
     */
    static LoadFile read(String name, byte[] file, String sendingFacility, String receivingFacility) {
        Hl7Batch batch = Hl7Batch.read(file);
        if (batch.isHl7()) {
            List<LoadItem> items = new ArrayList<>(batch.messages().size());
            for (int i = 0; i < batch.messages().size(); i++) {
                byte[] m = batch.messages().get(i);
                items.add(new LoadItem("message " + (i + 1), m, Pid3.first(m)));
            }
            return new LoadFile(name, "hl7", List.copyOf(items));
        }
        if (!looksLikeCsv(file)) {
            throw new IllegalArgumentException(
                    "The file is neither HL7 messages nor a CSV with a header row: " + batch.problem());
        }
        return new LoadFile(
                name,
                "csv",
                PatientRows.read(
                        file,
                        sendingFacility == null ? "WEBPT" : sendingFacility,
                        receivingFacility == null ? "" : receivingFacility));
    }

    private static boolean looksLikeCsv(byte[] file) {
        String start = new String(file, 0, Math.min(file.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
        int end = start.indexOf('\n');
        String header = end < 0 ? start : start.substring(0, end);
        return header.contains(",");
    }
}
