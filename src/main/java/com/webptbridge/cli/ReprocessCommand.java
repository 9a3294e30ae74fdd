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
 * messages through the inbound path again. Applied messages are never applied twice. Without ids or
 * a filter it asks for {@code --all} rather than reprocessing everything; {@code --dry-run} lists
 * what a filter takes and changes nothing.
 */
@Command(
        name = "reprocess",
        description = "Reprocess journaled messages by id, or all that match the filter (--all: every message"
                + " in ERROR).")
final class ReprocessCommand extends ApiCommand implements java.util.concurrent.Callable<Integer> {

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Journal ids (instead of a filter)")
    List<Long> ids = new ArrayList<>();

    @Option(
            names = "--status",
            paramLabel = "STATUS",
            description = "ERROR (the default), REJECTED, RECEIVED; comma-separated")
    String status;

    @Option(names = "--error-code", paramLabel = "CODE", description = "HL7 table 0357 code, e.g. 204")
    Integer errorCode;

    @Option(
            names = "--waiting",
            paramLabel = "KIND:KEY",
            description = "KIND:KEY, e.g. payer:1042 or procedure-code:97012; KIND is one of"
                    + " payer, facility, provider, npi-mismatch, referring-provider, procedure-code")
    String waiting;

    @Option(names = "--from", paramLabel = "DATE", description = "Received on or after (yyyy-MM-dd)")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Received before (yyyy-MM-dd)")
    String to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most this many messages")
    int limit;

    @Option(names = "--all", description = "With no other filter: every message in ERROR")
    boolean all;

    @Option(names = "--dry-run", description = "List what would be reprocessed and what each waits for; change nothing")
    boolean dryRun;

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
                boolean filtered = status != null || errorCode != null || waiting != null || from != null || to != null;
                if (!filtered && !all) {
                    spec.commandLine()
                            .getErr()
                            .println("Name what to reprocess: journal ids, a filter (--waiting KIND:KEY, --error-code,"
                                    + " --status, --from, --to), or --all for every message in ERROR. Add --dry-run"
                                    + " to see the list first.");
                    return 2;
                }
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
                if (dryRun) {
                    filter.put("dryRun", true);
                }
                ApiClient.Answer answer = api().call("POST", "/api/messages/reprocess", filter);
                if (!answer.ok()) {
                    return refused(answer);
                }
                if (dryRun) {
                    JsonNode candidates = answer.body().get("wouldReprocess");
                    for (JsonNode c : candidates) {
                        out().println("journal " + c.get("id").asText() + " (control ID "
                                + c.path("controlId").asText("-") + "): "
                                + c.get("status").asText()
                                + waits(c));
                    }
                    out().println(candidates.size() + " message(s) would be reprocessed; nothing was changed"
                            + " (run again without --dry-run to reprocess them).");
                    return 0;
                }
                JsonNode body = answer.body();
                if (answer.status() == 202) {
                    body = followJob(body);
                    if (body == null) {
                        return 1;
                    }
                    body.get("outcomes").forEach(outcomes::add);
                } else {
                    body.get("reprocessed").forEach(outcomes::add);
                }
            }
            int processed = 0;
            for (JsonNode o : outcomes) {
                String skipped = o.path("skipped").isNull() || o.path("skipped").isMissingNode()
                        ? ""
                        : " - " + o.get("skipped").asText();
                out().println("journal " + o.get("id").asText() + ": "
                        + o.get("status").asText() + " (" + o.get("ackCode").asText() + ")" + skipped + waits(o));
                if ("PROCESSED".equals(o.get("status").asText()) && skipped.isEmpty()) {
                    processed++;
                }
            }
            out().println(outcomes.size() + " message(s) reprocessed, " + processed + " now PROCESSED.");
            return 0;
        });
    }

    /**
     * A large backlog is reprocessed by a background job: print its progress until it is done and
     * return it, or null (after saying why) when it failed.
     */
    private JsonNode followJob(JsonNode job) throws Exception {
        String id = job.get("id").asText();
        out().println("A background job reprocesses " + job.get("total").asText() + " message(s): job " + id);
        int reported = -1;
        while (true) {
            ApiClient.Answer answer = api().call("GET", "/api/jobs/" + id, null);
            if (!answer.ok()) {
                refused(answer);
                return null;
            }
            JsonNode now = answer.body();
            int done = now.get("done").asInt();
            if (done != reported) {
                out().println("  " + done + " of " + now.get("total").asText() + " done");
                reported = done;
            }
            String status = now.get("status").asText();
            if (status.equals("DONE")) {
                return now;
            }
            if (status.equals("FAILED")) {
                spec.commandLine()
                        .getErr()
                        .println("Job " + id + " stopped after " + done + " message(s): see the"
                                + " engine's log; the rest can be reprocessed again.");
                return null;
            }
            Thread.sleep(500); // polling the job's progress; no timing is asserted on it
        }
    }

    /**
     * ", still waits for payer 1042, procedure-code 97112" when the message waits for anything, and
     * "; still to be fixed by the sender: required field missing (101) (PID-7): ..." for what no
     * record fixes.
     */
    private static String waits(JsonNode message) {
        List<String> waiting = new ArrayList<>();
        message.path("waitingFor").forEach(w -> waiting.add(w.asText()));
        List<String> remains = new ArrayList<>();
        message.path("remains").forEach(r -> remains.add(r.asText()));
        return (waiting.isEmpty() ? "" : ", still waits for " + String.join(", ", waiting))
                + (remains.isEmpty() ? "" : "; still to be fixed by the sender: " + String.join("; ", remains));
    }
}
