package com.webptbridge.engine;

import com.webptbridge.store.Database;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine as its own process. Durable before ACK, with the default embedded H2 and its group
 * commit: killed with SIGKILL in the middle of traffic, every message it had acknowledged must be
 * PROCESSED in the database when it is opened again. And SIGTERM stops it cleanly.
 */
class EngineProcessIT {

    @Test
    void everyAcknowledgedMessageSurvivesKillMinus9(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("data/bridge");
        int port = TestEngine.freePort();
        Process engine = start(url, port, dir.resolve("engine.log"));
        List<String> acknowledged = new ArrayList<>();
        try {
            awaitReady(dir.resolve("engine.log"), engine);
            List<Thread> senders = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int connection = c;
                Thread t = new Thread(() -> send(port, connection, acknowledged));
                senders.add(t);
                t.start();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (count(acknowledged) < 200) {
                if (System.nanoTime() > deadline || !engine.isAlive()) {
                    throw new AssertionError(
                            "Only " + count(acknowledged) + " of 200 messages acknowledged within 120 s"
                                    + (engine.isAlive() ? "" : " (the engine exited)") + ": "
                                    + Files.readString(dir.resolve("engine.log")));
                }
                Thread.sleep(1); // polling the count; a spin would take a core from the engine on a 2-core machine
            }
            engine.destroyForcibly(); // SIGKILL while the senders are still sending
            assertThat(engine.waitFor(60, TimeUnit.SECONDS))
                    .as("the engine died within 60 s of SIGKILL")
                    .isTrue();
            for (Thread t : senders) {
                t.join(30_000);
                assertThat(t.isAlive())
                        .as("sender %s stopped within 30 s of the kill", t.getName())
                        .isFalse();
            }
        } finally {
            engine.destroyForcibly();
        }
        assertThat(acknowledged.size()).isGreaterThanOrEqualTo(200);
        try (Database db = Database.open(url, "sa", "", 2);
                Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT status FROM message_journal WHERE control_id = ?")) {
            for (String controlId : List.copyOf(acknowledged)) {
                ps.setString(1, controlId);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next())
                            .as("acknowledged %s is in the journal", controlId)
                            .isTrue();
                    assertThat(rs.getString(1)).as(controlId).isEqualTo("PROCESSED");
                }
            }
        }
    }

    @Test
    void sigtermStopsTheEngineCleanlyAndItStartsAgainOnTheSameDatabase(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("data/bridge");
        for (int run = 1; run <= 2; run++) {
            int port = TestEngine.freePort();
            Path log = dir.resolve("engine-" + run + ".log");
            Process engine = start(url, port, log);
            try {
                awaitReady(log, engine);
                try (MllpClient client = MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(10))) {
                    String ack = new String(
                            client.exchange(Hl7Text.bytes("MSH|^~\\&|WEBPT|TERM|CMD|BILLING|2026||ADT^A08^ADT_A01|T"
                                    + run + "|P|2.5.1\nPID|1||T1^^^W^MR||Term^Test||19800101|F")),
                            StandardCharsets.UTF_8);
                    assertThat(ack).contains("MSA|AA|T" + run);
                }
                engine.destroy(); // SIGTERM
                assertThat(engine.waitFor(30, TimeUnit.SECONDS))
                        .as("stopped within 30 s")
                        .isTrue();
                assertThat(engine.exitValue()).isIn(0, 143);
                assertThat(Files.readString(log))
                        .contains("WebPT Bridge stopping")
                        .contains("WebPT Bridge stopped")
                        .doesNotContain("ERROR");
            } finally {
                engine.destroyForcibly();
            }
        }
        assertThat(Files.exists(dir.resolve("data/bridge.trace.db")))
                .as("H2 writes no trace file")
                .isFalse();
    }

    static Process start(String url, int port, Path log) throws IOException {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dlogback.configurationFile=logback.xml", // the shipped logging, not the tests'
                        // logback-test.xml
                        "-Dbridge.db.url=" + url,
                        "-Dbridge.mllp.host=127.0.0.1",
                        "-Dbridge.mllp.port=" + port,
                        "-Dbridge.http.host=127.0.0.1",
                        "-Dbridge.http.port=0",
                        "com.webptbridge.cli.BridgeCommand",
                        "run")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void send(int port, int connection, List<String> acknowledged) {
        try (MllpClient client = MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(10))) {
            for (int i = 0; ; i++) {
                String controlId = "K" + connection + "-" + i;
                String ack = new String(
                        client.exchange(Hl7Text.bytes("MSH|^~\\&|WEBPT|KILL|CMD|BILLING|2026||ADT^A08^ADT_A01|"
                                + controlId + "|P|2.5.1\nPID|1||K" + connection + "-" + (i % 10)
                                + "^^^W^MR||Kill^Test||19800101|F")),
                        StandardCharsets.UTF_8);
                if (ack.contains("\rMSA|AA|" + controlId)) {
                    synchronized (acknowledged) {
                        acknowledged.add(controlId);
                    }
                }
            }
        } catch (IOException e) {
            // the engine was killed: what was acknowledged before is what the test checks
        }
    }

    private static int count(List<String> list) {
        synchronized (list) {
            return list.size();
        }
    }

    static void awaitReady(Path log, Process engine) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(BridgeEngine.READY)) {
                return;
            }
            if (!engine.isAlive()) {
                throw new IllegalStateException("The engine exited: " + Files.readString(log));
            }
            Thread.sleep(100); // polling for readiness, not timing anything
        }
        throw new AssertionError("The engine was not ready within 60 s: " + Files.readString(log));
    }
}
