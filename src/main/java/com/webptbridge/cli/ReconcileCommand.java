package com.webptbridge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code bridge reconcile FILE}: WebPT's list of billed visits against what the interface posted:
 * what was billed and not posted (and why), posted differently, or posted but not in the list.
 */
@Command(
        name = "reconcile",
        description = "Reconcile WebPT's list of billed visits (CSV: patient ID, date of service, procedure code,"
                + " units; optionally amount and visit ID) with what the interface posted.",
        mixinStandardHelpOptions = true)
final class ReconcileCommand extends ApiCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "WebPT's list, as CSV")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "text (the default: the problems), csv or json")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result here instead of printing it")
    Path out;

    @Override
    public Integer call() {
        return run(() -> {
            if (!Files.isReadable(file)) {
                throw new ApiClient.CliFailure(1, "Cannot read " + file + ": give the path of WebPT's CSV list.");
            }
            java.net.http.HttpResponse<String> answer =
                    api().document("/api/reconcile?format=" + format, Files.readAllBytes(file), "text/csv");
            return document(answer, out, "the reconciliation");
        });
    }
}
