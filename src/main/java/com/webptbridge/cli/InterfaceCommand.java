package com.webptbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bridge interface list|add|disable|reload|sheet|export|import}: the practices' interfaces of a
 * running engine, and their lifecycle ({@link LifecycleCommands}: state, test, go-live, reset-test,
 * readiness), changed without a restart. What is added or disabled is also written to the engine's
 * interface folder, so the next start runs the same interfaces. {@code sheet} prints the Alternate ID
 * sheet for WebPT; {@code export}/{@code import} promote an interface ({@link InterfacePromotion}).
 */
@Command(
        name = "interface",
        description = "The client practices' interfaces: list, add, disable, reload, sheet, export, import; their"
                + " lifecycle: state, test, go-live, reset-test, readiness.",
        mixinStandardHelpOptions = true,
        subcommands = {
            InterfaceCommand.ListAll.class,
            InterfaceCommand.Add.class,
            InterfaceCommand.Disable.class,
            InterfaceCommand.Reload.class,
            InterfaceCommand.Sheet.class,
            InterfacePromotion.Export.class,
            InterfacePromotion.Import.class,
            LifecycleCommands.State.class,
            LifecycleCommands.Test.class,
            LifecycleCommands.GoLive.class,
            LifecycleCommands.ResetTest.class,
            LifecycleCommands.Readiness.class
        })
final class InterfaceCommand extends ApiCommand {

    void print(JsonNode i) {
        JsonNode match = i.path("match");
        out().println(i.get("id").asText() + "  port " + i.get("port").asText()
                + (match.isMissingNode() || match.isNull() ? "" : "  match " + match)
                + "  " + i.path("state").asText("") + "  " + i.get("messages").asText() + " message(s)"
                + (i.path("name").isNull() || i.path("name").isMissingNode()
                        ? ""
                        : "  " + i.get("name").asText()));
    }

    @Command(
            name = "list",
            description = "The running interfaces with their listeners and message counts.",
            mixinStandardHelpOptions = true)
    static final class ListAll implements Callable<Integer> {
        @ParentCommand
        InterfaceCommand parent;

        @Override
        public Integer call() {
            return parent.run(() -> {
                ApiClient.Answer answer = parent.api().call("GET", "/api/interfaces", null);
                if (!answer.ok()) {
                    return parent.refused(answer);
                }
                answer.body().forEach(parent::print);
                return 0;
            });
        }
    }

    @Command(
            name = "add",
            description = "Start a practice's interface now; its listener answers at once.",
            mixinStandardHelpOptions = true)
    static final class Add implements Callable<Integer> {
        @ParentCommand
        InterfaceCommand parent;

        @Parameters(paramLabel = "ID", description = "Lower-case letters, digits and dashes, e.g. clinic-a")
        String id;

        @Option(names = "--name", description = "The practice's name, for people")
        String name;

        @Option(names = "--port", required = true, description = "MLLP port (required)")
        int port;

        @Option(names = "--host", description = "Address to listen on (default: every address)")
        String host;

        @Option(names = "--sending-facility", description = "On a shared port: MSH-4 of this practice's messages")
        String sendingFacility;

        @Option(names = "--receiving-facility", description = "On a shared port: MSH-6 of this practice's messages")
        String receivingFacility;

        @Option(names = "--profile", description = "Mapping profile file (default: bridge.profile)")
        String profile;

        @Option(names = "--reference", description = "Folder of reference-data CSVs to seed it with")
        String reference;

        @Override
        public Integer call() {
            Map<String, Object> body = ApiCommand.body();
            put(body, "id", id);
            put(body, "name", name);
            put(body, "port", port);
            put(body, "host", host);
            put(body, "sendingFacility", sendingFacility);
            put(body, "receivingFacility", receivingFacility);
            put(body, "profile", profile);
            put(body, "reference", reference);
            return parent.run(() -> {
                ApiClient.Answer answer = parent.api().call("POST", "/api/interfaces", body);
                if (!answer.ok()) {
                    return parent.refused(answer);
                }
                parent.out().print("Started ");
                parent.print(answer.body());
                return 0;
            });
        }
    }

    @Command(
            name = "disable",
            description = "Stop an interface's listener and set its lifecycle state to disabled; its data stays.",
            mixinStandardHelpOptions = true)
    static final class Disable implements Callable<Integer> {
        @ParentCommand
        InterfaceCommand parent;

        @Parameters(paramLabel = "ID", description = "The interface to disable, e.g. clinic-a")
        String id;

        @Override
        public Integer call() {
            return parent.run(() -> {
                ApiClient.Answer answer = parent.api().call("POST", "/api/interfaces/" + id + "/disable", Map.of());
                if (!answer.ok()) {
                    return parent.refused(answer);
                }
                parent.out().println("Disabled interface " + id + "; its data stays.");
                return 0;
            });
        }
    }

    @Command(
            name = "reload",
            description =
                    "Read the interface folder again: start new or enabled, stop removed or" + " disabled interfaces.",
            mixinStandardHelpOptions = true)
    static final class Reload implements Callable<Integer> {
        @ParentCommand
        InterfaceCommand parent;

        @Override
        public Integer call() {
            return parent.run(() -> {
                ApiClient.Answer answer = parent.api().call("POST", "/api/interfaces/reload", Map.of());
                if (!answer.ok()) {
                    return parent.refused(answer);
                }
                JsonNode changes = answer.body().get("changes");
                changes.forEach(c -> parent.out().println(c.asText()));
                parent.out().println(changes.size() + " change(s).");
                return 0;
            });
        }
    }

    @Command(
            name = "sheet",
            description = "The Alternate ID sheet for WebPT's staff: per kind each active record's name,"
                    + " Sequence Number and NPI, facilities apart.",
            mixinStandardHelpOptions = true)
    static final class Sheet implements Callable<Integer> {
        @ParentCommand
        InterfaceCommand parent;

        @Parameters(paramLabel = "ID", description = "The interface, e.g. clinic-a")
        String id;

        @Option(names = "--format", defaultValue = "html", description = "html (printable, the default) or csv")
        String format;

        @Option(names = "--since", paramLabel = "DATE", description = "Only records changed since, e.g. 2026-12-01")
        String since;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the sheet here instead of printing it")
        java.nio.file.Path out;

        @Override
        public Integer call() {
            return parent.run(() -> {
                java.net.http.HttpResponse<String> answer = parent.api()
                        .document("/api/interfaces/" + id + "/sheet?format=" + format
                                + (since == null ? "" : "&since=" + since));
                return parent.document(answer, out, "the Alternate ID sheet of " + id);
            });
        }
    }
}
