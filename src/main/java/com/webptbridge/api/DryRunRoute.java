package com.webptbridge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.mapping.MappingProfile;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/dry-run} (and {@code /api/interfaces/{id}/dry-run}): what a message would do in an
 * interface, nothing stored. The body is the message itself ({@code x-application/hl7-v2+er7} or
 * {@code text/plain}), or JSON {@code {"message": "...", "profile": "<mapping profile YAML>"}} to try
 * an edited mapping profile.
 */
final class DryRunRoute {

    private DryRunRoute() {}

    static ApiResponse handle(RoutingContext ctx, InterfaceRegistry interfaces, String interfaceId, ObjectMapper json)
            throws SQLException, InterruptedException {
        if (interfaceId == null) {
            return ApiResponse.error(
                    400, "This engine runs several interfaces: name one, as in /api/interfaces/{id}/dry-run.");
        }
        RunningInterface practice = interfaces
                .find(interfaceId)
                .orElseThrow(() -> new ApiException(404, "No interface " + interfaceId + " is running."));
        byte[] body = ctx.body() == null || ctx.body().buffer() == null
                ? new byte[0]
                : ctx.body().buffer().getBytes();
        String type = ctx.request().getHeader("Content-Type");
        MappingProfile profile = null;
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            Map<?, ?> fields;
            try {
                fields = json.readValue(body, Map.class);
            } catch (IOException e) {
                throw new ApiException(400, "The request body is not valid JSON: send {\"message\": \"MSH|...\"}.");
            }
            Object message = fields.get("message");
            if (message == null || String.valueOf(message).isBlank()) {
                throw new ApiException(400, "message is required: the HL7 message to try, as text.");
            }
            body = String.valueOf(message).getBytes(StandardCharsets.UTF_8);
            Object text = fields.get("profile");
            if (text != null && !String.valueOf(text).isBlank()) {
                profile = profile(String.valueOf(text));
            }
        }
        if (body.length == 0) {
            throw new ApiException(400, "Send the HL7 message to try as the request body (MSH|^~\\&|...).");
        }
        return ApiResponse.ok(practice.dryRun().run(body, profile));
    }

    /** A mapping profile sent as YAML text, read as the engine reads profile files. */
    private static MappingProfile profile(String yaml) {
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
