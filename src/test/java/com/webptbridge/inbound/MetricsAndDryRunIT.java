package com.webptbridge.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Cli;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.Hl7Builder;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.SeededDft;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /metrics exposes the named series and its counters move with traffic; it needs a login. A dry run
 * (API and `bridge dry-run`) says what a message would do and leaves the database as it was.
 */
class MetricsAndDryRunIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.start();

    private static String adt(String controlId, String patientId, String lastName) {
        return Hl7Builder.adt("A04")
                .facility("MET")
                .controlId(controlId)
                .patient(patientId)
                .field("PID", 5, lastName + "^Mia")
                .field("PID", 7, "19800101")
                .text();
    }

    private static String send(String message) throws Exception {
        try (MllpClient c = engine.connect()) {
            return new String(c.exchange(Hl7Text.bytes(message)), StandardCharsets.UTF_8);
        }
    }

    private static String metrics() throws Exception {
        HttpResponse<String> r = engine.get("/metrics", TestEngine.ADMIN_AUTH);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        return r.body();
    }

    /** The value of the first series named exactly {@code series} (with labels in any order containing {@code labels}). */
    private static double value(String text, String series, String... labels) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(series + "{") && !line.startsWith(series + " ")) {
                continue;
            }
            boolean all = true;
            for (String l : labels) {
                all &= line.contains(l);
            }
            if (all) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    @Test
    void metricsNeedALoginAndCountersMoveWithTraffic() throws Exception {
        assertThat(engine.get("/metrics", null).statusCode()).isEqualTo(401);

        String before = metrics();
        double processed = value(before, "bridge_messages_total", "type=\"ADT^A04\"", "status=\"PROCESSED\"");
        double latency = value(before, "bridge_ack_latency_seconds_count");
        assertThat(send(adt("MET-1", "M100", "Metric"))).contains("MSA|AA");
        assertThat(send(adt("MET-2", "M101", "Metric"))).contains("MSA|AA");
        assertThat(send(SeededDft.naming("MET-3", "M102", "7777", "97110", "1987654328")))
                .contains("MSA|AE");

        String after = metrics();
        assertThat(value(after, "bridge_messages_total", "type=\"ADT^A04\"", "status=\"PROCESSED\"", "ack=\"AA\""))
                .isEqualTo(processed + 2);
        assertThat(value(after, "bridge_messages_total", "type=\"DFT^P03\"", "status=\"ERROR\"", "ack=\"AE\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(after, "bridge_ack_latency_seconds_count")).isEqualTo(latency + 3);
        assertThat(after).contains("bridge_ack_latency_seconds_bucket{");
        assertThat(value(after, "bridge_waiting_messages", "interface=\"default\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(after, "bridge_oldest_waiting_seconds", "interface=\"default\""))
                .isGreaterThanOrEqualTo(0);
        // Every outcome went through the batch writer: at least one write per batch, and one per message sent.
        assertThat(value(after, "bridge_store_batch_writes_total"))
                .isGreaterThanOrEqualTo(value(after, "bridge_store_batches_total"))
                .isGreaterThanOrEqualTo(3);
        assertThat(after)
                .contains("bridge_store_write_queue ")
                .contains("bridge_mllp_connections ")
                .contains("bridge_store_up 1.0")
                .contains("jvm_memory_used_bytes")
                .contains("hikaricp_connections_active");
        // No patient data in any label.
        assertThat(after).doesNotContain("M100").doesNotContain("Metric");

        HttpResponse<String> reprocess =
                engine.send("POST", "/api/messages/reprocess", "{\"status\":\"ERROR\"}", TestEngine.ADMIN_AUTH);
        assertThat(reprocess.statusCode()).as(reprocess.body()).isEqualTo(200);
        assertThat(value(metrics(), "bridge_reprocessed_total", "outcome=\"still_error\""))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aMetricsScrapeWithAViewerAccountWorks() throws Exception {
        HttpResponse<String> added =
                engine.send("POST", "/api/users", "{\"name\":\"scraper\",\"role\":\"viewer\"}", TestEngine.ADMIN_AUTH);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String password = JSON.readTree(added.body()).get("password").asText();
        assertThat(engine.get("/metrics", TestEngine.basic("scraper", password)).statusCode())
                .isEqualTo(200);
        // Try a message needs an analyst.
        assertThat(engine.send(
                                "POST",
                                "/api/dry-run",
                                "{\"message\":\"MSH|^~\\\\&|\"}",
                                TestEngine.basic("scraper", password))
                        .statusCode())
                .isEqualTo(403);
    }

    private static long count(String table) throws Exception {
        try (Connection c = engine.engine().database().connection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Long> counts() throws Exception {
        return List.of(
                count("message_journal"),
                count("patient"),
                count("insurance_policy"),
                count("charge"),
                count("encounter"),
                count("applied_message"));
    }

    private static HttpResponse<String> dryRun(String message, String type) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(engine.url() + "/api/dry-run"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", type)
                        .header("Authorization", TestEngine.ADMIN_AUTH)
                        .POST(HttpRequest.BodyPublishers.ofString(message))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDryRunShowsTheChangesAndChangesNothing() throws Exception {
        assertThat(send(adt("DRY-0", "D100", "Before"))).contains("MSA|AA");
        List<Long> before = counts();
        String row = engine.get("/api/patients/D100").body();

        HttpResponse<String> update = dryRun(adt("DRY-1", "D100", "After"), "x-application/hl7-v2+er7");
        assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
        JsonNode u = JSON.readTree(update.body());
        assertThat(u.get("status").asText()).isEqualTo("PROCESSED");
        assertThat(u.get("ackCode").asText()).isEqualTo("AA");
        assertThat(u.get("patientIsNew").asBoolean()).isFalse();
        JsonNode change = u.get("patientChanges").get(0);
        assertThat(change.get("before").asText()).isEqualTo("Before");
        assertThat(change.get("after").asText()).isEqualTo("After");

        HttpResponse<String> fresh = dryRun(adt("DRY-2", "D200", "Newman"), "text/plain");
        JsonNode f = JSON.readTree(fresh.body());
        assertThat(f.get("patientIsNew").asBoolean()).as(fresh.body()).isTrue();

        HttpResponse<String> waiting =
                dryRun(SeededDft.naming("DRY-3", "D300", "8888", "97110", "1987654328"), "text/plain");
        JsonNode w = JSON.readTree(waiting.body());
        assertThat(w.get("status").asText()).as(waiting.body()).isEqualTo("ERROR");
        assertThat(w.get("ack").asText()).contains("MSA|AE").contains("ERR|");
        assertThat(w.get("errors").findValuesAsText("text").toString()).contains("8888");

        // A form post (or any other body type) is still refused.
        assertThat(dryRun(adt("DRY-4", "D100", "X"), "application/x-www-form-urlencoded")
                        .statusCode())
                .isEqualTo(415);

        Path file = Files.createTempFile("dry", ".hl7");
        Files.writeString(file, adt("DRY-5", "D100", "Clitest"));
        Cli.Result cli = Cli.run("dry-run", file.toString(), "--url", engine.url());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("Would be PROCESSED (AA)")
                .contains("Before -> Clitest")
                .contains("nothing was stored");

        assertThat(counts()).isEqualTo(before);
        // The answer shows patient data: each dry run is in the access log.
        assertThat(engine.get("/api/access-log?user=admin").body()).contains("\"/api/dry-run\"");
        assertThat(engine.get("/api/patients/D100").body()).isEqualTo(row);
        assertThat(engine.get("/api/messages?controlId=DRY-1").body()).isEqualTo("[ ]");
    }
}
