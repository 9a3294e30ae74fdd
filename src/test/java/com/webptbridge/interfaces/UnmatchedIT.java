package com.webptbridge.interfaces;

import ca.uhn.hl7v2.model.Message;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.SeededDft;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message no interface on a shared port takes (a new clinic's MSH-4) is AR and journaled unmatched;
 * an admin sees it (headers only), counted in the API and in bridge_unmatched_messages, and assigns
 * it to an interface, which processes it once. Nobody else sees it. Real engine, MLLP socket, HTTP.
 */
class UnmatchedIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestEngine engine;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("unmatched-interfaces");
        port = TestEngine.freePort();
        define(dir, "clinic-c", "CLINC");
        define(dir, "clinic-d", "CLIND");
        engine = TestEngine.start(Map.of("bridge.interfaces.dir", dir.toString()));
        for (String id : new String[] {"clinic-c", "clinic-d"}) {
            HttpResponse<String> r = engine.send(
                    "POST",
                    "/api/interfaces/" + id + "/payers",
                    "{\"sequenceNumber\": 1001, \"name\": \"Payer\", \"payerId\": \"P1001\"}",
                    TestEngine.ADMIN_AUTH);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static void define(Path dir, String id, String sendingFacility) throws IOException {
        Files.writeString(
                dir.resolve(id + ".yaml"),
                "id: " + id + "\nname: Practice " + id + "\nmllp:\n  host: 127.0.0.1\n  port: " + port
                        + "\nmatch:\n  sendingFacility: " + sendingFacility + "\nreference: conf/reference\n");
    }

    private static String dft(String facility, String controlId, String patientId) {
        return SeededDft.builder(facility, controlId, patientId, new SeededDft.Charge("97110", "1", "45.00"))
                .field("PID", 5, "Newclinic^Nora")
                .field("PID", 7, "19800101")
                .field("PV1", 8, "1987654328^Patel^Anita^^^^^^^^^^NPI")
                .field("PV1", 19, "V-" + controlId)
                .field("FT1", 2, controlId + "-1")
                .field("IN1", 3, "1001")
                .field("IN1", 4, "Payer")
                .field("IN1", 16, "Newclinic^Nora")
                .field("IN1", 18, "19800101")
                .without("EVN")
                .text();
    }

    private static Message send(String message) throws Exception {
        try (MllpClient client = MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(20))) {
            return Hl7Text.parseAck(new String(client.exchange(Hl7Text.bytes(message)), StandardCharsets.UTF_8));
        }
    }

    private static JsonNode ok(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> assign(long id, String to, String auth) throws Exception {
        return engine.send("POST", "/api/unmatched/" + id + "/assign", "{\"interface\": \"" + to + "\"}", auth);
    }

    /** The unmatched message with this control ID in the admin's list (fails when it is not there). */
    private static JsonNode listed(String controlId) throws Exception {
        for (JsonNode m : ok(engine.get("/api/unmatched")).get("messages")) {
            if (m.get("controlId").asText().equals(controlId)) {
                return m;
            }
        }
        throw new AssertionError(controlId + " is not in /api/unmatched");
    }

    private static long unmatchedTotal() throws Exception {
        return ok(engine.get("/api/unmatched?limit=1")).get("total").asLong();
    }

    @Test
    void aNewClinicsMessageIsListedCountedAndAssignedToAnInterfaceOnce() throws Exception {
        long before = unmatchedTotal();
        Message nak = send(dft("NEWCLINIC", "NEW-1", "PNEW1"));
        assertThat(Hl7Text.get(nak, "/MSA-1")).isEqualTo("AR");

        // Listed with its header fields, counted in the API and the metric; no patient data.
        JsonNode m = listed("NEW-1");
        assertThat(m.get("sendingApplication").asText()).isEqualTo("WEBPT");
        assertThat(m.get("sendingFacility").asText()).isEqualTo("NEWCLINIC");
        assertThat(m.get("receivingApplication").asText()).isEqualTo("CMD");
        assertThat(m.get("receivingFacility").asText()).isEqualTo("BILLING");
        assertThat(m.get("messageType").asText() + "^" + m.get("triggerEvent").asText())
                .isEqualTo("DFT^P03");
        assertThat(m.get("receivedAt").asText()).isNotBlank();
        String list = engine.get("/api/unmatched").body();
        assertThat(list).doesNotContain("PNEW1").doesNotContain("Newclinic").doesNotContain("PID");
        assertThat(unmatchedTotal()).isEqualTo(before + 1);
        assertThat(engine.metric("bridge_unmatched_messages")).isEqualTo(before + 1);
        long id = m.get("id").asLong();
        assertThat(engine.get("/api/interfaces/clinic-c/patients/PNEW1").statusCode())
                .isEqualTo(404);

        // Assigned to clinic-c: processed there, through its own steps.
        JsonNode assigned = ok(assign(id, "clinic-c", TestEngine.ADMIN_AUTH));
        assertThat(assigned.get("assigned").asText()).isEqualTo("clinic-c");
        assertThat(assigned.at("/reprocessed/status").asText()).isEqualTo("PROCESSED");
        assertThat(assigned.at("/reprocessed/ackCode").asText()).isEqualTo("AA");
        JsonNode patient = ok(engine.get("/api/interfaces/clinic-c/patients/PNEW1"));
        assertThat(patient.get("encounters")).hasSize(1);
        assertThat(patient.at("/encounters/0/charges")).hasSize(1);
        JsonNode entry = ok(engine.get("/api/interfaces/clinic-c/messages/" + id));
        assertThat(entry.get("attempts").asInt())
                .as("the AR, then the assignment")
                .isEqualTo(2);
        assertThat(entry.get("notes").toString()).contains("Assigned to interface clinic-c by admin");
        assertThat(unmatchedTotal()).isEqualTo(before);
        assertThat(engine.metric("bridge_unmatched_messages")).isEqualTo(before);

        // Again, to the same or another interface: refused, nothing posted twice.
        for (String to : new String[] {"clinic-c", "clinic-d"}) {
            HttpResponse<String> again = assign(id, to, TestEngine.ADMIN_AUTH);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
            assertThat(again.body()).contains("already assigned to interface clinic-c");
        }
        JsonNode reprocessed = ok(engine.send(
                "POST", "/api/interfaces/clinic-c/messages/" + id + "/reprocess", "{}", TestEngine.ADMIN_AUTH));
        assertThat(reprocessed.get("skipped").asText()).contains("already PROCESSED");
        assertThat(ok(engine.get("/api/interfaces/clinic-c/patients/PNEW1")).get("encounters"))
                .hasSize(1);
        assertThat(ok(engine.get("/api/interfaces/clinic-c/messages/" + id))
                        .get("attempts")
                        .asInt())
                .isEqualTo(2);
        assertThat(engine.get("/api/interfaces/clinic-d/patients/PNEW1").statusCode())
                .isEqualTo(404);
    }

    @Test
    void twoAdminsAssigningTheSameMessageAtOncePostItOnce() throws Exception {
        send(dft("RACECLINIC", "NEW-4", "PNEW4"));
        long id = listed("NEW-4").get("id").asLong();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String to : new String[] {"clinic-c", "clinic-d"}) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return assign(id, to, TestEngine.ADMIN_AUTH);
                }));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            String winner = null;
            for (Future<HttpResponse<String>> a : answers) {
                HttpResponse<String> r = a.get(60, TimeUnit.SECONDS);
                codes.add(r.statusCode());
                if (r.statusCode() == 200) {
                    winner = JSON.readTree(r.body()).get("assigned").asText();
                } else {
                    assertThat(r.body()).contains("already assigned to interface");
                }
            }
            assertThat(codes).containsExactlyInAnyOrder(200, 409);
            String loser = winner.equals("clinic-c") ? "clinic-d" : "clinic-c";
            assertThat(ok(engine.get("/api/interfaces/" + winner + "/patients/PNEW4"))
                            .get("encounters"))
                    .hasSize(1);
            assertThat(engine.get("/api/interfaces/" + loser + "/patients/PNEW4")
                            .statusCode())
                    .isEqualTo(404);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAssignmentNamesWhatIsWrong() throws Exception {
        send(dft("OTHERCLINIC", "NEW-2", "PNEW2"));
        long id = listed("NEW-2").get("id").asLong();

        HttpResponse<String> none =
                engine.send("POST", "/api/unmatched/" + id + "/assign", "{}", TestEngine.ADMIN_AUTH);
        assertThat(none.statusCode()).as(none.body()).isEqualTo(400);
        assertThat(none.body()).contains("{\\\"interface\\\": \\\"<id>\\\"}").contains("clinic-c");
        HttpResponse<String> unknown = assign(id, "clinic-x", TestEngine.ADMIN_AUTH);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.body()).contains("No interface clinic-x is running");
        HttpResponse<String> noSuch = assign(999_999, "clinic-c", TestEngine.ADMIN_AUTH);
        assertThat(noSuch.statusCode()).as(noSuch.body()).isEqualTo(404);
        assertThat(listed("NEW-2").get("id").asLong()).as("still unmatched").isEqualTo(id);
    }

    @Test
    void onlyAnAdminSeesThemAndARawReadIsInTheAccessLog() throws Exception {
        send(dft("THIRDCLINIC", "NEW-3", "PNEW3"));
        long id = listed("NEW-3").get("id").asLong();
        String viewer = account("vera", "viewer", null);
        String analyst = account("andy", "analyst", null);
        String limited = account("lina", "analyst", "clinic-c");
        for (String auth : new String[] {viewer, analyst, limited}) {
            assertThat(engine.get("/api/unmatched", auth).statusCode()).isEqualTo(403);
            assertThat(engine.get("/api/unmatched/" + id + "?raw=true", auth).statusCode())
                    .isEqualTo(403);
            assertThat(assign(id, "clinic-c", auth).statusCode()).isEqualTo(403);
        }
        assertThat(listed("NEW-3").get("id").asLong())
                .as("no refused call assigned it")
                .isEqualTo(id);

        JsonNode header = ok(engine.get("/api/unmatched/" + id));
        assertThat(header.has("rawMessage") && !header.get("rawMessage").isNull())
                .isFalse();
        JsonNode raw = ok(engine.get("/api/unmatched/" + id + "?raw=true"));
        assertThat(raw.get("rawMessage").asText()).contains("PNEW3");
        boolean logged = false;
        for (JsonNode row : ok(engine.get("/api/access-log?user=admin"))) {
            if ("READ_RAW".equals(row.path("action").asText())
                    && row.path("journalId").asLong() == id) {
                logged = true;
            }
        }
        assertThat(logged).as("the raw read is in the access log").isTrue();
    }

    private static String account(String name, String role, String interfaces) throws Exception {
        HttpResponse<String> r = engine.send(
                "POST",
                "/api/users",
                "{\"name\":\"" + name + "\",\"role\":\"" + role + "\""
                        + (interfaces == null ? "" : ",\"interfaces\":[\"" + interfaces + "\"]") + "}",
                TestEngine.ADMIN_AUTH);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestEngine.basic(name, JSON.readTree(r.body()).get("password").asText());
    }
}
