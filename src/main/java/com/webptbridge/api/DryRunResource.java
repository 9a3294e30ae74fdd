package com.webptbridge.api;

import com.webptbridge.billing.PatientField;
import com.webptbridge.inbound.DryRun;
import com.webptbridge.mapping.MappingProfile;
import io.vertx.core.http.HttpMethod;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/dry-run} (and {@code /api/interfaces/:interface/dry-run}): what a message would do in an
 * interface, nothing stored. The body is the message itself ({@code x-application/hl7-v2+er7} or
 * {@code text/plain}), or JSON {@code {"message": "...", "profile": "<mapping profile YAML>"}} to try
 * an edited mapping profile. The patient the message names is in the access log (its stored values
 * are the answer's "before"), and the SSN is shown masked.
 */
final class DryRunResource {

    List<Endpoint> endpoints() {
        return List.of(Endpoint.change(
                        HttpMethod.POST,
                        ApiPath.of("api", "dry-run"),
                        Role.ANALYST,
                        "try a message: its ACK and the changes it would make, nothing stored",
                        DryRunResource::run)
                // it changes nothing, but the answer shows patient data
                .audited(Endpoint.Audit.READ_PATIENT)
                // the only one that takes the message itself: it changes nothing
                .consuming("application/json", "x-application/hl7-v2+er7", "text/plain")
                .ofInterface());
    }

    private static ApiResponse run(Call call) throws Exception {
        byte[] body = call.bytes();
        String type = call.header("Content-Type");
        MappingProfile profile = null;
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            Body fields = call.body();
            String message = fields.text("message");
            if (message == null) {
                throw new ApiException(400, "message is required: the HL7 message to try, as text.");
            }
            body = fields.asSent("message").getBytes(StandardCharsets.UTF_8);
            String text = fields.text("profile");
            if (text != null) {
                profile = profile(fields.asSent("profile"));
            }
        }
        if (body.length == 0) {
            throw new ApiException(400, "Send the HL7 message to try as the request body (MSH|^~\\&|...).");
        }
        DryRun.Result result = call.practice().dryRun().run(body, profile);
        if (result.patientId() != null) {
            call.patientRead(result.patientId()); // its stored values are the "before": a patient read
        }
        return ApiResponse.ok(shown(result));
    }

    /**
     * The answer without the SSN in clear: "Try a message" is for checking a mapping, and the
     * stored SSN of whatever patient a made-up message names is not needed for that.
     */
    static DryRun.Result shown(DryRun.Result r) {
        String ssn = PatientField.SSN.profileName();
        List<DryRun.FieldChange> changes = r.patientChanges().stream()
                .map(c -> c.field().equals(ssn)
                        ? new DryRun.FieldChange(c.field(), maskedSsn(c.before()), maskedSsn(c.after()))
                        : c)
                .toList();
        return new DryRun.Result(
                r.status(), r.ackCode(), r.ack(), r.errors(), r.patientId(), r.patientIsNew(), changes, r.notes());
    }

    /** {@code ***-**-6789}: the last four digits, enough to tell two SSNs apart in a change. */
    static String maskedSsn(Object ssn) {
        if (ssn == null) {
            return null;
        }
        String digits = String.valueOf(ssn).replaceAll("\\D", "");
        return "***-**-" + (digits.length() >= 4 ? digits.substring(digits.length() - 4) : "****");
    }

    /** A mapping profile sent as YAML text, read as the engine reads profile files. */
    static MappingProfile profile(String yaml) {
        Path file = null;
        try {
            file = Files.createTempFile("bridge-profile", ".yaml");
            Files.writeString(file, yaml);
            return MappingProfile.load(file);
        } catch (IOException e) {
            throw new ApiException(500, "The profile could not be read.");
        } catch (RuntimeException e) {
            throw new ApiException(400, "The mapping profile is not valid: " + e.getMessage());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file; the system cleans it
                }
            }
        }
    }
}
