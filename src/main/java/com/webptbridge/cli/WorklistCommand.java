package com.webptbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code bridge worklist}: what the messages in ERROR wait for, and what to do about each. */
@Command(name = "worklist", description = "What waiting messages need: one line per missing payer, code, ...")
final class WorklistCommand extends ApiCommand implements java.util.concurrent.Callable<Integer> {

    @Override
    public Integer call() {
        return run(() -> {
            ApiClient.Answer answer = api().call("GET", "/api/worklist", null);
            if (!answer.ok()) {
                return refused(answer);
            }
            if (answer.body().isEmpty()) {
                out().println("No messages are waiting.");
            }
            for (JsonNode line : answer.body()) {
                String oldest = line.get("oldest").isNull()
                        ? ""
                        : ", first received " + line.get("oldest").asText();
                out().println(line.get("waitingFor").asText() + ": "
                        + line.get("messages").asInt() + " message(s), "
                        + line.get("patients").asInt() + " patient(s)" + oldest);
                out().println("    " + line.get("action").asText());
                out().println("    Control IDs: " + joined(line.get("controlIds")) + "; patient IDs: "
                        + joined(line.get("patientIds")) + "; journal ids: " + joined(line.get("journalIds")));
            }
            return 0;
        });
    }

    private static String joined(JsonNode values) {
        java.util.List<String> out = new java.util.ArrayList<>();
        values.forEach(v -> out.add(v.asText()));
        return out.isEmpty() ? "-" : String.join(", ", out);
    }
}
