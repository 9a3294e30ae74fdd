package com.webptbridge.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.webptbridge.tester.LoadGenerator;
import com.webptbridge.tester.ResendingSender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code bridge load}: realistic unique traffic, throughput and ACK latency percentiles. */
@Command(name = "load", description = "Generate WebPT-like load over MLLP; report throughput, ACK latency and codes.")
final class LoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "localhost", description = "The MLLP listener's host")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "2575", description = "The MLLP listener's port")
    int port;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "1", description = "Connections sending at once")
    int connections;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "1000", description = "Messages to send in all")
    int messages;

    @Option(
            names = "--rate",
            defaultValue = "0",
            description = "Messages per second over all connections (0: as fast as answered)")
    double rate;

    @Option(names = "--mix", defaultValue = "adt=30,dft=70", description = "Share of ADT and DFT messages")
    String mix;

    @Option(
            names = "--retries",
            paramLabel = "N",
            defaultValue = "0",
            description = "When a connection drops before the ACK, connect again and resend that message, up to N"
                    + " times (as WebPT does; 0: count it and the connection's rest as failed)")
    int resends;

    @Option(names = "--timeout", defaultValue = "30", description = "Seconds to wait for an ACK")
    int timeoutSeconds;

    @Option(names = "--json", description = "Also write the figures to this file")
    Path json;

    @picocli.CommandLine.Mixin
    TlsOptions tls;

    @Option(
            names = "--resend",
            paramLabel = "FILE",
            description = "Behave like a real sender across engine restarts: send a message again (on a new"
                    + " connection) until it is answered, for up to 5 minutes, and append each answered"
                    + " control ID with its ACK code to FILE (bench/crash.sh)")
    Path resend;

    @Option(
            names = "--resend-rejected",
            description = "With --resend: also send a message again when it is answered AR 207 (the engine's"
                    + " \"database unavailable, send it later\"), after 200 ms, until it is answered otherwise;"
                    + " the ACK codes count every answer (bench/pg-restart.sh)")
    boolean resendRejected;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int adt;
        try {
            adt = adtPercent(mix);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        if (resends < 0) {
            spec.commandLine().getErr().println("--retries must be 0 or more");
            return 2;
        }
        if (connections < 1 || messages < 1) {
            spec.commandLine().getErr().println("--connections and --messages must be at least 1");
            return 2;
        }
        LoadGenerator.Plan plan = new LoadGenerator.Plan(
                host,
                port,
                connections,
                messages,
                rate,
                adt,
                Duration.ofSeconds(timeoutSeconds),
                tls.client(),
                resends);
        if (resendRejected && resend == null) {
            spec.commandLine().getErr().println("--resend-rejected needs --resend FILE");
            return 2;
        }
        if (resend != null) {
            ResendingSender.Report r =
                    ResendingSender.run(plan, Duration.ofMinutes(5), resendRejected, resend, line -> spec.commandLine()
                            .getErr()
                            .println(line));
            out.printf(
                    "messages=%d answered=%d resends=%d gave-up=%d in %.2f s; ACK codes %s%n",
                    r.sent(), r.answered(), r.resends(), r.gaveUp(), r.seconds(), r.ackCodes());
            if (resendRejected) {
                out.printf("answered AR 207 and sent again: %d%n", r.rejectedAndResent());
            }
            return r.gaveUp() == 0 ? 0 : 1;
        }
        LoadGenerator.Report r =
                LoadGenerator.run(plan, line -> spec.commandLine().getErr().println(line));
        out.printf(
                "connections=%d messages=%d answered=%d failed=%d resent=%d in %.2f s%n",
                r.connections(), r.sent(), r.answered(), r.failures(), r.resent(), r.seconds());
        out.printf(
                "throughput %.0f msg/s; ACK latency ms p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n",
                r.throughput(), r.p50Ms(), r.p95Ms(), r.p99Ms(), r.maxMs());
        out.println("ACK codes " + r.ackCodes());
        if (json != null) {
            ApiClient.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), r);
        }
        return r.failures() == 0 ? 0 : 1;
    }

    /** "adt=30,dft=70" as the ADT share in percent. */
    static int adtPercent(String mix) {
        int adt = 0;
        int dft = 0;
        for (String part : mix.split(",")) {
            String[] kv = part.trim().split("=");
            if (kv.length != 2 || !kv[1].matches("\\d+")) {
                throw new IllegalArgumentException("--mix takes adt=N,dft=M, was '" + mix + "'");
            }
            switch (kv[0].trim().toLowerCase()) {
                case "adt" -> adt = Integer.parseInt(kv[1]);
                case "dft" -> dft = Integer.parseInt(kv[1]);
                default -> throw new IllegalArgumentException("--mix knows adt and dft, not '" + kv[0] + "'");
            }
        }
        if (adt + dft == 0) {
            throw new IllegalArgumentException("--mix needs a share above 0");
        }
        return Math.round(100f * adt / (adt + dft));
    }
}
