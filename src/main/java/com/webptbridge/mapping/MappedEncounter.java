package com.webptbridge.mapping;

import com.webptbridge.billing.PatientInfo;

import java.time.LocalDate;
import java.util.List;

/**
 * A DFT^P03 as mapped, before reference resolution: references are still the keys the message
 * gave (Alternate IDs, NPIs, codes) with where they were, so that a miss can be reported there.
 */
public record MappedEncounter(
        PatientInfo patient,
        List<MappedPolicy> policies,
        String visitNumber,
        LocalDate serviceDate,
        Keyed facility,
        ProviderKey renderingProvider,
        ProviderKey referringProvider,
        List<String> diagnoses,
        List<MappedCharge> charges) {

    public MappedEncounter {
        policies = List.copyOf(policies);
        diagnoses = List.copyOf(diagnoses);
        charges = List.copyOf(charges);
    }
}
