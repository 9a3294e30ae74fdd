package com.webptbridge.api;

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
 * an edited mapping profile.
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
        return ApiResponse.ok(call.practice().dryRun().run(body, profile));
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
