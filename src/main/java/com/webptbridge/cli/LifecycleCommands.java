package com.webptbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bridge interface test|go-live|reset-test|state|readiness ID}: an interface's way from
 * setup to live traffic, through the running engine's API (admin for the changes). Every change is
 * audited by the engine; {@code state} shows the audit trail.
 */
final class LifecycleCommands {

    /** The exit code of a readiness report with a FAIL (and of go-live refused for one): 3. */
    static final int NOT_READY = 3;

    private LifecycleCommands() {}

    /** Sends a state change and prints what it did. */
    private static int change(InterfaceCommand parent, String id, String state, boolean force, String note)
            throws Exception {
        Map<String, Object> body = ApiCommand.body();
        body.put("state", state);
        if (force) {
            body.put("force", true);
        }
        ApiCommand.put(body, "note", note);
        ApiClient.Answer answer = parent.api().call("POST", "/api/interfaces/" + id + "/lifecycle", body);
        if (answer.status() == 409 && answer.body().has("readiness")) {
            parent.refused(answer);
            printReport(parent, answer.body().get("readiness"));
            return NOT_READY;
        }
        if (!answer.ok()) {
            return parent.refused(answer);
        }
        printChange(parent, answer.body().get("change"));
        return 0;
    }

    private static void printChange(InterfaceCommand parent, JsonNode c) {
        String from = c.path("from").isNull() ? "(none)" : c.path("from").asText();
        parent.out()
                .println("Interface " + c.get("interfaceId").asText() + ": " + from + " -> "
                        + c.get("to").asText()
                        + (c.path("forced").asBoolean() ? " (FORCED)" : "")
                        + (c.path("note").isNull() || c.path("note").isMissingNode()
                                ? ""
                                : "; " + c.get("note").asText()));
    }

    static void printReport(InterfaceCommand parent, JsonNode r) {
        parent.out()
                .println("Readiness of " + r.get("interfaceId").asText() + " ("
                        + r.get("state").asText() + "): " + r.get("verdict").asText());
        for (JsonNode i : r.get("items")) {
            parent.out()
                    .printf(
                            "%-4s  %s: %s%n",
                            i.get("verdict").asText(),
                            i.get("check").asText(),
                            i.get("reason").asText());
            for (JsonNode u : i.path("unresolved")) {
                parent.out()
                        .println("        " + u.get("title").asText() + ": "
                                + u.get("messages").asInt() + " message(s). "
                                + u.get("fix").asText());
            }
        }
    }

    @Command(
            name = "test",
            description = "Start the interface's test phase: its messages are processed into its test sandbox.",
            mixinStandardHelpOptions = true)
    static final class Test implements Callable<Integer> {
        @ParentCommand
        InterfaceCommand parent;

        @Parameters(paramLabel = "ID", description = "The interface, e.g. clinic-a")
        String id;

        @Override
        public Integer call() {
            return parent.run(() -> change(parent, id, "testing", false, null));
        }
    }

    @Command(
            name = "go-live",
            description = "Take the interface live: refused while its readiness report FAILs (exit 3), unless"
                    + " --force. Leaving testing clears the test sandbox.",
            mixinStandardHelpOptions = true)
    static final class GoLive implements Callable<Integer> {
        @ParentCommand
        InterfaceCommand parent;

        @Parameters(paramLabel = "ID", description = "The interface, e.g. clinic-a")
        String id;

        @Option(names = "--force", description = "Go live although the readiness report FAILs (audited as forced)")
        boolean force;

        @Option(names = "--note", description = "Why, for the audit trail")
        String note;

        @Override
        public Integer call() {
            return parent.run(() -> change(parent, id, "live", force, note));
        }
    }

    @Command(
            name = "reset-test",
            description = "Clear the interface's test sandbox and start its test phase again.",
            mixinStandardHelpOptions = true)
    static final class ResetTest implements Callable<Integer> {
        @ParentCommand
        InterfaceCommand parent;

        @Parameters(paramLabel = "ID", description = "The interface, e.g. clinic-a")
        String id;

        @Override
        public Integer call() {
            return parent.run(() -> {
                ApiClient.Answer answer =
                        parent.api().call("POST", "/api/interfaces/" + id + "/lifecycle/reset-test", Map.of());
                if (!answer.ok()) {
                    return parent.refused(answer);
                }
                printChange(parent, answer.body().get("change"));
                return 0;
            });
        }
    }

    @Command(
            name = "state",
            description = "The interface's lifecycle state and every change of it: who, when, from, to.",
            mixinStandardHelpOptions = true)
    static final class State implements Callable<Integer> {
        @ParentCommand
        InterfaceCommand parent;

        @Parameters(paramLabel = "ID", description = "The interface, e.g. clinic-a")
        String id;

        @Override
        public Integer call() {
            return parent.run(() -> {
                ApiClient.Answer answer = parent.api().call("GET", "/api/interfaces/" + id + "/lifecycle", null);
                if (!answer.ok()) {
                    return parent.refused(answer);
                }
                JsonNode l = answer.body();
                parent.out()
                        .println(l.get("interfaceId").asText() + ": "
                                + l.get("state").asText() + " since "
                                + l.get("since").asText() + " ("
                                + l.get("changedBy").asText() + ")");
                for (JsonNode c : l.get("history")) {
                    parent.out()
                            .print("  " + c.get("changedAt").asText() + "  "
                                    + c.get("changedBy").asText() + "  ");
                    printChange(parent, c);
                }
                return 0;
            });
        }
    }

    @Command(
            name = "readiness",
            description = "The go-live checklist: each item PASS, WARN or FAIL with its reason (exit 3 on a FAIL).",
            mixinStandardHelpOptions = true)
    static final class Readiness implements Callable<Integer> {
        @ParentCommand
        InterfaceCommand parent;

        @Parameters(paramLabel = "ID", description = "The interface, e.g. clinic-a")
        String id;

        @Override
        public Integer call() {
            return parent.run(() -> {
                ApiClient.Answer answer = parent.api().call("GET", "/api/interfaces/" + id + "/readiness", null);
                if (!answer.ok()) {
                    return parent.refused(answer);
                }
                printReport(parent, answer.body());
                return "FAIL".equals(answer.body().get("verdict").asText()) ? NOT_READY : 0;
            });
        }
    }
}
