package com.webptbridge.billing;

import java.time.LocalDate;
import java.util.List;

/**
 * A DFT^P03 as resolved against billing reference data: Patient Info, policies by payer Sequence
 * Number, where the visit is billed, and its diagnoses and charges. The store accepts only this.
 */
public record Encounter(
        PatientInfo patient,
        List<Policy> policies,
        String visitNumber,
        LocalDate serviceDate,
        Placement placement,
        List<String> diagnoses,
        List<ChargeLine> charges) {

    public Encounter {
        policies = List.copyOf(policies);
        diagnoses = List.copyOf(diagnoses);
        charges = List.copyOf(charges);
    }
}
