package com.webptbridge.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.engine.BridgeEngine;
import com.webptbridge.store.Database;
import com.webptbridge.support.Hl7Builder;
import com.webptbridge.support.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 6 of issue 19, the hard way: the engine is its own process, killed with SIGKILL in the
 * middle of a patient load; started again on the same database, the same load finishes the rest,
 * and every patient is in the billing store once, applied by one journal entry.
 */
class PatientLoadKillIT {

    private static final String PASSWORD = "kill-test-admin-pw";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aLoadKilledHalfwayAndRunAgainLoadsEveryPatientOnce(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("data/bridge");
        int patients = 1500;
        StringBuilder file = new StringBuilder("FHS|^~\\&|WEBPT|CLINIC\nBHS|^~\\&|WEBPT|CLINIC\n");
        for (int i = 1; i <= patients; i++) {
            file.append(Hl7Builder.adt("A28")
                    .controlId("KILL-C" + i)
                    .patient("KILL-" + i)
                    .text()
                    .replace('\r', '\n'));
        }
        byte[] export = file.append("BTS|")
                .append(patients)
                .append("\nFTS|1\n")
                .toString()
                .getBytes(StandardCharsets.UTF_8);

        int http1 = TestEngine.freePort();
        Process first = start(url, http1, dir.resolve("engine-1.log"));
        int doneAtKill;
        try {
            awaitReady(dir.resolve("engine-1.log"), first);
            String id = post(http1, export).get("id").asText();
            JsonNode p = progress(http1, id);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (p.get("done").asInt() < 100) {
                assertThat(System.nanoTime())
                        .as("100 patients loaded within 120 s")
                        .isLessThan(deadline);
                Thread.sleep(20); // polling the load's progress
                p = progress(http1, id);
            }
            first.destroyForcibly(); // SIGKILL in the middle of the load
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            doneAtKill = p.get("done").asInt();
        } finally {
            first.destroyForcibly();
        }
        assertThat(doneAtKill).isLessThan(patients);

        int http2 = TestEngine.freePort();
        Process again = start(url, http2, dir.resolve("engine-2.log"));
        try {
            awaitReady(dir.resolve("engine-2.log"), again);
            String id = post(http2, export).get("id").asText();
            JsonNode p = progress(http2, id);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (p.get("state").asText().equals("RUNNING")) {
                assertThat(System.nanoTime()).as("the load ends within 180 s").isLessThan(deadline);
                Thread.sleep(100); // polling the load's progress
                p = progress(http2, id);
            }
            assertThat(p.get("state").asText()).isEqualTo("DONE");
            assertThat(p.get("rejected").asInt()).isZero();
            assertThat(p.get("created").asInt()
                            + p.get("updated").asInt()
                            + p.get("unchanged").asInt())
                    .isEqualTo(patients);
            assertThat(p.get("unchanged").asInt())
                    .as("what the first run loaded")
                    .isGreaterThan(0);
            again.destroy();
            assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            again.destroyForcibly();
        }

        try (Database db = Database.open(url, "sa", "", 2);
                Connection c = db.connection();
                Statement s = c.createStatement()) {
            assertThat(one(s, "SELECT COUNT(*) FROM patient WHERE patient_id LIKE 'KILL-%'"))
                    .isEqualTo(patients);
            assertThat(one(
                            s,
                            "SELECT COUNT(*) FROM message_journal WHERE status = 'PROCESSED' AND control_id LIKE"
                                    + " 'KILL-C%'"))
                    .as("each patient applied by one journal entry")
                    .isEqualTo(patients);
            assertThat(one(
                            s,
                            "SELECT COUNT(DISTINCT control_id) FROM message_journal WHERE status = 'PROCESSED'"
                                    + " AND control_id LIKE 'KILL-C%'"))
                    .isEqualTo(patients);
        }
    }

    private static long one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private JsonNode post(int port, byte[] file) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + port + "/api/interfaces/default/patient-loads?name=patients.hl7"))
                        .header("Authorization", TestEngine.basic("admin", PASSWORD))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return JSON.readTree(r.body());
    }

    private JsonNode progress(int port, String id) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/interfaces/default/patient-loads/" + id))
                        .header("Authorization", TestEngine.basic("admin", PASSWORD))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static Process start(String url, int httpPort, Path log) throws IOException {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dlogback.configurationFile=logback.xml",
                        "-Dbridge.db.url=" + url,
                        "-Dbridge.admin.password=" + PASSWORD,
                        "-Dbridge.mllp.host=127.0.0.1",
                        "-Dbridge.mllp.port=" + TestEngine.freePort(),
                        "-Dbridge.http.host=127.0.0.1",
                        "-Dbridge.http.port=" + httpPort,
                        "com.webptbridge.cli.BridgeCommand",
                        "run")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitReady(Path log, Process engine) throws Exception {
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
