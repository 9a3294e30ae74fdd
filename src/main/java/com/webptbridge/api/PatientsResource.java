package com.webptbridge.api;

import com.webptbridge.store.billing.PatientAccount;
import com.webptbridge.store.billing.PatientRecord;

import java.util.List;
import java.util.Optional;

/** {@code GET /api/patients/:patientId}: one interface's billing patient, for an analyst, in the access log. */
final class PatientsResource {

    /** The path parameter of a WebPT patient ID; the access log records it. */
    static final String PATIENT_ID = "patientId";

    List<Endpoint> endpoints() {
        return List.of(Endpoint.get(
                        ApiPath.of("api", "patients").param(PATIENT_ID),
                        Role.ANALYST,
                        "Patient Info, insurances and encounters with charges",
                        PatientsResource::patient)
                .audited(Endpoint.Audit.READ_PATIENT)
                .ofInterface());
    }

    private static ApiResponse patient(Call call) throws Exception {
        String id = call.param(PATIENT_ID);
        Optional<PatientRecord> patient = call.practice().patients().find(id);
        if (patient.isEmpty()) {
            return ApiResponse.error(404, "No billing patient has WebPT patient ID " + id);
        }
        long ref = patient.get().id();
        PatientAccount accounts = call.practice().accounts();
        return ApiResponse.ok(PatientJson.of(patient.get(), accounts.policies(ref), accounts.encounters(ref)));
    }
}
