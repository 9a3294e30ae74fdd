package com.webptbridge.files;

/**
 * One message of a file, as the file numbers it: what a reject line names, so the analyst finds
 * it in the export.
 *
 * @param where "message 12" in an HL7 file, "row 12" in a CSV
 * @param patientKey the patient the message is about as the file says it (PID-3), or "" when unknown;
 *     messages with one key are applied in file order
 */
record LoadItem(String where, byte[] message, String patientKey) {}
