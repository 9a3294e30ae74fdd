package com.webptbridge.cli;

import com.webptbridge.tester.AckReading;
import com.webptbridge.tester.Expectations;
import com.webptbridge.tester.Sample;
import com.webptbridge.transport.MllpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bridge replay DIR}: sends each sample and compares the outcome with the expectation beside
 * it: ACK, ERR codes and locations, and the stored patient read back over the HTTP API (--url).
 * Prints expected vs actual for each difference; exit code 1 on any. {@code --update} rewrites the
 * expectations from what happened instead, for a reviewed change.
 */
@Command(
        name = "replay",
        description = "Replay samples with expected outcomes; report differences (exit 1) or --update them.")
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin(name = ApiCommand.OPTIONS)
    ApiOptions apiOptions = new ApiOptions();

    @Parameters(
            paramLabel = "DIR",
            arity = "1..*",
            description = "Sample folders: each message beside its .expected.yaml")
    List<Path> dirs;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "localhost", description = "The MLLP listener's host")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "2575", description = "The engine's MLLP port")
    int port;

    @Option(
            names = "--raw",
            description = "Send each sample byte for byte as stored (its line ends, a byte-order mark) instead of"
                    + " with CR segment ends")
    boolean raw;

    @Option(names = "--update", description = "Rewrite each expectation from what happened")
    boolean update;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "Seconds to wait for each ACK")
    int timeoutSeconds;

    @picocli.CommandLine.Mixin
    TlsOptions tls;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ApiClient api = ApiClient.of(apiOptions);
        Expectations.PatientLookup patients = id -> {
            try {
                ApiClient.Answer a = api.call(
                        "GET",
                        "/api/patients/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8),
                        null);
                return a.status() == 404 ? null : a.body();
            } catch (ApiClient.CliFailure e) {
                throw new java.io.IOException(e.getMessage());
            }
        };
        int failed = 0;
        int total = 0;
        try (MllpClient client = MllpClient.connect(host, port, Duration.ofSeconds(timeoutSeconds), tls.client())) {
            for (Path dir : dirs) {
                for (Sample sample : Sample.in(dir)) {
                    total++;
                    String ack = new String(
                            client.exchange(raw ? sample.raw() : sample.text().getBytes(sample.charset())),
                            sample.charset());
                    AckReading actual = AckReading.read(ack);
                    if (update) {
                        Expectations.update(sample, actual, patients);
                        out.printf("%-55s updated: %s %s%n", sample.name(), actual.ackCode(), actual.errors());
                        continue;
                    }
                    List<String> diffs = new ArrayList<>(Expectations.compare(sample, actual, patients));
                    out.printf(
                            "%-55s %-4s %-4s %s%n",
                            sample.name(), sample.ack(), actual.ackCode(), diffs.isEmpty() ? "ok" : "DIFFERENT");
                    for (String d : diffs) {
                        out.println("    " + d);
                    }
                    if (!diffs.isEmpty()) {
                        failed++;
                    }
                }
            }
        }
        out.println(
                update ? total + " expectation(s) rewritten." : (total - failed) + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
