package com.webptbridge.api;

import com.webptbridge.golive.GoLive;
import com.webptbridge.store.billing.PatientAccount;
import com.webptbridge.store.billing.PatientRecord;
import com.webptbridge.store.lifecycle.InterfaceState;
import com.webptbridge.store.lifecycle.InterfaceStates;
import io.vertx.core.http.HttpMethod;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One interface's way to live traffic: its lifecycle state and history, the admin's changes of it
 * (test, go-live, disable, reset-test), the readiness report, and its test sandbox's patients.
 */
final class LifecycleResource {

    static final ApiPath LIFECYCLE = ApiPath.of("api", "lifecycle");
    static final ApiPath SANDBOX_PATIENTS = ApiPath.of("api", "sandbox", "patients");

    /** The state as shown: since when, by whom, and every change (oldest first). */
    record LifecycleJson(
            String interfaceId, String state, Instant since, String changedBy, List<StateChangeJson> history) {}

    /** One audited change, states as words ({@code from} null for the first). */
    record StateChangeJson(
            long id,
            String interfaceId,
            Instant changedAt,
            String changedBy,
            String from,
            String to,
            boolean forced,
            String note) {
        static StateChangeJson of(InterfaceStates.StateChange c) {
            return new StateChangeJson(
                    c.id(),
                    c.interfaceId(),
                    c.changedAt(),
                    c.changedBy(),
                    c.from() == null ? null : c.from().word(),
                    c.to().word(),
                    c.forced(),
                    c.note());
        }
    }

    /** A sandbox patient: its Patient Info, policies and encounters as live ones show, marked test. */
    record SandboxPatientJson(boolean test, PatientJson patient) {}

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get(
                                LIFECYCLE,
                                Role.VIEWER,
                                "the interface's lifecycle state and its changes",
                                call -> show(call.practice().goLive()))
                        .ofInterface(),
                Endpoint.change(
                                HttpMethod.POST,
                                LIFECYCLE,
                                Role.ADMIN,
                                "change the lifecycle state: {\"state\": \"testing\"|\"live\"|\"disabled\"|\"setup\","
                                        + " \"force\": false}; into live 409 while the readiness report FAILs",
                                LifecycleResource::change)
                        .ofInterface(),
                Endpoint.change(
                                HttpMethod.POST,
                                LIFECYCLE.then("reset-test"),
                                Role.ADMIN,
                                "clear the test sandbox and start the test phase again",
                                call -> {
                                    GoLive goLive = call.practice().goLive();
                                    InterfaceStates.StateChange done = goLive.resetTest(call.accountAndOperator());
                                    return ApiResponse.ok(Map.of(
                                            "change",
                                            StateChangeJson.of(done),
                                            "lifecycle",
                                            show(goLive).body()));
                                })
                        .ofInterface(),
                Endpoint.get(
                                ApiPath.of("api", "readiness"),
                                Role.VIEWER,
                                "the go-live checklist: each item PASS, WARN or FAIL with its reason",
                                call -> ApiResponse.ok(call.practice().goLive().readiness()))
                        .ofInterface(),
                Endpoint.get(
                                SANDBOX_PATIENTS.param(PatientsResource.PATIENT_ID),
                                Role.ANALYST,
                                "a test sandbox patient, marked test",
                                LifecycleResource::sandboxPatient)
                        .audited(Endpoint.Audit.READ_PATIENT)
                        .ofInterface());
    }

    private static ApiResponse show(GoLive goLive) throws Exception {
        InterfaceStates.Current now = goLive.current();
        return ApiResponse.ok(new LifecycleJson(
                now.interfaceId(),
                now.state().word(),
                now.changedAt(),
                now.changedBy(),
                goLive.history().stream().map(StateChangeJson::of).toList()));
    }

    private static ApiResponse change(Call call) throws Exception {
        Body body = call.body();
        InterfaceState to;
        try {
            to = InterfaceState.of(body.text("state"), "state");
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        boolean force = body.flag("force", false);
        String note = body.text("note");
        GoLive goLive = call.practice().goLive();
        try {
            InterfaceStates.StateChange done = goLive.change(to, call.accountAndOperator(), force, note);
            return ApiResponse.ok(Map.of(
                    "change",
                    StateChangeJson.of(done),
                    "lifecycle",
                    show(goLive).body()));
        } catch (GoLive.Refused refused) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("error", refused.getMessage());
            answer.put("readiness", refused.report());
            return new ApiResponse(409, answer);
        }
    }

    private static ApiResponse sandboxPatient(Call call) throws Exception {
        String id = call.param(PatientsResource.PATIENT_ID);
        Optional<PatientRecord> patient =
                call.practice().goLive().sandboxPatients().find(id);
        if (patient.isEmpty()) {
            return ApiResponse.error(404, "No patient in the test sandbox has WebPT patient ID " + id);
        }
        long ref = patient.get().id();
        PatientAccount accounts = call.practice().accounts();
        return ApiResponse.ok(new SandboxPatientJson(
                true, PatientJson.of(patient.get(), accounts.policies(ref), accounts.encounters(ref))));
    }
}
