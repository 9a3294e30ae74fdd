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

    /**
     * Why the replay cannot be trusted against this engine, or null: the API must be the engine's
     * behind --port (else patients are read from another engine), and that engine must not hold the
     * samples' control IDs yet (the samples build on a fresh database, and a resend is a duplicate).
     */
    private String refusal(ApiClient api, List<Sample> samples) throws ApiClient.CliFailure {
        ApiClient.Answer interfaces = api.call("GET", "/api/interfaces", null);
        if (!interfaces.ok()) {
            return interfaces.error();
        }
        List<Integer> ports = new ArrayList<>();
        interfaces.body().forEach(i -> ports.add(i.get("port").asInt()));
        if (!ports.contains(port)) {
            return "The engine at --url " + apiOptions.url + " listens for MLLP on " + ports + ", not on --port " + port
                    + ": point --url at the API of the engine you replay to.";
        }
        List<String> held = new ArrayList<>();
        for (Sample sample : samples) {
            String controlId = sample.controlId();
            ApiClient.Answer found = api.call(
                    "GET",
                    "/api/messages?limit=1&controlId="
                            + java.net.URLEncoder.encode(controlId, java.nio.charset.StandardCharsets.UTF_8),
                    null);
            if (found.ok() && found.body().size() > 0) {
                held.add(controlId + " (" + sample.name() + ")");
            }
        }
        if (!held.isEmpty() && !update) {
            return "The engine already holds " + held.size() + " of the samples' control IDs, e.g. " + held.get(0)
                    + ": the samples expect a fresh database. Start the engine on an empty one (e.g."
                    + " -Dbridge.db.url=jdbc:h2:file:/tmp/replay/bridge) and replay again.";
        }
        return null;
    }

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
        List<Sample> samples = new ArrayList<>();
        for (Path dir : dirs) {
            samples.addAll(Sample.in(dir));
        }
        if (samples.stream().anyMatch(Sample::needsApi)) {
            String refusal = refusal(api, samples);
            if (refusal != null) {
                spec.commandLine().getErr().println(refusal);
                return 2;
            }
        }
        int failed = 0;
        int total = 0;
        try (MllpClient client = MllpClient.connect(host, port, Duration.ofSeconds(timeoutSeconds), tls.client())) {
            for (Sample sample : samples) {
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
        out.println(
                update ? total + " expectation(s) rewritten." : (total - failed) + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
