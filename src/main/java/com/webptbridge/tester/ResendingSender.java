package com.webptbridge.tester;

import com.webptbridge.transport.MllpClient;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
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
 * The load generator's messages sent the way a real MLLP sender behaves when the engine goes away:
 * a message whose ACK did not arrive (connection reset, engine killed, timeout) is sent again, on a
 * new connection, until it is answered or {@code giveUp} has passed without an engine to talk to.
 * Every answered message is written to a file as "controlId ackCode", so a crash test can check
 * afterwards that each acknowledged message was applied (bench/crash.sh). With {@code resendRejected}
 * an answer of AR 207 (the engine's "the database is unavailable, send it later") is not taken as
 * final either: the message goes again after a short pause, as a sender that resends whatever was
 * not accepted does (bench/pg-restart.sh); the file then holds the answer that ended it.
 */
public final class ResendingSender {

    /**
     * What happened: answered and given-up messages, how many sends were repeats, how many answers
     * were AR 207 that the message was sent again after, and every answer's ACK code (AR 207 ones too).
     */
    public record Report(
            int sent,
            int answered,
            int resends,
            int gaveUp,
            int rejectedAndResent,
            double seconds,
            Map<String, Integer> ackCodes) {}

    /** How long a message answered AR 207 waits before it goes again. */
    private static final long REJECTED_PAUSE_MS = 200;

    private ResendingSender() {}

    public static Report run(LoadGenerator.Plan plan, Duration giveUp, Path answers, Consumer<String> progress)
            throws IOException, InterruptedException {
        return run(plan, giveUp, false, answers, progress);
    }

    public static Report run(
            LoadGenerator.Plan plan, Duration giveUp, boolean resendRejected, Path answers, Consumer<String> progress)
            throws IOException, InterruptedException {
        String runId = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger resends = new AtomicInteger();
        AtomicInteger gaveUp = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        Map<String, Integer> codes = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(
                answers, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            ExecutorService pool = Executors.newFixedThreadPool(plan.connections());
            List<Future<?>> results = new ArrayList<>();
            for (int c = 0; c < plan.connections(); c++) {
                int connection = c;
                int share = plan.messages() / plan.connections() + (c < plan.messages() % plan.connections() ? 1 : 0);
                results.add(pool.submit(() -> {
                    Counts counts = new Counts(answered, resends, gaveUp, rejected, codes);
                    connection(plan, giveUp, resendRejected, runId, connection, share, start, out, counts);
                    return null;
                }));
            }
            for (Future<?> f : results) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    progress.accept("sender thread failed: " + e.getCause());
                }
            }
            pool.shutdownNow();
        }
        return new Report(
                plan.messages(),
                answered.get(),
                resends.get(),
                gaveUp.get(),
                rejected.get(),
                (System.nanoTime() - start) / 1e9,
                new TreeMap<>(codes));
    }

    /** The run's tallies, shared by the connections' threads. */
    private record Counts(
            AtomicInteger answered,
            AtomicInteger resends,
            AtomicInteger gaveUp,
            AtomicInteger rejected,
            Map<String, Integer> codes) {}

    /** AR with an ERR of code 207: the engine could not store the message now; the same message later can succeed. */
    static boolean sendLater(AckReading ack) {
        return ack.ackCode().equals("AR") && ack.errors().stream().anyMatch(e -> e.startsWith("207@"));
    }

    private static void connection(
            LoadGenerator.Plan plan,
            Duration giveUp,
            boolean resendRejected,
            String runId,
            int connection,
            int count,
            long start,
            PrintWriter out,
            Counts counts)
            throws InterruptedException {
        double interval = plan.ratePerSecond() > 0 ? plan.connections() / plan.ratePerSecond() * 1e9 : 0;
        MllpClient client = null;
        try {
            for (int i = 0; i < count; i++) {
                if (interval > 0) {
                    long wait = start + (long) (i * interval) - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                boolean adt = Math.floorMod((connection * 31 + i) * 7, 100) < plan.adtPercent();
                String controlId = runId + "-" + connection + "-" + i;
                byte[] message = (adt
                                ? LoadGenerator.adt(runId, connection, i)
                                : LoadGenerator.dft(runId, connection, i))
                        .getBytes(StandardCharsets.UTF_8);
                long deadline = System.nanoTime() + giveUp.toNanos();
                boolean sentBefore = false;
                while (true) {
                    try {
                        if (client == null) {
                            client = MllpClient.connect(plan.host(), plan.port(), plan.timeout());
                        }
                        if (sentBefore) {
                            counts.resends().incrementAndGet();
                        }
                        sentBefore = true;
                        AckReading ack = AckReading.read(new String(client.exchange(message), StandardCharsets.UTF_8));
                        String code = ack.ackCode();
                        counts.codes().merge(code, 1, Integer::sum);
                        if (resendRejected && sendLater(ack) && System.nanoTime() < deadline) {
                            counts.rejected().incrementAndGet();
                            Thread.sleep(REJECTED_PAUSE_MS);
                            continue;
                        }
                        counts.answered().incrementAndGet();
                        synchronized (out) {
                            out.println(controlId + " " + code);
                            out.flush();
                        }
                        break;
                    } catch (IOException e) {
                        close(client);
                        client = null;
                        if (System.nanoTime() > deadline) {
                            counts.gaveUp().incrementAndGet();
                            break;
                        }
                        Thread.sleep(100); // the engine is restarting: try again shortly
                    }
                }
            }
        } finally {
            close(client);
        }
    }

    private static void close(MllpClient client) {
        if (client != null) {
            try {
                client.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
