package com.webptbridge.billing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one message says about a billing patient's Patient Info. Only fields the message speaks
 * about are in {@code changes}: a value sets the field, {@code null} clears it, a missing key leaves
 * it as stored. Dates are {@link java.time.LocalDate}, everything else text.
 */
public record PatientInfo(String patientId, Map<PatientField, Object> changes) {

    public PatientInfo {
        EnumMap<PatientField, Object> copy = new EnumMap<>(PatientField.class);
        copy.putAll(changes);
        changes = Collections.unmodifiableMap(copy);
    }
}
