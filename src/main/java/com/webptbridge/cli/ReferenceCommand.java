package com.webptbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.webptbridge.billing.ReferenceKind;
import picocli.CommandLine.Model.CommandSpec;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the reference commands do for one kind (add, update, show, list, deactivate) and how they
 * print records and the analyst's next step. {@link ReferenceCommands} builds the options from
 * {@link ReferenceKind} and hands the values here.
 */
final class ReferenceCommand extends ApiCommand {

    private final ReferenceKind kind;

    ReferenceCommand(ReferenceKind kind, CommandSpec spec) {
        this.kind = kind;
        this.spec = spec;
    }

    int create(Map<String, Object> fields, Long sequenceNumber) {
        if (sequenceNumber != null) {
            fields.put("sequenceNumber", sequenceNumber);
        }
        return run(() -> {
            ApiClient.Answer answer = api().call("POST", "/api/" + kind.path(), fields);
            if (!answer.ok()) {
                return refused(answer);
            }
            JsonNode record = answer.body();
            out().println("Added " + kind.noun() + " with Sequence Number "
                    + record.get("sequenceNumber").asText() + ".");
            out().println(record.get("instructions").asText());
            printReprocessed(record);
            return 0;
        });
    }

    int update(String key, Map<String, Object> fields, boolean activate) {
        if (activate) {
            fields.put("active", true);
        }
        return run(() -> {
            ApiClient.Answer answer = api().call("PUT", "/api/" + kind.path() + "/" + key, fields);
            if (!answer.ok()) {
                return refused(answer);
            }
            out().println("Updated " + kind.noun() + " " + key + ".");
            printRecord(answer.body());
            printReprocessed(answer.body());
            return 0;
        });
    }

    int show(String key) {
        return run(() -> {
            ApiClient.Answer answer = api().call("GET", "/api/" + kind.path() + "/" + key, null);
            if (!answer.ok()) {
                return refused(answer);
            }
            printRecord(answer.body());
            return 0;
        });
    }

    int list(String search) {
        return run(() -> {
            String q = search == null ? "" : "?q=" + URLEncoder.encode(search, StandardCharsets.UTF_8);
            ApiClient.Answer answer = api().call("GET", "/api/" + kind.path() + q, null);
            if (!answer.ok()) {
                return refused(answer);
            }
            answer.body().forEach(r -> {
                StringBuilder line = new StringBuilder();
                r.fields().forEachRemaining(f -> {
                    if (!f.getValue().isNull()) {
                        line.append(line.length() == 0 ? "" : "  ")
                                .append(f.getKey())
                                .append('=')
                                .append(f.getValue().asText());
                    }
                });
                out().println(line);
            });
            out().println(answer.body().size() + " " + kind.path());
            return 0;
        });
    }

    int deactivate(String key) {
        return run(() -> {
            ApiClient.Answer answer = api().call("DELETE", "/api/" + kind.path() + "/" + key, null);
            if (!answer.ok()) {
                return refused(answer);
            }
            out().println("Deactivated " + kind.noun() + " " + key + ".");
            return 0;
        });
    }

    private void printRecord(JsonNode record) {
        record.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("reprocessed")
                    && !f.getKey().equals("instructions")
                    && !f.getValue().isNull()) {
                out().println("  " + f.getKey() + ": " + f.getValue().asText());
            }
        });
    }

    private void printReprocessed(JsonNode record) {
        JsonNode done = record.path("reprocessed");
        if (done.size() > 0) {
            out().println(done.size() + " waiting message(s) reprocessed:");
            done.forEach(o -> out().println("  journal " + o.get("id").asText() + ": "
                    + o.get("status").asText() + " (" + o.get("ackCode").asText() + ")"));
        }
    }
}
