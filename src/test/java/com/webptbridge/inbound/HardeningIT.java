package com.webptbridge.inbound;

import ca.uhn.hl7v2.model.Message;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.store.Database;
import com.webptbridge.store.journal.Journal;
import com.webptbridge.store.journal.Receipt;
import com.webptbridge.support.Hl7Builder;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.TestDatabase;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Inputs that stopped an interface before: each is answered, bounded, and leaves nothing half-done. */
class HardeningIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String adt(String controlId, String patient) {
        return Hl7Builder.adt("A08")
                .facility("HARD")
                .controlId(controlId)
                .patient(patient)
                .field("PID", 5, "Hard^Harriet")
                .text();
    }

    private static Message exchange(TestEngine engine, String message) throws Exception {
        try (MllpClient client = engine.connect()) {
            return Hl7Text.parseAck(
                    new String(client.exchange(message.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        }
    }

    @Test
    void threeEncodingCharactersInMsh2AreAnsweredAr102AndSoIsTheResend() throws Exception {
        try (TestEngine engine = TestEngine.start()) {
            String message = adt("ENC-1", "H1").replace("MSH|^~\\&|", "MSH|^~&|");
            for (int attempt = 1; attempt <= 2; attempt++) {
                Message ack = exchange(engine, message);
                assertThat(Hl7Text.get(ack, "/MSA-1")).isEqualTo("AR");
                assertThat(Hl7Text.get(ack, "/MSA-2")).isEqualTo("ENC-1");
                assertThat(Hl7Text.errors(ack)).containsExactly("102@MSH-2");
            }
            JsonNode journal = JSON.readTree(engine.get("/api/messages").body());
            assertThat(journal).extracting(e -> e.get("status").asText()).containsOnly("REJECTED");
        }
    }

    @Test
    void aMillionRepetitionsAreRefusedBeforeTheParseNamingTheLimit() throws Exception {
        try (TestEngine engine = TestEngine.start(Map.of("bridge.mllp.max-frame-bytes", "4000000"))) {
            String bomb = adt("BOMB-1", "H2").replace("Hard^Harriet", "A" + "~A".repeat(1_000_000));

            Message ack = exchange(engine, bomb);

            assertThat(Hl7Text.get(ack, "/MSA-1")).isEqualTo("AR");
            assertThat(Hl7Text.errors(ack)).containsExactly("102@PID-5");
            assertThat(Hl7Text.get(ack, "/MSA-3"))
                    .contains("bridge.hl7.max-repetitions")
                    .contains("repeats 1000001 times");
            assertThat(Hl7Text.get(exchange(engine, adt("AFTER-1", "H3")), "/MSA-1"))
                    .isEqualTo("AA");
        }
    }

    @Test
    void aMessageLeftReceivedByACrashIsFinishedAtStartAndSaysSo() throws Exception {
        String url = TestDatabase.freshUrl();
        // On PostgreSQL (a database instances may share) the start finishes only messages older than the
        // grace period; the crash's row below is 5 s old.
        Map<String, String> onThatDatabase = Map.of("bridge.db.url", url, "bridge.recovery.grace-seconds", "1");
        try (TestEngine engine = TestEngine.start(onThatDatabase)) {
            assertThat(Hl7Text.get(exchange(engine, adt("BEFORE-1", "H4")), "/MSA-1"))
                    .isEqualTo("AA");
        }
        // What a crash between journaling and answering leaves behind: a row RECEIVED, never applied.
        String text = adt("CRASH-1", "H5");
        try (Database db = Database.open(url, TestDatabase.user(), "", 2)) {
            new Journal(db, "default")
                    .receive(new Receipt(
                            Instant.now().minusSeconds(5),
                            "test",
                            "WEBPT",
                            "HARD",
                            "CRASH-1",
                            "ADT",
                            "A08",
                            "2.5.1",
                            "UTF-8",
                            text.length(),
                            text,
                            null));
        }

        try (TestEngine engine = TestEngine.start(onThatDatabase)) {
            JsonNode recovered = JSON.readTree(
                            engine.get("/api/messages?patientId=H5").body())
                    .get(0);
            assertThat(recovered.get("status").asText()).isEqualTo("PROCESSED");
            assertThat(recovered.get("notes").toString()).contains("Recovered");
            assertThat(JSON.readTree(engine.get("/api/messages?status=RECEIVED").body()))
                    .isEmpty();
            assertThat(engine.get("/api/patients/H5").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aValueLongerThanItsBillingFieldIsAnAe102AtThatFieldNotStoreUnavailable() throws Exception {
        try (TestEngine engine = TestEngine.start()) {
            String longId = "P".repeat(150);
            Message idTooLong = exchange(engine, adt("LONG-1", longId));
            assertThat(Hl7Text.get(idTooLong, "/MSA-1")).isEqualTo("AE");
            assertThat(Hl7Text.errors(idTooLong)).containsExactly("102@PID-3");
            assertThat(Hl7Text.get(idTooLong, "/MSA-3"))
                    .contains("150 characters")
                    .contains("at most 100");

            Message nameTooLong = exchange(engine, adt("LONG-2", "H6").replace("Hard^", "N".repeat(300) + "^"));
            assertThat(Hl7Text.get(nameTooLong, "/MSA-1")).isEqualTo("AE");
            assertThat(Hl7Text.errors(nameTooLong)).containsExactly("102@PID-5");
            assertThat(Hl7Text.get(nameTooLong, "/MSA-3")).doesNotContain("again later");
        }
    }

    @Test
    void malformedPathsAndParametersAreBadRequestsNotOutages() throws Exception {
        try (TestEngine engine = TestEngine.start()) {
            assertThat(engine.get("/api/payers/%25zz").statusCode()).isEqualTo(400);
            java.net.http.HttpResponse<String> negative =
                    engine.send("POST", "/api/messages/reprocess", "{\"limit\": -1}", TestEngine.ADMIN_AUTH);
            assertThat(negative.statusCode()).as(negative.body()).isEqualTo(400);
            assertThat(negative.body()).contains("limit must be between 1 and 10000");
        }
    }

    @Test
    void clientsThatNeverFinishTheirRequestBodyDoNotStopHealthFromAnswering() throws Exception {
        try (TestEngine engine = TestEngine.start()) {
            java.net.URI api = java.net.URI.create(engine.url());
            java.util.List<java.net.Socket> stalled = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    java.net.Socket s = new java.net.Socket(api.getHost(), api.getPort());
                    s.getOutputStream()
                            .write(("POST /api/payers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                            + "Content-Length: 100000\r\n\r\n{\"name\":")
                                    .getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    stalled.add(s);
                }
                java.net.http.HttpResponse<String> health = engine.get("/health", null);
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("UP");
            } finally {
                for (java.net.Socket s : stalled) {
                    s.close();
                }
            }
        }
    }
}
