package com.webptbridge.engine;

import com.webptbridge.store.Database;
import com.webptbridge.support.Hl7Builder;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling restart loses nothing: the engine, its own process, gets SIGTERM while 13 connections
 * are busy. Every message it wrote PROCESSED must have had its ACK delivered on its connection
 * (none PROCESSED without an ACK, none left RECEIVED), and once the engine is started again, the
 * sender's resend of each unacknowledged message is applied exactly once (AA) while a resend of an
 * acknowledged one is recognised as a duplicate.
 */
class RollingStopIT {

    private static final int CONNECTIONS = 13;

    @Test
    void sigtermMidTrafficAnswersEveryMessageItAppliedAndTheResendsApplyTheRestOnce(@TempDir Path dir)
            throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("data/bridge");
        int port = TestEngine.freePort();
        Path log = dir.resolve("engine.log");
        Process engine = EngineProcessIT.start(url, port, log);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, String> unanswered = new ConcurrentHashMap<>(); // control ID -> the message sent
        try {
            EngineProcessIT.awaitReady(log, engine);
            List<Thread> senders = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                int connection = c;
                Thread t = new Thread(() -> send(port, connection, acknowledged, unanswered));
                senders.add(t);
                t.start();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (acknowledged.size() < 300) {
                if (System.nanoTime() > deadline || !engine.isAlive()) {
                    throw new AssertionError(
                            "Only " + acknowledged.size() + " of 300 messages acknowledged: " + Files.readString(log));
                }
                Thread.sleep(1); // polling the count
            }
            engine.destroy(); // SIGTERM while all 13 connections are sending
            assertThat(engine.waitFor(60, TimeUnit.SECONDS))
                    .as("stopped within 60 s of SIGTERM")
                    .isTrue();
            for (Thread t : senders) {
                t.join(30_000);
                assertThat(t.isAlive()).as("sender stopped").isFalse();
            }
            assertThat(Files.readString(log)).contains("WebPT Bridge stopped").doesNotContain("still busy after");
        } finally {
            engine.destroyForcibly();
        }

        Map<String, String> status = new HashMap<>();
        try (Database db = Database.open(url, "sa", "", 2);
                Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT control_id, status FROM message_journal WHERE sending_facility = 'ROLL'");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                assertThat(status.put(rs.getString(1), rs.getString(2)))
                        .as("one journal entry per control ID")
                        .isNull();
            }
        }
        for (Map.Entry<String, String> e : status.entrySet()) {
            assertThat(e.getValue())
                    .as("%s is finished (PROCESSED), not left RECEIVED", e.getKey())
                    .isEqualTo("PROCESSED");
            assertThat(acknowledged)
                    .as("%s was written PROCESSED, so its sender must have had its ACK", e.getKey())
                    .contains(e.getKey());
        }
        assertThat(status.keySet()).containsAll(acknowledged);

        // The sender resends what had no answer (and, for good measure, a few acknowledged messages).
        Path log2 = dir.resolve("engine-2.log");
        Process again = EngineProcessIT.start(url, port, log2);
        try {
            EngineProcessIT.awaitReady(log2, again);
            try (MllpClient client = MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(10))) {
                for (Map.Entry<String, String> e : unanswered.entrySet()) {
                    String ack = new String(client.exchange(Hl7Text.bytes(e.getValue())), StandardCharsets.UTF_8);
                    assertThat(ack).contains("MSA|AA|" + e.getKey());
                }
                for (String controlId : acknowledged.stream().limit(5).toList()) {
                    String ack = new String(client.exchange(Hl7Text.bytes(message(controlId))), StandardCharsets.UTF_8);
                    assertThat(ack).contains("MSA|AA|" + controlId);
                }
            }
        } finally {
            again.destroy();
            again.waitFor(30, TimeUnit.SECONDS);
            again.destroyForcibly();
        }
        try (Database db = Database.open(url, "sa", "", 2);
                Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT control_id, status, COUNT(*) FROM message_journal"
                        + " WHERE sending_facility = 'ROLL' GROUP BY control_id, status");
                ResultSet rs = ps.executeQuery()) {
            Map<String, Integer> processed = new HashMap<>();
            while (rs.next()) {
                if (rs.getString(2).equals("PROCESSED")) {
                    processed.put(rs.getString(1), rs.getInt(3));
                } else {
                    assertThat(rs.getString(2)).as(rs.getString(1)).isEqualTo("DUPLICATE");
                }
            }
            Set<String> sent = new java.util.HashSet<>(acknowledged);
            sent.addAll(unanswered.keySet());
            for (String controlId : sent) {
                assertThat(processed.get(controlId))
                        .as("%s applied exactly once", controlId)
                        .isEqualTo(1);
            }
        }
    }

    private static String message(String controlId) {
        return Hl7Builder.adt("A08")
                .facility("ROLL")
                .controlId(controlId)
                .field("PID", 3, controlId + "^^^W^MR")
                .field("PID", 5, "Roll^Test")
                .field("PID", 7, "19800101")
                .text();
    }

    private static void send(int port, int connection, Set<String> acknowledged, Map<String, String> unanswered) {
        try (MllpClient client = MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(30))) {
            for (int i = 0; ; i++) {
                String controlId = "R" + connection + "-" + i;
                String text = message(controlId);
                unanswered.put(controlId, text);
                String ack = new String(client.exchange(Hl7Text.bytes(text)), StandardCharsets.UTF_8);
                assertThat(ack).contains("\rMSA|AA|" + controlId);
                unanswered.remove(controlId);
                acknowledged.add(controlId);
            }
        } catch (IOException e) {
            // the engine closed the connection: what had no answer stays in "unanswered"
        }
    }
}
