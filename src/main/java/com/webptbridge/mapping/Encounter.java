package com.webptbridge.mapping;

import java.time.LocalDate;
import java.util.List;

/**
 * A DFT^P03 as the billing side sees it: Patient Info, the policies it states, and a billed visit
 * with its diagnoses and charges. References are still keys: resolving them is not the mapper's job.
 */
public record Encounter(PatientInfo patient, List<Policy> policies, String visitNumber, LocalDate serviceDate,
                        Keyed facility, ProviderKey renderingProvider, ProviderKey referringProvider,
                        List<String> diagnoses, List<ChargeLine> charges) {

    public Encounter {
        policies = List.copyOf(policies);
        diagnoses = List.copyOf(diagnoses);
        charges = List.copyOf(charges);
    }

    public Encounter withCharges(List<ChargeLine> resolved) {
        return new Encounter(patient, policies, visitNumber, serviceDate, facility, renderingProvider,
                referringProvider, diagnoses, resolved);
    }
}
