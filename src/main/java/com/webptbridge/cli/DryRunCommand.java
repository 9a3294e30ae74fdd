package com.webptbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code bridge dry-run FILE}: what a message would do in the running interface, nothing stored. */
@Command(
        name = "dry-run",
        description = "Try a message: its ACK and the Patient Info / insurance / encounter changes it would make,"
                + " without storing anything")
final class DryRunCommand extends ApiCommand implements java.util.concurrent.Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The HL7 message to try (one message; LF, CR or CRLF line ends)")
    Path file;

    @Option(
            names = "--profile",
            paramLabel = "F",
            description = "Try it with this mapping profile (YAML) instead of the interface's own")
    Path profile;

    @Override
    public Integer call() {
        return run(() -> {
            Map<String, Object> body = new LinkedHashMap<>();
            try {
                body.put("message", Files.readString(file, StandardCharsets.UTF_8));
                if (profile != null) {
                    body.put("profile", Files.readString(profile, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new ApiClient.CliFailure(2, "Cannot read " + e.getMessage() + ": give a readable file.");
            }
            ApiClient.Answer answer = api().call("POST", "/api/dry-run", body);
            if (!answer.ok()) {
                return refused(answer);
            }
            JsonNode r = answer.body();
            out().println("Would be " + r.get("status").asText() + " ("
                    + r.get("ackCode").asText() + ")"
                    + (r.get("patientId").isNull()
                            ? ""
                            : ", patient " + r.get("patientId").asText())
                    + (r.get("patientIsNew").asBoolean() ? " (new patient)" : "") + "; nothing was stored.");
            for (JsonNode e : r.get("errors")) {
                out().println("  ERR " + e.get("code").asInt() + " at "
                        + e.get("location").asText() + ": " + e.get("text").asText());
            }
            for (JsonNode c : r.get("patientChanges")) {
                out().println("  " + c.get("field").asText() + ": " + text(c.get("before")) + " -> "
                        + text(c.get("after")));
            }
            for (JsonNode n : r.get("notes")) {
                out().println("  note: " + n.asText());
            }
            out().println("ACK:");
            out().println(r.get("ack").asText().replace('\r', '\n').trim());
            return 0;
        });
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? "(empty)" : v.asText();
    }
}
