package com.webptbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.webptbridge.billing.WaitingKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bridge reprocess 12 13} or {@code bridge reprocess --waiting payer:1042}: runs journaled
 * messages through the inbound path again. Applied messages are never applied twice.
 */
@Command(name = "reprocess", description = "Reprocess journaled messages by id, or all that match the filter.")
final class ReprocessCommand extends ApiCommand implements java.util.concurrent.Callable<Integer> {

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Journal ids")
    List<Long> ids = new ArrayList<>();

    @Option(names = "--status", description = "ERROR (default), REJECTED, RECEIVED; comma-separated")
    String status;

    @Option(names = "--error-code", description = "HL7 table 0357 code, e.g. 204")
    Integer errorCode;

    @Option(
            names = "--waiting",
            description = "KIND:KEY, e.g. payer:1042 or procedure-code:97012; KIND is one of"
                    + " payer, facility, provider, npi-mismatch, referring-provider, procedure-code")
    String waiting;

    @Option(names = "--from", description = "Received on or after (yyyy-MM-dd)")
    String from;

    @Option(names = "--to", description = "Received before (yyyy-MM-dd)")
    String to;

    @Option(names = "--limit", defaultValue = "1000")
    int limit;

    @Override
    public Integer call() {
        return run(() -> {
            List<JsonNode> outcomes = new ArrayList<>();
            if (!ids.isEmpty()) {
                for (long id : ids) {
                    ApiClient.Answer answer = api().call("POST", "/api/messages/" + id + "/reprocess", Map.of());
                    if (!answer.ok()) {
                        return refused(answer);
                    }
                    outcomes.add(answer.body());
                }
            } else {
                Map<String, Object> filter = body();
                put(filter, "status", status);
                put(filter, "errorCode", errorCode);
                if (waiting != null) {
                    int colon = waiting.indexOf(':');
                    if (colon < 1) {
                        spec.commandLine().getErr().println("--waiting takes KIND:KEY, e.g. payer:1042");
                        return 2;
                    }
                    try {
                        filter.put(
                                "waitingKind",
                                WaitingKind.parse(waiting.substring(0, colon)).code());
                    } catch (IllegalArgumentException e) {
                        spec.commandLine().getErr().println("--waiting " + waiting + ": " + e.getMessage());
                        return 2;
                    }
                    filter.put("waitingKey", waiting.substring(colon + 1));
                }
                put(filter, "from", from);
                put(filter, "to", to);
                filter.put("limit", limit);
                ApiClient.Answer answer = api().call("POST", "/api/messages/reprocess", filter);
                if (!answer.ok()) {
                    return refused(answer);
                }
                answer.body().get("reprocessed").forEach(outcomes::add);
            }
            int processed = 0;
            for (JsonNode o : outcomes) {
                String skipped = o.path("skipped").isNull() || o.path("skipped").isMissingNode()
                        ? ""
                        : " - " + o.get("skipped").asText();
                out().println("journal " + o.get("id").asText() + ": "
                        + o.get("status").asText() + " (" + o.get("ackCode").asText() + ")" + skipped);
                if ("PROCESSED".equals(o.get("status").asText()) && skipped.isEmpty()) {
                    processed++;
                }
            }
            out().println(outcomes.size() + " message(s) reprocessed, " + processed + " now PROCESSED.");
            return 0;
        });
    }
}
