package com.webptbridge.api;

import com.webptbridge.billing.ChargeLine;
import com.webptbridge.billing.Coverage;
import com.webptbridge.billing.PatientField;
import com.webptbridge.maintenance.Maintenance;
import com.webptbridge.maintenance.Reprocessor;
import com.webptbridge.store.billing.PatientAccount;
import com.webptbridge.store.billing.PatientRecord;
import com.webptbridge.store.journal.JournalEntry;
import com.webptbridge.store.journal.MessageError;
import com.webptbridge.store.journal.MessageStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records as the store answers them, with some fields empty, for the JSON shape tests. */
final class Fixtures {

    private Fixtures() {}

    static PatientRecord patient() {
        Map<PatientField, Object> values = new EnumMap<>(PatientField.class);
        values.put(PatientField.LAST_NAME, "Rawson");
        values.put(PatientField.FIRST_NAME, "Ada");
        values.put(PatientField.DATE_OF_BIRTH, LocalDate.of(1961, 3, 7));
        values.put(PatientField.SEX, "F");
        values.put(PatientField.ADDRESS_LINE1, "1 Main St");
        values.put(PatientField.CITY, "Springfield");
        values.put(PatientField.STATE, "IL");
        values.put(PatientField.ZIP, "62701");
        values.put(PatientField.HOME_PHONE, "2175550100");
        values.put(PatientField.LANGUAGE, "en");
        return new PatientRecord(7, "P100", values);
    }

    static PatientAccount.PolicyView policy() {
        return new PatientAccount.PolicyView(
                1,
                1042,
                "Cigna",
                new Coverage(
                        "M123",
                        "G9",
                        null,
                        LocalDate.of(2026, 1, 1),
                        null,
                        "Rawson",
                        "Bob",
                        "01",
                        LocalDate.of(1960, 2, 2),
                        "M",
                        "1 Main St",
                        null,
                        "Springfield",
                        "IL",
                        "62701"));
    }

    static PatientAccount.EncounterView encounter(boolean referred) {
        ChargeLine charge = new ChargeLine(
                "T1",
                LocalDate.of(2026, 11, 20),
                "97112",
                List.of("GP"),
                new BigDecimal("2"),
                new BigDecimal("120.00"),
                null,
                List.of(1, 2));
        return new PatientAccount.EncounterView(
                3,
                "V55",
                LocalDate.of(2026, 11, 20),
                12,
                "North Clinic",
                5,
                "1234567893",
                referred ? "1548215544" : null,
                referred ? "Ng, Owen" : null,
                "11",
                List.of("M54.5", "M25.561"),
                List.of(charge));
    }

    static JournalEntry message(boolean withRaw, boolean completed) {
        return new JournalEntry(
                41,
                Instant.parse("2026-11-20T14:03:05.123Z"),
                "127.0.0.1:50312",
                "WEBPT",
                "CLINIC",
                "CTRL-1",
                "DFT",
                "P03",
                "2.5.1",
                "UTF-8",
                512,
                MessageStatus.ERROR,
                "P100",
                "AE",
                "MSH|^~\\&|ACK",
                List.of("kept newer policy"),
                null,
                2,
                completed ? Instant.parse("2026-11-20T14:03:06Z") : null,
                List.of(new MessageError(204, "UNKNOWN_PAYER", "IN1-3", "Payer 2001 is not known", "payer", "2001")),
                withRaw ? "MSH|^~\\&|WEBPT|CLINIC" : null,
                false);
    }

    static Maintenance.Change change(boolean withInstructions) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("sequenceNumber", 1051);
        record.put("name", "Humana");
        record.put("payerId", "61101");
        record.put("url", null);
        record.put("active", true);
        return new Maintenance.Change(
                record,
                withInstructions ? "Enter 1051 as this payer's Alternate ID in WebPT." : null,
                List.of(new Reprocessor.Outcome(41, "CTRL41", "PROCESSED", "AA", null, List.of())));
    }
}
