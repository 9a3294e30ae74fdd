package com.webptbridge.api;

import com.webptbridge.billing.ChargeLine;
import com.webptbridge.store.billing.PatientAccount;

import java.time.LocalDate;
import java.util.List;

/** One encounter with its charges in {@code GET /api/patients/{id}} ({@code encounters}). */
record EncounterJson(
        long id,
        String visitNumber,
        LocalDate serviceDate,
        Facility facility,
        RenderingProvider renderingProvider,
        ReferringProvider referringProvider,
        String placeOfService,
        List<String> diagnoses,
        List<ChargeLine> charges) {

    record Facility(long sequenceNumber, String name) {}

    record RenderingProvider(long sequenceNumber, String npi) {}

    /** Null when the encounter names no referring provider. */
    record ReferringProvider(String npi, String name) {}

    static EncounterJson of(PatientAccount.EncounterView e) {
        return new EncounterJson(
                e.id(),
                e.visitNumber(),
                e.serviceDate(),
                new Facility(e.facilitySequence(), e.facilityName()),
                new RenderingProvider(e.renderingSequence(), e.renderingNpi()),
                e.referringNpi() == null ? null : new ReferringProvider(e.referringNpi(), e.referringName()),
                e.placeOfService(),
                e.diagnoses(),
                e.charges());
    }
}
