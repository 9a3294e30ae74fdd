package com.webptbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.webptbridge.billing.ReferenceKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.Callable;

/**
 * {@code bridge import KIND FILE --interface ID [--dry-run] [--columns field=Header,...]}: a billing
 * system's CSV export of payers, facilities, providers, referring providers or procedure codes,
 * sent to the running engine. It prints the preview (rows to add, to change field by field, refused
 * with the reason, and how many are unchanged); without --dry-run the engine has applied it, in one
 * transaction, and released what was waiting for the records it added. {@code bridge import patients
 * FILE} is the initial patient load ({@link PatientLoadCommand}).
 */
@Command(
        name = "import",
        description = "Import a billing system's CSV export of one reference kind (preview with --dry-run),"
                + " or the practice's patients (bridge import patients FILE).",
        mixinStandardHelpOptions = true,
        // picocli takes "patients" as the subcommand and any other first word as KIND.
        subcommands = {PatientLoadCommand.class})
final class ImportCommand extends ApiCommand implements Callable<Integer> {

    /** The kinds by the names the command takes: the API paths (payers, facilities, ...). */
    static final class Kinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ReferenceKind.values())
                    .map(ReferenceKind::path)
                    .iterator();
        }
    }

    // Both optional to picocli, checked in call(): a required one would be asked of
    // `bridge import patients FILE` too, whose words are the subcommand's.
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "KIND",
            completionCandidates = Kinds.class,
            description = "One of: ${COMPLETION-CANDIDATES}")
    String kind;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "FILE",
            description = "The CSV export, its first row the headers")
    Path file;

    @Option(names = "--dry-run", description = "Only show what the import would do; nothing is stored")
    boolean dryRun;

    @Option(
            names = "--columns",
            paramLabel = "field=Header,...",
            description = "Name the column of a field the headers do not say, e.g. name=Carrier,payerId=EDI")
    String columns;

    @Override
    public Integer call() {
        return run(() -> {
            if (kind == null || file == null) {
                throw new ApiClient.CliFailure(
                        2,
                        "Give the kind and the export file: bridge import KIND FILE --interface ID, KIND one of "
                                + String.join(", ", new Kinds()) + " (or bridge import patients FILE).");
            }
            if (!ReferenceKind.isPath(kind)) {
                ReferenceKind.byPath(kind); // fails naming the kinds
            }
            byte[] csv = Files.readAllBytes(file);
            String path = "/api/imports/" + kind + "?file="
                    + encode(file.getFileName().toString())
                    + (dryRun ? "&dry-run=true" : "")
                    + (columns == null ? "" : "&columns=" + encode(columns));
            ApiClient.Answer answer = api().send("POST", path, "text/csv", csv);
            if (!answer.ok()) {
                return refused(answer);
            }
            print(answer.body());
            return 0;
        });
    }

    private void print(JsonNode imported) {
        JsonNode p = imported.get("preview");
        out().println(p.get("kind").asText() + " from " + p.get("file").asText() + ": columns " + p.get("columns")
                + (p.get("ignoredColumns").isEmpty() ? "" : ", ignored " + p.get("ignoredColumns")));
        for (JsonNode a : p.get("add")) {
            out().println("  add      row " + a.get("row").asText() + "  "
                    + (a.get("sequenceNumber").isNull()
                            ? "(next number)"
                            : a.get("sequenceNumber").asText()) + "  "
                    + a.get("name").asText());
        }
        for (JsonNode c : p.get("change")) {
            StringBuilder fields = new StringBuilder();
            for (JsonNode f : c.get("fields")) {
                fields.append(fields.isEmpty() ? "" : "; ")
                        .append(f.get("field").asText())
                        .append(" ")
                        .append(
                                f.get("from").isNull()
                                        ? "(empty)"
                                        : f.get("from").asText())
                        .append(" -> ")
                        .append(f.get("to").asText());
            }
            out().println("  change   row " + c.get("row").asText() + "  "
                    + c.get("key").asText() + "  " + c.get("name").asText() + ": " + fields);
        }
        for (JsonNode r : p.get("refused")) {
            out().println("  refused  row " + r.get("row").asText() + "  "
                    + r.get("reason").asText() + ": " + r.get("sentence").asText());
        }
        JsonNode n = p.get("counts");
        out().println(n.get("add").asText() + " to add, " + n.get("change").asText() + " to change, "
                + n.get("unchanged").asText() + " unchanged, "
                + n.get("refused").asText() + " refused.");
        if (!imported.get("applied").asBoolean()) {
            out().println("Dry run: nothing was stored. Run it again without --dry-run to apply it.");
        } else {
            out().println("Applied in one transaction; "
                    + imported.get("reprocessed").size() + " waiting message(s) reprocessed.");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
