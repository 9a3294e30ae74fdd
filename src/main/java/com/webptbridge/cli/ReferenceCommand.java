package com.webptbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.webptbridge.billing.ReferenceKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What every reference command shares: printing records and the analyst's next step, and the
 * show/list/deactivate subcommands. Each kind adds {@code add} and {@code update}
 * with its own fields.
 */
abstract class ReferenceCommand extends ApiCommand {

    private final ReferenceKind kind;

    ReferenceCommand(ReferenceKind kind) {
        this.kind = kind;
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
            out().println("Added " + kind.noun() + " with Sequence Number " + record.get("sequenceNumber").asText() + ".");
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

    void printRecord(JsonNode record) {
        record.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("reprocessed") && !f.getKey().equals("instructions") && !f.getValue().isNull()) {
                out().println("  " + f.getKey() + ": " + f.getValue().asText());
            }
        });
    }

    private void printReprocessed(JsonNode record) {
        JsonNode done = record.path("reprocessed");
        if (done.size() > 0) {
            out().println(done.size() + " waiting message(s) reprocessed:");
            done.forEach(o -> out().println("  journal " + o.get("id").asText() + ": " + o.get("status").asText()
                    + " (" + o.get("ackCode").asText() + ")"));
        }
    }

    @Command(name = "show", description = "Show one record.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ReferenceCommand parent;
        @Parameters(paramLabel = "KEY", description = "Sequence Number (for a procedure code: the code)")
        String key;

        @Override
        public Integer call() {
            return parent.run(() -> {
                ApiClient.Answer answer = parent.api().call("GET", "/api/" + parent.kind.path() + "/" + key, null);
                if (!answer.ok()) {
                    return parent.refused(answer);
                }
                parent.printRecord(answer.body());
                return 0;
            });
        }
    }

    @Command(name = "list", description = "List records, or those matching --search.")
    static final class ListAll implements Callable<Integer> {
        @ParentCommand
        ReferenceCommand parent;
        @Option(names = "--search", description = "Text any field contains (any case)")
        String search;

        @Override
        public Integer call() {
            return parent.run(() -> {
                String q = search == null ? "" : "?q=" + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8);
                ApiClient.Answer answer = parent.api().call("GET", "/api/" + parent.kind.path() + q, null);
                if (!answer.ok()) {
                    return parent.refused(answer);
                }
                answer.body().forEach(r -> {
                    StringBuilder line = new StringBuilder();
                    r.fields().forEachRemaining(f -> {
                        if (!f.getValue().isNull()) {
                            line.append(line.length() == 0 ? "" : "  ").append(f.getKey()).append('=').append(f.getValue().asText());
                        }
                    });
                    parent.out().println(line);
                });
                parent.out().println(answer.body().size() + " " + parent.kind.path());
                return 0;
            });
        }
    }

    @Command(name = "deactivate", description = "Deactivate a record: kept, but no longer matched by messages.")
    static final class Deactivate implements Callable<Integer> {
        @ParentCommand
        ReferenceCommand parent;
        @Parameters(paramLabel = "KEY")
        String key;

        @Override
        public Integer call() {
            return parent.run(() -> {
                ApiClient.Answer answer = parent.api().call("DELETE", "/api/" + parent.kind.path() + "/" + key, null);
                if (!answer.ok()) {
                    return parent.refused(answer);
                }
                parent.out().println("Deactivated " + parent.kind.noun() + " " + key + ".");
                return 0;
            });
        }
    }
}
