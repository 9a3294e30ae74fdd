package com.webptbridge.api;

import com.webptbridge.files.PatientLoad;
import com.webptbridge.store.lifecycle.InterfaceState;
import io.vertx.core.http.HttpMethod;

import java.util.List;
import java.util.Map;

/**
 * {@code /api/interfaces/:interface/patient-loads}: the initial patient load. POST sends the file
 * itself as the body (WebPT's demographic export: HL7 messages or a CSV), or JSON {@code {"name",
 * "content"}} with the file's text (the console's way), and answers 202 with the
 * load's progress at once; GET of the load follows it to its end: state, done of total, created,
 * updated, unchanged, rejected, and each reject's line (where in the file, control ID, the ACK's
 * sentence).
 */
final class PatientLoadsResource {

    private static final ApiPath ALL = ApiPath.of("api", "patient-loads");
    private static final String LOAD = "load";

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get(
                                ALL,
                                Role.ANALYST,
                                "the interface's patient loads, newest first",
                                call -> ApiResponse.ok(
                                        Map.of("loads", call.practice().loads().list())))
                        .ofInterface(),
                Endpoint.change(
                                HttpMethod.POST,
                                ALL,
                                Role.ANALYST,
                                "start an initial patient load: the body is the HL7 or CSV file (202)",
                                PatientLoadsResource::start)
                        .consuming(
                                "application/octet-stream", "text/csv", "x-application/hl7-v2+er7", "application/json")
                        .taking("name")
                        .uploading()
                        .ofInterface(),
                Endpoint.get(
                                ALL.param(LOAD),
                                Role.ANALYST,
                                "a patient load's progress and, at its end, its summary and rejects",
                                call -> ApiResponse.ok(call.practice()
                                        .loads()
                                        .find(call.param(LOAD))
                                        .orElseThrow(() -> new ApiException(
                                                404,
                                                "No patient load " + call.param(LOAD)
                                                        + " on this interface; GET /api/interfaces/"
                                                        + call.practice().id() + "/patient-loads lists them."))
                                        .progress()))
                        .ofInterface());
    }

    private static ApiResponse start(Call call) throws java.sql.SQLException {
        refuseWhileNotTakingTraffic(
                call.practice().id(), call.practice().goLive().state());
        byte[] file = call.bytes();
        String name = call.query("name") == null ? "upload" : call.query("name");
        String type = call.header("Content-Type");
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            // The console's way: {"name": "patients.csv", "content": "<the file's text>"}
            Body body = call.body();
            String content = body.asSent("content");
            if (content == null || content.isEmpty()) {
                throw new ApiException(
                        400,
                        "content is required: the export file's text (or send the file itself"
                                + " as application/octet-stream).");
            }
            file = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (body.text("name") != null) {
                name = body.text("name");
            }
        }
        if (file.length == 0) {
            throw new ApiException(400, "Send the export file as the request body (HL7 messages or a CSV).");
        }
        try {
            PatientLoad load = call.practice().loads().start(name, file);
            return new ApiResponse(202, load.progress());
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    /**
     * In setup or disabled every message of the load would be answered AR one by one: refused up
     * front instead, saying what to do. In testing the load runs into the test sandbox (a rehearsal,
     * cleared at go-live), live it loads the patients for real.
     */
    static void refuseWhileNotTakingTraffic(String id, InterfaceState state) {
        if (!state.takesTraffic()) {
            throw new ApiException(
                    409,
                    "Interface " + id + " is " + state.word() + " and takes no messages, so no patient could be loaded."
                            + " Load the patients once it is live (bridge interface go-live " + id + "), or rehearse"
                            + " the load into the test sandbox in its test phase (bridge interface test " + id + ").");
        }
    }
}
