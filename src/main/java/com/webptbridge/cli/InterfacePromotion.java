package com.webptbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.interfaces.InterfaceDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bridge interface export ID --out DIR} and {@code bridge interface import DIR}: an interface
 * set up and tested on one engine, carried to another as files an analyst can read and keep: its
 * interface file ({@code ID.yaml}, as in the interface folder), its mapping profile
 * ({@code mapping-profile.yaml}) and its reference data ({@code reference/KIND.csv}, under our own
 * headers, which {@code bridge import} reads too).
 */
final class InterfacePromotion {

    static final String PROFILE = "mapping-profile.yaml";
    static final String REFERENCE = "reference";

    private InterfacePromotion() {}

    @Command(
            name = "export",
            description = "Write an interface's definition, mapping profile and reference data to a folder,"
                    + " to create it on another engine with 'bridge interface import'.",
            mixinStandardHelpOptions = true)
    static final class Export implements Callable<Integer> {
        @ParentCommand
        InterfaceCommand parent;

        @Parameters(paramLabel = "ID", description = "The interface, e.g. clinic-a")
        String id;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write (required)")
        Path out;

        @Override
        public Integer call() {
            return parent.run(() -> {
                ApiClient.Answer answer = parent.api().call("GET", "/api/interfaces/" + id + "/export", null);
                if (!answer.ok()) {
                    return parent.refused(answer);
                }
                JsonNode bundle = answer.body();
                InterfaceDefinition d = ApiClient.JSON.treeToValue(bundle.get("definition"), InterfaceDefinition.class);
                d.write(out.resolve(d.id() + ".yaml"));
                Files.writeString(out.resolve(PROFILE), bundle.get("profile").asText());
                Path reference = Files.createDirectories(out.resolve(REFERENCE));
                List<String> counts = new ArrayList<>();
                for (Map.Entry<String, JsonNode> e : bundle.get("reference").properties()) {
                    String csv = e.getValue().asText();
                    Files.writeString(reference.resolve(e.getKey() + ".csv"), csv);
                    counts.add(e.getKey() + " " + Math.max(0, csv.lines().count() - 1));
                }
                parent.out()
                        .println("Wrote interface " + d.id() + " to " + out + ": " + d.id() + ".yaml, " + PROFILE + ", "
                                + REFERENCE + "/ (" + String.join(", ", counts) + ").");
                return 0;
            });
        }
    }

    @Command(
            name = "import",
            description = "Create an interface exported from another engine (a preview with --dry-run); an"
                    + " interface of that id that already exists is refused.",
            mixinStandardHelpOptions = true)
    static final class Import implements Callable<Integer> {
        @ParentCommand
        InterfaceCommand parent;

        @Parameters(paramLabel = "DIR", description = "A folder written by 'bridge interface export'")
        Path dir;

        @Option(names = "--dry-run", description = "Only show what would be created")
        boolean dryRun;

        @Override
        public Integer call() {
            return parent.run(() -> {
                ObjectNode body = ApiClient.JSON.createObjectNode();
                body.set("definition", ApiClient.JSON.valueToTree(definition(dir)));
                if (Files.exists(dir.resolve(PROFILE))) {
                    body.put("profile", Files.readString(dir.resolve(PROFILE)));
                }
                ObjectNode reference = body.putObject("reference");
                for (ReferenceKind kind : ReferenceKind.values()) {
                    Path csv = dir.resolve(REFERENCE).resolve(kind.path() + ".csv");
                    if (Files.exists(csv)) {
                        reference.put(kind.path(), Files.readString(csv));
                    }
                }
                ApiClient.Answer answer = parent.api()
                        .send(
                                "POST",
                                "/api/interfaces/import" + (dryRun ? "?dry-run=true" : ""),
                                "application/json",
                                ApiClient.JSON.writeValueAsBytes(body));
                if (!answer.ok()) {
                    return parent.refused(answer);
                }
                print(answer.body());
                return 0;
            });
        }

        private void print(JsonNode created) {
            JsonNode d = created.get("definition");
            parent.out()
                    .println("Interface " + d.get("id").asText()
                            + (d.hasNonNull("name") ? " (" + d.get("name").asText() + ")" : "")
                            + " on port " + d.at("/mllp/port").asText()
                            + (d.hasNonNull("match") ? ", match " + d.get("match") : "")
                            + (Files.exists(dir.resolve(PROFILE)) ? ", its mapping profile from " + PROFILE : ""));
            for (Map.Entry<String, JsonNode> e : created.get("reference").properties()) {
                JsonNode n = e.getValue().get("counts");
                parent.out()
                        .println("  " + e.getKey() + ": " + n.get("add").asText() + " to add, "
                                + n.get("refused").asText() + " refused");
                for (JsonNode r : e.getValue().get("refused")) {
                    parent.out()
                            .println("    refused row " + r.get("row").asText() + " "
                                    + r.get("reason").asText() + ": "
                                    + r.get("sentence").asText());
                }
            }
            parent.out()
                    .println(
                            created.get("applied").asBoolean()
                                    ? "Created interface " + d.get("id").asText() + "."
                                    : "Dry run: nothing was created. Run it again without --dry-run to create it.");
        }

        /** The one interface file in the folder (every .yaml but the mapping profile). */
        private static InterfaceDefinition definition(Path dir) throws IOException, ApiClient.CliFailure {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> yaml = Files.newDirectoryStream(dir, "*.yaml")) {
                yaml.forEach(f -> {
                    if (!f.getFileName().toString().equals(PROFILE)) {
                        files.add(f);
                    }
                });
            }
            if (files.size() != 1) {
                throw new ApiClient.CliFailure(
                        2,
                        dir + " must hold exactly one interface file (ID.yaml) besides " + PROFILE + "; it holds "
                                + files.size() + ".");
            }
            return InterfaceDefinition.read(files.get(0));
        }
    }
}
