package com.webptbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bridge import patients FILE}: the initial patient load through the running engine. The
 * file goes up whole; the command follows the load with a progress bar on a terminal (plain lines
 * otherwise), prints the summary and writes the rejects, one line each saying what to fix in WebPT.
 */
@Command(
        name = "patients",
        description = "Initial patient load: WebPT's demographic export (HL7 messages or a CSV) through the"
                + " interface's Patient Info rules. Run it again to finish a stopped load; nothing is doubled.")
final class PatientLoadCommand implements Callable<Integer> {

    /** {@code bridge import}, whose API options (--url, --interface, ...) this subcommand inherits. */
    @ParentCommand
    ImportCommand parent;

    @Parameters(paramLabel = "FILE", description = "The export: HL7 ADT messages (batch segments or not) or a CSV")
    Path file;

    @Option(
            names = "--rejects",
            paramLabel = "PATH",
            description = "Where the rejected messages' lines go (default: FILE.rejects.txt)")
    Path rejects;

    @Override
    public Integer call() {
        return parent.run(() -> {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new ApiClient.CliFailure(2, "Cannot read " + file + ": give a readable file.");
            }
            ApiClient api = parent.api();
            String name = file.getFileName().toString();
            ApiClient.Answer started = api.upload(
                    "/api/patient-loads?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                    bytes,
                    "application/octet-stream");
            if (!started.ok()) {
                return parent.refused(started);
            }
            String id = started.body().get("id").asText();
            JsonNode p = follow(api, id, started.body());
            return summary(p);
        });
    }

    private JsonNode follow(ApiClient api, String id, JsonNode p) throws Exception {
        PrintWriter out = parent.out();
        boolean terminal = System.console() != null;
        int lastTenth = -1;
        while (true) {
            int done = p.get("done").asInt();
            int total = p.get("total").asInt();
            boolean running = p.get("state").asText().equals("RUNNING");
            if (terminal) {
                out.print("\r" + bar(done, total) + " " + done + "/" + total + "  "
                        + p.get("perSecond").asText() + "/s   ");
                out.flush();
            } else {
                int tenth = total == 0 ? 10 : done * 10 / total;
                if (tenth != lastTenth) {
                    out.println("loaded " + done + " of " + total);
                    out.flush();
                    lastTenth = tenth;
                }
            }
            if (!running) {
                if (terminal) {
                    out.println();
                }
                return p;
            }
            Thread.sleep(250);
            ApiClient.Answer now = api.call("GET", "/api/patient-loads/" + id, null);
            if (!now.ok()) {
                throw new ApiClient.CliFailure(1, "The load's progress is no longer available: " + now.error());
            }
            p = now.body();
        }
    }

    private int summary(JsonNode p) throws IOException {
        PrintWriter out = parent.out();
        String state = p.get("state").asText();
        out.println("Patient load " + p.get("id").asText() + " " + state.toLowerCase(java.util.Locale.ROOT) + ": "
                + p.get("done").asInt() + " of " + p.get("total").asInt() + " messages, "
                + p.get("created").asInt() + " created, " + p.get("updated").asInt() + " updated, "
                + p.get("unchanged").asInt() + " unchanged, "
                + p.get("rejected").asInt() + " rejected ("
                + p.get("perSecond").asText() + " per second)");
        List<String> lines = new ArrayList<>();
        p.get("rejects").forEach(r -> lines.add(r.asText()));
        if (!lines.isEmpty()) {
            Path to = rejects != null ? rejects : file.resolveSibling(file.getFileName() + ".rejects.txt");
            Files.write(to, lines, StandardCharsets.UTF_8);
            out.println(lines.size() + " rejected: what to fix in WebPT is in " + to);
        }
        if (!p.get("problem").isNull()) {
            parent.spec
                    .commandLine()
                    .getErr()
                    .println("The load stopped: " + p.get("problem").asText());
        }
        return state.equals("DONE") ? 0 : 1;
    }

    static String bar(int done, int total) {
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) done * width / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }
}
