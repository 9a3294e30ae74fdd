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
                        : ", oldest " + line.get("oldest").asText().substring(0, 10);
                out().println(line.get("waitingFor").asText() + ": "
                        + line.get("messages").asInt() + " message(s), "
                        + line.get("patients").asInt() + " patient(s)" + oldest);
                out().println("    " + line.get("action").asText() + " Journal ids: " + line.get("journalIds"));
            }
            return 0;
        });
    }
}
