package com.webptbridge.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.TestDatabase;
import com.webptbridge.support.TestEngine;
import com.webptbridge.support.Wait;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Acceptance 6 of issue 22: the embedded database's file system fills under traffic. While it is
 * full every answer is AR 207 (or AA for a message that really was stored), /health/ready and
 * bridge_store_writable say so; once space is freed the engine takes traffic again by itself, no
 * restart; every message the sender got AA for is in the journal exactly once after the AR'd ones
 * were sent again, and the database opens cleanly after a restart. The data directory is a 40 MB
 * tmpfs this test mounts (root only; skipped on PostgreSQL, whose disk is not the engine's).
 */
class DiskFullIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static byte[] a04(String control) {
        // A long name makes every message's rows a few hundred bytes: the store grows steadily.
        return Hl7Text.bytes("MSH|^~\\&|WEBPT|DISKFULL|CMD|BILLING|20261120||ADT^A04^ADT_A01|" + control
                + "|P|2.5.1\nPID|1||F" + control + "^^^WEBPT^MR||Fullname" + "x".repeat(40) + "^Sam||19700101|M\n");
    }

    /** "AA", "AR 207", ... : the ACK code and, for a NAK, its first error code. */
    private static String answer(MllpClient c, String control) throws Exception {
        var ack = Hl7Text.parseAck(new String(c.exchange(a04(control)), StandardCharsets.UTF_8));
        String code = Hl7Text.get(ack, "/MSA-1");
        if (code.equals("AA")) {
            return code;
        }
        List<String> errors = Hl7Text.errors(ack);
        return code + " " + (errors.isEmpty() ? "-" : errors.get(0).replaceAll("@.*", ""));
    }

    @Test
    void aFullDiskIsAnsweredAr207AndTheEngineRecoversByItselfOnceSpaceIsFree() throws Exception {
        assumeFalse(TestDatabase.postgres(), "the disk that fills here is the embedded database's");
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Path mnt = Files.createDirectories(dir.resolve("mnt"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", mnt.toString()) == 0, "mount -t tmpfs");
        try {
            fillAndRecover(mnt);
        } finally {
            run("umount", "-l", mnt.toString());
        }
    }

    private void fillAndRecover(Path mnt) throws Exception {
        String url = "jdbc:h2:file:" + mnt.resolve("data/bridge");
        Map<String, String> settings = Map.of("bridge.db.url", url, "bridge.db.user", "sa");
        Map<String, String> answers = new ConcurrentHashMap<>(); // control id -> last answer
        Set<String> acked = ConcurrentHashMap.newKeySet();
        Set<String> unexpected = ConcurrentHashMap.newKeySet();
        List<String> whileFull = new CopyOnWriteArrayList<>();
        AtomicBoolean full = new AtomicBoolean();
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        Path filler = mnt.resolve("filler");
        try (TestEngine engine = TestEngine.start(settings)) {
            ExecutorService senders = Executors.newFixedThreadPool(3);
            List<Future<?>> load = new ArrayList<>();
            try {
                for (int s = 0; s < 2; s++) {
                    int sender = s;
                    load.add(senders.submit(() -> {
                        try (MllpClient c = engine.connect()) {
                            while (sending.get()) {
                                String control = "DF-" + sender + "-" + sent.incrementAndGet();
                                String a = answer(c, control);
                                answers.put(control, a);
                                if (a.equals("AA")) {
                                    acked.add(control);
                                } else if (!a.equals("AR 207")) {
                                    unexpected.add(control + "=" + a);
                                }
                                if (full.get()) {
                                    whileFull.add(a);
                                }
                            }
                        }
                        return null;
                    }));
                }
                Wait.until(
                        "traffic acknowledged before the disk fills", Duration.ofSeconds(20), () -> acked.size() >= 20);

                // Fill the file system, and keep taking every byte the store frees while "full".
                full.set(true);
                Future<?> filling = senders.submit(() -> fill(filler, full));
                Wait.until("AR 207 and /health/ready DOWN on a full disk", Duration.ofSeconds(30), () -> {
                    assertThat(load).noneMatch(Future::isDone);
                    return whileFull.contains("AR 207") && down(engine);
                });
                // Still full, and it stays so: the last answers are all "send it again later".
                int seen = whileFull.size();
                Wait.until("20 answers more, the last 10 of them AR 207", Duration.ofSeconds(20), () -> {
                    int n = whileFull.size();
                    return n >= seen + 20
                            && whileFull.subList(n - 10, n).stream().allMatch("AR 207"::equals);
                });
                // A probe may find room the store freed itself and let a write through: the store is
                // seen not writable, said so by /health/ready and the gauge at once, most of the time.
                Wait.until(
                        "/health/ready's database DOWN with a reason, and bridge_store_writable 0",
                        Duration.ofSeconds(20),
                        () -> notWritable(engine));
                assertThat(engine.metric("bridge_store_write_failures_total")).isPositive();
                full.set(false);
                filling.get(10, TimeUnit.SECONDS);
                assertThat(whileFull)
                        .as("while full: AR 207, or AA for what was stored")
                        .allMatch(a -> a.equals("AR 207") || a.equals("AA"));

                int ackedWhenFreed = acked.size();
                Files.delete(filler);
                long freed = System.nanoTime();
                try {
                    Wait.until(
                            "an AA after space was freed", Duration.ofSeconds(30), () -> acked.size() > ackedWhenFreed);
                } catch (AssertionError stuck) {
                    dumpThreads(); // where the engine waits, should it not recover
                    throw stuck;
                }
                long firstAaMillis = (System.nanoTime() - freed) / 1_000_000;
                Wait.until(
                        "AA for the traffic that follows",
                        Duration.ofSeconds(30),
                        () -> acked.size() > ackedWhenFreed + 20);
                Wait.until("/health/ready UP again", Duration.ofSeconds(30), () -> !down(engine));
                System.out.println("DiskFullIT: space freed -> AA again within " + firstAaMillis + " ms");
                assertThat(engine.metric("bridge_store_writable")).isEqualTo(1);

                sending.set(false);
                for (Future<?> f : load) {
                    f.get(30, TimeUnit.SECONDS);
                }
            } finally {
                sending.set(false);
                senders.shutdownNow();
            }
            assertThat(unexpected).as("answers other than AA and AR 207").isEmpty();

            // WebPT sends every AR'd message again: each is AA now (applied, or its duplicate).
            try (MllpClient c = engine.connect()) {
                for (Map.Entry<String, String> e : answers.entrySet()) {
                    if (!e.getValue().equals("AA")) {
                        assertThat(answer(c, e.getKey()))
                                .as("resend of " + e.getKey())
                                .isEqualTo("AA");
                        acked.add(e.getKey());
                    }
                }
            }
        }
        assertThat(acked).hasSize(answers.size());

        // Every message is in the journal applied exactly once: nothing lost, nothing doubled.
        Map<String, Integer> processed = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT control_id, COUNT(*) FROM message_journal WHERE status = 'PROCESSED' GROUP BY control_id")) {
            while (rs.next()) {
                processed.put(rs.getString(1), rs.getInt(2));
            }
        }
        assertThat(processed.keySet()).containsExactlyInAnyOrderElementsOf(acked);
        assertThat(processed.values()).allMatch(n -> n == 1);

        // The database opens cleanly after a restart, and takes traffic.
        try (TestEngine again = TestEngine.start(settings);
                MllpClient c = again.connect()) {
            assertThat(answer(c, "DF-AFTER-RESTART")).isEqualTo("AA");
            assertThat(again.get("/health/ready", null).statusCode()).isEqualTo(200);
        }
    }

    private static void dumpThreads() {
        Thread.getAllStackTraces().forEach((t, stack) -> {
            System.out.println("THREAD " + t.getName() + " " + t.getState());
            for (StackTraceElement e : stack) {
                System.out.println("    at " + e);
            }
        });
    }

    /** Writes the filler until the file system is full, then takes what frees up, while {@code full}. */
    private static Void fill(Path filler, AtomicBoolean full) throws IOException, InterruptedException {
        try (OutputStream out = Files.newOutputStream(filler)) {
            byte[] chunk = new byte[1 << 20];
            int size = chunk.length;
            while (full.get()) {
                try {
                    out.write(chunk, 0, size);
                    out.flush();
                } catch (IOException enospc) {
                    size = 4096; // full: from now on take the store's freed pages one by one
                    Thread.sleep(10);
                }
            }
        }
        return null;
    }

    private static boolean notWritable(TestEngine engine) {
        try {
            JsonNode ready = JSON.readTree(engine.get("/health/ready", null).body());
            return ready.at("/checks/database").asText().equals("DOWN")
                    && ready.at("/reasons/database").asText().startsWith("not writable since")
                    && engine.metric("bridge_store_writable") == 0;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean down(TestEngine engine) {
        try {
            return engine.get("/health/ready", null).statusCode() == 503;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
