package com.webptbridge.store.billing;

import com.webptbridge.billing.PatientField;

import java.util.Map;

/** A billing patient as stored: Patient Info fields that have a value. */
public record PatientRecord(long id, String patientId, Map<PatientField, Object> values) {

    public Object get(PatientField field) {
        return values.get(field);
    }
}
