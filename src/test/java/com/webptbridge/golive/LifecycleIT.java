package com.webptbridge.golive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Cli;
import com.webptbridge.support.Hl7Builder;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An interface's lifecycle over a real MLLP socket and the API: a new interface answers AR in
 * setup and journals the message; in testing a DFT is answered AA and posts only to the test
 * sandbox; go-live clears the sandbox; live, MSH-11 T goes to the sandbox and P is posted live.
 * Every change is in the audit trail.
 */
class LifecycleIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path dir;
    private static TestEngine engine;
    private static int portA;
    private static int portB;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("lifecycle-interfaces");
        portA = TestEngine.freePort();
        portB = TestEngine.freePort();
        define("clinic-a", portA);
        define("clinic-b", portB);
        engine = TestEngine.start(Map.of(
                "bridge.interfaces.dir",
                dir.toString(),
                // New interfaces start in setup, as in production (TestEngine makes them live).
                "bridge.interfaces.initial-state",
                "setup"));
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private static void define(String id, int port) throws IOException {
        Files.writeString(
                dir.resolve(id + ".yaml"),
                "id: " + id + "\nname: Practice " + id + "\nmllp:\n  host: 127.0.0.1\n  port: " + port
                        + "\nreference: conf/reference\n");
    }

    private static Hl7Builder dft(String facility, String controlId, String patientId) {
        return SeededDft.builder(facility, controlId, patientId, SeededDft.Charge.of("97110"))
                .field("PV1", 8, "1987654328^Patel^Anita^^^^^^^^^^NPI")
                .field("FT1", 2, controlId + "-1");
    }

    private static Hl7Builder adt(String facility, String controlId, String patientId) {
        return Hl7Builder.adt("A04").facility(facility).controlId(controlId).patient(patientId);
    }

    private static String send(int port, Hl7Builder message) throws IOException {
        try (MllpClient client = MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(20))) {
            return new String(client.exchange(message.bytes()), StandardCharsets.UTF_8);
        }
    }

    private static String msa1(String ack) throws Exception {
        return Hl7Text.get(Hl7Text.parseAck(ack), "/MSA-1");
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = engine.get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static int status(String path) throws Exception {
        return engine.get(path).statusCode();
    }

    private static JsonNode post(String path, String json) throws Exception {
        HttpResponse<String> r = engine.send("POST", path, json, TestEngine.ADMIN_AUTH);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String state(String id) throws Exception {
        for (JsonNode i : get("/api/interfaces")) {
            if (i.get("id").asText().equals(id)) {
                return i.get("state").asText();
            }
        }
        throw new AssertionError("No interface " + id);
    }

    private static List<String> changes(String id) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode c : get("/api/interfaces/" + id + "/lifecycle").get("history")) {
            out.add(c.get("from").asText("none") + "->" + c.get("to").asText() + " by "
                    + c.get("changedBy").asText() + (c.get("forced").asBoolean() ? " forced" : ""));
        }
        return out;
    }

    @Test
    void anInterfaceInSetupAnswersArWithTheSentenceAndJournalsTheMessage() throws Exception {
        assertThat(state("clinic-b")).isEqualTo("setup");
        String ack = send(portB, adt("CLINIC", "B-SETUP-1", "P-SETUP"));

        assertThat(msa1(ack)).isEqualTo("AR");
        assertThat(ack)
                .contains("Interface clinic-b is in setup and not taking traffic yet")
                .contains("bridge interface test clinic-b");
        JsonNode journaled = get("/api/interfaces/clinic-b/messages?controlId=B-SETUP-1");
        assertThat(journaled).hasSize(1);
        assertThat(journaled.get(0).get("status").asText()).isEqualTo("REJECTED");
        assertThat(status("/api/interfaces/clinic-b/patients/P-SETUP")).isEqualTo(404);

        // "Try a message" in setup shows what the test phase would do, and stores nothing.
        JsonNode tried = post(
                "/api/interfaces/clinic-b/dry-run",
                JSON.writeValueAsString(
                        Map.of("message", adt("CLINIC", "B-TRY-1", "P-TRY").text())));
        assertThat(tried.get("ackCode").asText()).isEqualTo("AA");
        assertThat(tried.get("notes").toString()).contains("in setup").contains("test phase");
        assertThat(get("/api/interfaces/clinic-b/messages?controlId=B-TRY-1")).isEmpty();
    }

    @Test
    void testingPostsOnlyToTheSandboxAndGoingLiveClearsIt() throws Exception {
        Cli.Result test = Cli.run("interface", "test", "clinic-a", "--url", engine.url());
        assertThat(test.exitCode()).as(test.err()).isEqualTo(0);
        assertThat(test.out()).contains("clinic-a: setup -> testing");
        assertThat(state("clinic-a")).isEqualTo("testing");

        assertThat(msa1(send(portA, adt("CLINIC", "A-T-ADT", "P-T1")))).isEqualTo("AA");
        String ack = send(portA, dft("CLINIC", "A-T-DFT", "P-T1"));
        assertThat(msa1(ack)).as(ack).isEqualTo("AA");

        // In the sandbox, marked test: patient, policy and charge.
        JsonNode sandbox = get("/api/interfaces/clinic-a/sandbox/patients/P-T1");
        assertThat(sandbox.get("test").asBoolean()).isTrue();
        JsonNode patient = sandbox.get("patient");
        assertThat(patient.get("insurances")
                        .get(0)
                        .get("payer")
                        .get("sequenceNumber")
                        .asLong())
                .isEqualTo(1042);
        assertThat(patient.get("encounters")
                        .get(0)
                        .get("charges")
                        .get(0)
                        .get("transactionId")
                        .asText())
                .isEqualTo("A-T-DFT-1");
        // Absent from live data.
        assertThat(status("/api/interfaces/clinic-a/patients/P-T1")).isEqualTo(404);
        JsonNode entry =
                get("/api/interfaces/clinic-a/messages?controlId=A-T-DFT").get(0);
        assertThat(entry.get("test").asBoolean())
                .as("the journal marks test traffic")
                .isTrue();
        assertThat(entry.get("notes").toString()).contains("test sandbox");

        Cli.Result live = Cli.run("interface", "go-live", "clinic-a", "--url", engine.url());
        assertThat(live.exitCode()).as(live.out() + live.err()).isEqualTo(0);
        assertThat(live.out()).contains("testing -> live").contains("sandbox cleared: 1 patient(s)");
        assertThat(state("clinic-a")).isEqualTo("live");
        assertThat(status("/api/interfaces/clinic-a/sandbox/patients/P-T1")).isEqualTo(404);
        assertThat(status("/api/interfaces/clinic-a/patients/P-T1")).isEqualTo(404);

        // The tested visit, sent again live, is posted: the sandbox kept no claim on it.
        assertThat(msa1(send(portA, dft("CLINIC", "A-T-DFT", "P-T1")))).isEqualTo("AA");
        assertThat(get("/api/interfaces/clinic-a/patients/P-T1")
                        .get("encounters")
                        .get(0)
                        .get("charges"))
                .hasSize(1);

        // Live, a test message (MSH-11 T) goes to the sandbox and a production one (P) is posted live.
        String t = send(portA, dft("CLINIC", "A-L-T", "P-L-T").field("MSH", 11, "T"));
        assertThat(msa1(t)).as(t).isEqualTo("AA");
        assertThat(status("/api/interfaces/clinic-a/sandbox/patients/P-L-T")).isEqualTo(200);
        assertThat(status("/api/interfaces/clinic-a/patients/P-L-T")).isEqualTo(404);
        String p = send(portA, dft("CLINIC", "A-L-P", "P-L-P").field("MSH", 11, "P"));
        assertThat(msa1(p)).as(p).isEqualTo("AA");
        assertThat(status("/api/interfaces/clinic-a/patients/P-L-P")).isEqualTo(200);
        assertThat(status("/api/interfaces/clinic-a/sandbox/patients/P-L-P")).isEqualTo(404);

        // reset-test clears the sandbox again and starts a new test phase.
        Cli.Result reset = Cli.run("interface", "reset-test", "clinic-a", "--url", engine.url());
        assertThat(reset.exitCode()).as(reset.err()).isEqualTo(0);
        assertThat(reset.out()).contains("live -> testing").contains("sandbox cleared: 1 patient(s)");
        assertThat(status("/api/interfaces/clinic-a/sandbox/patients/P-L-T")).isEqualTo(404);
        assertThat(status("/api/interfaces/clinic-a/patients/P-L-P")).isEqualTo(200);

        assertThat(changes("clinic-a"))
                .containsExactly(
                        "none->setup by engine",
                        "setup->testing by admin (" + System.getProperty("user.name") + ")",
                        "testing->live by admin (" + System.getProperty("user.name") + ")",
                        "live->testing by admin (" + System.getProperty("user.name") + ")");
        Cli.Result shown = Cli.run("interface", "state", "clinic-a", "--url", engine.url());
        assertThat(shown.exitCode()).as(shown.err()).isEqualTo(0);
        assertThat(shown.out()).contains("clinic-a: testing since").contains("testing -> live");
    }

    @Test
    void onlyAnAdminChangesTheStateAndAnUnknownStateIsRefusedNamingTheStates() throws Exception {
        HttpResponse<String> bad = engine.send(
                "POST", "/api/interfaces/clinic-b/lifecycle", "{\"state\": \"production\"}", TestEngine.ADMIN_AUTH);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("setup, testing, live, disabled");

        Map<String, Object> analyst = Map.of("name", "ana", "role", "analyst");
        HttpResponse<String> added =
                engine.send("POST", "/api/users", JSON.writeValueAsString(analyst), TestEngine.ADMIN_AUTH);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String password = JSON.readTree(added.body()).get("password").asText();
        HttpResponse<String> refused = engine.send(
                "POST",
                "/api/interfaces/clinic-b/lifecycle",
                "{\"state\": \"testing\"}",
                TestEngine.basic("ana", password));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(state("clinic-b")).isEqualTo("setup");
    }
}
