package com.webptbridge.tester;

import com.webptbridge.transport.MllpClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends WebPT-like traffic over several MLLP connections and measures each ACK's round trip. Every
 * message is unique (control IDs, patients, FT1 transaction IDs carry a run id) and valid against
 * the seeded reference data (payer 1042, facility 7, provider 12, CPT 97110/97140), so a correct
 * engine answers AA to all of it. Each connection waits for an ACK before its next message, as MLLP
 * senders do; with a rate, sends are paced to it.
 */
public final class LoadGenerator {

    /** What to send: where, over how many connections, how many messages, at what rate, which mix. */
    public record Plan(
            String host,
            int port,
            int connections,
            int messages,
            double ratePerSecond,
            int adtPercent,
            Duration timeout,
            javax.net.ssl.SSLContext tls,
            int resends) {
        /** A plan that gives up on a connection that drops (no resend). */
        public Plan(
                String host,
                int port,
                int connections,
                int messages,
                double ratePerSecond,
                int adtPercent,
                Duration timeout,
                javax.net.ssl.SSLContext tls) {
            this(host, port, connections, messages, ratePerSecond, adtPercent, timeout, tls, 0);
        }

        /** A plan over plain MLLP. */
        public Plan(
                String host,
                int port,
                int connections,
                int messages,
                double ratePerSecond,
                int adtPercent,
                Duration timeout) {
            this(host, port, connections, messages, ratePerSecond, adtPercent, timeout, null, 0);
        }
    }

    /** What happened: throughput, ACK latency percentiles (ms), ACK codes, and failures (timeouts, drops). */
    public record Report(
            int connections,
            int sent,
            int answered,
            double seconds,
            double throughput,
            double p50Ms,
            double p95Ms,
            double p99Ms,
            double maxMs,
            Map<String, Integer> ackCodes,
            int failures,
            int resent) {}

    private LoadGenerator() {}

    public static Report run(Plan plan, Consumer<String> progress) throws InterruptedException {
        String runId = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger resent = new AtomicInteger();
        Map<String, Integer> codes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(plan.connections());
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < plan.connections(); c++) {
            int connection = c;
            int share = plan.messages() / plan.connections() + (c < plan.messages() % plan.connections() ? 1 : 0);
            results.add(pool.submit(
                    () -> connection(plan, runId, connection, share, start, answered, failures, resent, codes)));
        }
        Thread reporter = new Thread(
                () -> {
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            Thread.sleep(1000);
                            double s = (System.nanoTime() - start) / 1e9;
                            progress.accept(String.format(
                                    "  %d/%d answered, %.0f msg/s, %d failed",
                                    answered.get(), plan.messages(), answered.get() / s, failures.get()));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "load-progress");
        reporter.setDaemon(true);
        reporter.start();
        List<long[]> latencies = new ArrayList<>();
        for (Future<long[]> f : results) {
            try {
                latencies.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                failures.incrementAndGet();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        reporter.interrupt();
        pool.shutdownNow();
        long[] all = latencies.stream()
                .flatMapToLong(Arrays::stream)
                .filter(v -> v >= 0)
                .sorted()
                .toArray();
        return new Report(
                plan.connections(),
                plan.messages(),
                all.length,
                seconds,
                all.length / seconds,
                percentile(all, 50),
                percentile(all, 95),
                percentile(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                new TreeMap<>(codes),
                failures.get(),
                resent.get());
    }

    private static long[] connection(
            Plan plan,
            String runId,
            int connection,
            int count,
            long start,
            AtomicInteger answered,
            AtomicInteger failures,
            AtomicInteger resent,
            Map<String, Integer> codes)
            throws Exception {
        long[] latency = new long[count];
        Arrays.fill(latency, -1);
        double interval = plan.ratePerSecond() > 0 ? plan.connections() / plan.ratePerSecond() * 1e9 : 0;
        MllpClient client = null;
        try {
            for (int i = 0; i < count; i++) {
                if (interval > 0) {
                    long due = start + (long) (i * interval);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                boolean adt = Math.floorMod((connection * 31 + i) * 7, 100) < plan.adtPercent();
                byte[] message =
                        (adt ? adt(runId, connection, i) : dft(runId, connection, i)).getBytes(StandardCharsets.UTF_8);
                long sent = System.nanoTime();
                for (int attempt = 0; ; attempt++) {
                    try {
                        if (client == null) {
                            client = MllpClient.connect(plan.host(), plan.port(), plan.timeout(), plan.tls());
                        }
                        String ack = new String(client.exchange(message), StandardCharsets.UTF_8);
                        latency[i] = System.nanoTime() - sent;
                        codes.merge(AckReading.read(ack).ackCode(), 1, Integer::sum);
                        answered.incrementAndGet();
                        break;
                    } catch (java.io.IOException e) {
                        close(client);
                        client = null;
                        if (attempt >= plan.resends()) {
                            // the connection is gone: what it had left to send is counted as failed
                            failures.addAndGet(count - i);
                            return latency;
                        }
                        // As WebPT does: connect again (a load balancer picks an instance) and resend
                        // the message that had no answer.
                        resent.incrementAndGet();
                        Thread.sleep(Math.min(1000, 100L << Math.min(attempt, 4)));
                    }
                }
            }
        } finally {
            close(client);
        }
        return latency;
    }

    private static void close(MllpClient client) {
        if (client != null) {
            try {
                client.close();
            } catch (java.io.IOException e) {
                // already gone
            }
        }
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    /** Three messages a patient, so each patient gets updates and visits. */
    private static String patient(String runId, int connection, int i) {
        return "LD" + runId + "-" + connection + "-" + i / 3;
    }

    static String adt(String runId, int connection, int i) {
        return "MSH|^~\\&|WEBPT|LOADGEN|CMD|BILLING|20261127120000||ADT^A08^ADT_A01|" + runId + "-" + connection + "-"
                + i
                + "|P|2.5.1\rEVN|A08|20261127120000\rPID|1||" + patient(runId, connection, i)
                + "^^^WEBPT^MR||Load^Test^"
                + i + "||19800101|F|||1 Main St^^Springfield^IL^62704||^PRN^PH^^1^217^5550100\rPV1|1|O\r";
    }

    static String dft(String runId, int connection, int i) {
        String id = runId + "-" + connection + "-" + i;
        String performer = "12^Reyes^Maria~1234567893^Reyes^Maria^^^^^^^^^^NPI";
        return "MSH|^~\\&|WEBPT|LOADGEN|CMD|BILLING|20261127120000||DFT^P03^DFT_P03|" + id + "|P|2.5.1\r"
                + "EVN|P03|20261127120000\r"
                + "PID|1||" + patient(runId, connection, i) + "^^^WEBPT^MR||Load^Test||19800101|F\r"
                + "PV1|1|O|^^^7|||||1987654328^Patel^Anita^^^^^^^^^^NPI|||||||||||V" + id + "\r"
                + "FT1|1|" + id + "-1||20261127||CG|97110|||2|90.00|||||^^^7|||M54.50|" + performer + "|||||97110|GP\r"
                + "FT1|2|" + id + "-2||20261127||CG|97140|||1|42.00|||||^^^7|||M54.50|" + performer + "|||||97140|GP\r"
                + "DG1|1||M54.50^Low back pain^I10\r"
                + "IN1|1|PLAN|1042|BCBS||||G1|Acme|||20260101|20261231|||Load^Test|SEL|19800101||||||||||||||||||M" + id
                + "\r";
    }
}
