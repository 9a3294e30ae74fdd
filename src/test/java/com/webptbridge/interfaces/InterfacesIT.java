package com.webptbridge.interfaces;

import ca.uhn.hl7v2.model.Message;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Cli;
import com.webptbridge.support.Hl7Builder;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.SeededDft;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Many practices in one engine: each interface has its own listener (or its own MSH-4 on a shared
 * one), reference data, patients, charges, journal and worklist, and none sees another's.
 */
class InterfacesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static void define(Path dir, String id, int port, String sendingFacility) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve(id + ".yaml"),
                "id: " + id + "\nname: Practice " + id.toUpperCase()
                        + "\nmllp:\n  host: 127.0.0.1\n  port: " + port + "\n"
                        + (sendingFacility == null ? "" : "match:\n  sendingFacility: " + sendingFacility + "\n")
                        + "reference: conf/reference\n");
    }

    private static TestEngine engine(Path dir) throws Exception {
        return TestEngine.start(Map.of("bridge.interfaces.dir", dir.toString()));
    }

    private static String dft(String facility, String controlId, String patientId, String payer) {
        return SeededDft.builder(facility, controlId, patientId, new SeededDft.Charge("97110", "1", "45.00"))
                .field("PID", 5, "Shared^Sam")
                .field("PID", 7, "19800101")
                .field("PV1", 8, "1987654328^Patel^Anita^^^^^^^^^^NPI")
                .field("PV1", 19, "V-" + controlId)
                .field("FT1", 2, controlId + "-1")
                .field("IN1", 3, payer)
                .field("IN1", 4, "Payer")
                .field("IN1", 16, "Shared^Sam")
                .field("IN1", 18, "19800101")
                .without("EVN")
                .text();
    }

    private static String adt(String facility, String controlId, String patientId) {
        return Hl7Builder.adt("A08")
                .facility(facility)
                .controlId(controlId)
                .patient(patientId)
                .field("PID", 5, "Facility^" + facility)
                .field("PID", 7, "19800101")
                .text();
    }

    private static Message send(int port, String message) throws Exception {
        try (MllpClient client = MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(20))) {
            return Hl7Text.parseAck(new String(client.exchange(Hl7Text.bytes(message)), StandardCharsets.UTF_8));
        }
    }

    private static HttpResponse<String> call(TestEngine engine, String method, String path, String json)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + engine.engine().httpPort() + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TestEngine.ADMIN_AUTH)
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(TestEngine engine, String path) throws Exception {
        HttpResponse<String> r = engine.get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static void addPayer(TestEngine engine, String interfaceId, long seq, String name) throws Exception {
        HttpResponse<String> r = call(
                engine,
                "POST",
                "/api/interfaces/" + interfaceId + "/payers",
                "{\"sequenceNumber\": " + seq + ", \"name\": \"" + name + "\", \"payerId\": \"P" + seq + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    @Test
    void twoPracticesWithTheSameSequenceNumberPatientAndControlIdKeepTheirOwnData(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("interfaces");
        int portA = TestEngine.freePort();
        int portB = TestEngine.freePort();
        define(dir, "clinic-a", portA, null);
        define(dir, "clinic-b", portB, null);
        try (TestEngine engine = engine(dir)) {
            addPayer(engine, "clinic-a", 1001, "Payer of A");
            addPayer(engine, "clinic-b", 1001, "Payer of B");

            // The same control ID, FT1 transaction ID and PID-3 at both practices: two messages, two charges.
            assertThat(Hl7Text.get(send(portA, dft("WEBPT", "SAME-1", "P-SHARED", "1001")), "/MSA-1"))
                    .isEqualTo("AA");
            assertThat(Hl7Text.get(send(portB, dft("WEBPT", "SAME-1", "P-SHARED", "1001")), "/MSA-1"))
                    .isEqualTo("AA");

            JsonNode a = get(engine, "/api/interfaces/clinic-a/patients/P-SHARED");
            JsonNode b = get(engine, "/api/interfaces/clinic-b/patients/P-SHARED");
            assertThat(a.at("/insurances/0/payer/name").asText()).isEqualTo("Payer of A");
            assertThat(b.at("/insurances/0/payer/name").asText()).isEqualTo("Payer of B");
            assertThat(a.at("/encounters/0/charges/0/transactionId").asText()).isEqualTo("SAME-1-1");
            assertThat(b.at("/encounters/0/charges/0/transactionId").asText()).isEqualTo("SAME-1-1");
            assertThat(a.get("encounters")).hasSize(1);

            JsonNode messagesOfA = get(engine, "/api/interfaces/clinic-a/messages");
            assertThat(messagesOfA).hasSize(1);
            assertThat(messagesOfA.get(0).get("status").asText()).isEqualTo("PROCESSED");
            long idOfB = get(engine, "/api/interfaces/clinic-b/messages")
                    .get(0)
                    .get("id")
                    .asLong();
            assertThat(engine.get("/api/interfaces/clinic-a/messages/" + idOfB).statusCode())
                    .as("A's API never shows B's message")
                    .isEqualTo(404);
            assertThat(JSON.readTree(
                            engine.get("/api/interfaces/clinic-a/payers").body()))
                    .extracting(p -> p.get("name").asText())
                    .contains("Payer of A")
                    .doesNotContain("Payer of B");

            HttpResponse<String> shortPath = engine.get("/api/patients/P-SHARED");
            assertThat(shortPath.statusCode()).isEqualTo(400);
            assertThat(shortPath.body()).contains("/api/interfaces/{id}/patients/P-SHARED");
            JsonNode list = get(engine, "/api/interfaces");
            assertThat(list)
                    .extracting(i -> i.get("id").asText() + ":" + i.get("port").asInt() + ":"
                            + i.get("messages").asInt())
                    .containsExactly("clinic-a:" + portA + ":1", "clinic-b:" + portB + ":1");
        }
    }

    @Test
    void aPayerOnlyAnotherPracticeHasIsUnknownAndAddingItReleasesOnlyThisPracticesMessages(@TempDir Path tmp)
            throws Exception {
        Path dir = tmp.resolve("interfaces");
        int portA = TestEngine.freePort();
        int portB = TestEngine.freePort();
        define(dir, "clinic-a", portA, null);
        define(dir, "clinic-b", portB, null);
        try (TestEngine engine = engine(dir)) {
            addPayer(engine, "clinic-b", 2002, "Only at B");
            Message nak = send(portA, dft("WEBPT", "A-WAIT", "PA", "2002"));
            assertThat(Hl7Text.get(nak, "/MSA-1")).isEqualTo("AE");
            assertThat(Hl7Text.errors(nak)).containsExactly("204@IN1-3");
            assertThat(Hl7Text.get(send(portB, dft("WEBPT", "B-WAIT", "PB", "3003")), "/MSA-1"))
                    .isEqualTo("AE");

            HttpResponse<String> added = call(
                    engine,
                    "POST",
                    "/api/interfaces/clinic-a/payers",
                    "{\"sequenceNumber\": 2002, \"name\": \"Now at A\", \"payerId\": \"X\"}");

            assertThat(added.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(added.body()).get("reprocessed")).hasSize(1);
            assertThat(get(engine, "/api/interfaces/clinic-a/messages")
                            .get(0)
                            .get("status")
                            .asText())
                    .isEqualTo("PROCESSED");
            JsonNode waitingAtB = get(engine, "/api/interfaces/clinic-b/messages");
            assertThat(waitingAtB.get(0).get("status").asText()).isEqualTo("ERROR");
            assertThat(waitingAtB.get(0).get("attempts").asInt())
                    .as("B's message was not touched")
                    .isEqualTo(1);
            assertThat(get(engine, "/api/interfaces/clinic-a/worklist")).isEmpty();
            assertThat(get(engine, "/api/interfaces/clinic-b/worklist")
                            .get(0)
                            .get("key")
                            .asText())
                    .isEqualTo("3003");
        }
    }

    @Test
    void practicesSharingAPortAreToldApartByTheSendingFacility(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("interfaces");
        int port = TestEngine.freePort();
        define(dir, "clinic-c", port, "CLINC");
        define(dir, "clinic-d", port, "CLIND");
        try (TestEngine engine = engine(dir)) {
            assertThat(Hl7Text.get(send(port, adt("CLINC", "C-1", "P1")), "/MSA-1"))
                    .isEqualTo("AA");
            assertThat(Hl7Text.get(send(port, adt("CLIND", "D-1", "P1")), "/MSA-1"))
                    .isEqualTo("AA");
            Message nobody = send(port, adt("OTHER", "X-1", "P1"));

            assertThat(get(engine, "/api/interfaces/clinic-c/patients/P1")
                            .get("firstName")
                            .asText())
                    .isEqualTo("CLINC");
            assertThat(get(engine, "/api/interfaces/clinic-d/patients/P1")
                            .get("firstName")
                            .asText())
                    .isEqualTo("CLIND");
            assertThat(Hl7Text.get(nobody, "/MSA-1")).isEqualTo("AR");
            assertThat(Hl7Text.errors(nobody)).containsExactly("204@MSH-4");
            assertThat(Hl7Text.get(nobody, "/MSA-3")).contains("No interface").contains("OTHER");
            assertThat(get(engine, "/api/interfaces/clinic-c/messages")).hasSize(1);
        }
    }

    @Test
    void anInterfaceAddedAtRunTimeAnswersAtOnceAndAClashingPortIsRefused(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("interfaces");
        int first = TestEngine.freePort();
        define(dir, "clinic-a", first, null);
        try (TestEngine engine = engine(dir)) {
            String url = "http://127.0.0.1:" + engine.engine().httpPort();
            int port = TestEngine.freePort();

            Cli.Result added = Cli.run(
                    "interface",
                    "add",
                    "clinic-e",
                    "--name",
                    "Practice E",
                    "--port",
                    String.valueOf(port),
                    "--host",
                    "127.0.0.1",
                    "--reference",
                    "conf/reference",
                    "--url",
                    url);

            assertThat(added.exitCode()).as(added.err()).isEqualTo(0);
            assertThat(added.out()).contains("clinic-e").contains(String.valueOf(port));
            assertThat(Hl7Text.get(send(port, adt("ANY", "E-1", "P1")), "/MSA-1"))
                    .isEqualTo("AA");
            assertThat(dir.resolve("clinic-e.yaml"))
                    .as("kept for the next start")
                    .exists();

            HttpResponse<String> clash =
                    call(engine, "POST", "/api/interfaces", "{\"id\": \"clinic-f\", \"port\": " + port + "}");
            assertThat(clash.statusCode()).isEqualTo(409);
            assertThat(clash.body()).contains("clinic-e").contains("clinic-f").contains(String.valueOf(port));

            Cli.Result patient = Cli.run("worklist", "--interface", "clinic-e", "--url", url);
            assertThat(patient.exitCode()).as(patient.err()).isEqualTo(0);

            Cli.Result disabled = Cli.run("interface", "disable", "clinic-e", "--url", url);
            assertThat(disabled.exitCode()).as(disabled.err()).isEqualTo(0);
            assertThatThrownBy(() -> send(port, adt("ANY", "E-2", "P1"))).isInstanceOf(ConnectException.class);
            assertThat(Files.readString(dir.resolve("clinic-e.yaml"))).contains("enabled: false");
            assertThat(Hl7Text.get(send(first, adt("ANY", "A-1", "P1")), "/MSA-1"))
                    .isEqualTo("AA");
        }
    }

    @Test
    void anInterfaceThatCannotStartLeavesNoFileAndTheNextStartRuns(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("interfaces");
        int first = TestEngine.freePort();
        define(dir, "clinic-a", first, null);
        try (java.net.ServerSocket taken = new java.net.ServerSocket()) {
            // another program holds the port: the engine cannot listen there
            taken.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            try (TestEngine engine = engine(dir)) {
                HttpResponse<String> refused = call(
                        engine,
                        "POST",
                        "/api/interfaces",
                        "{\"id\": \"clinic-g\", \"name\": \"Practice G\", \"host\": \"127.0.0.1\", \"port\": " + port
                                + ", \"reference\": \"conf/reference\"}");
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
                assertThat(refused.body()).contains("clinic-g").contains(String.valueOf(port));
                assertThat(dir.resolve("clinic-g.yaml"))
                        .as("no file of an interface that did not start")
                        .doesNotExist();
                assertThat(get(engine, "/api/interfaces").findValuesAsText("id"))
                        .containsExactly("clinic-a");
            }
            try (TestEngine again = engine(dir)) {
                assertThat(Hl7Text.get(send(first, adt("ANY", "A-1", "P1")), "/MSA-1"))
                        .isEqualTo("AA");
            }
        }
    }

    @Test
    void anAccountOfOnePracticeSeesOnlyItsInterfaceAndItsMetrics(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("interfaces");
        int portA = TestEngine.freePort();
        int portB = TestEngine.freePort();
        define(dir, "clinic-a", portA, null);
        define(dir, "clinic-b", portB, null);
        try (TestEngine engine = engine(dir)) {
            assertThat(Hl7Text.get(send(portA, adt("ANY", "MA-1", "P1")), "/MSA-1"))
                    .isEqualTo("AA");
            assertThat(Hl7Text.get(send(portB, adt("ANY", "MB-1", "P1")), "/MSA-1"))
                    .isEqualTo("AA");
            String one = account(engine, "ana", "\"interfaces\": [\"clinic-a\"]");
            String every = account(engine, "evan", null);

            HttpResponse<String> list = engine.get("/api/interfaces", one);
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            assertThat(JSON.readTree(list.body()).findValuesAsText("id")).containsExactly("clinic-a");
            assertThat(list.body()).doesNotContain("Practice CLINIC-B").doesNotContain(String.valueOf(portB));

            String metrics = engine.get("/metrics", one).body();
            assertThat(metrics)
                    .contains("interface=\"clinic-a\"")
                    .doesNotContain("clinic-b")
                    .contains("bridge_store_up"); // engine-wide series stay
            for (String wide : new String[] {TestEngine.ADMIN_AUTH, every}) {
                assertThat(JSON.readTree(engine.get("/api/interfaces", wide).body())
                                .findValuesAsText("id"))
                        .containsExactlyInAnyOrder("clinic-a", "clinic-b");
                assertThat(engine.get("/metrics", wide).body())
                        .contains("interface=\"clinic-a\"")
                        .contains("interface=\"clinic-b\"");
            }
        }
    }

    /** A new analyst account (limited as {@code limit} says, or of every interface); its Authorization header. */
    private static String account(TestEngine engine, String name, String limit) throws Exception {
        HttpResponse<String> r = call(
                engine,
                "POST",
                "/api/users",
                "{\"name\": \"" + name + "\", \"role\": \"analyst\"" + (limit == null ? "" : ", " + limit) + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestEngine.basic(name, JSON.readTree(r.body()).get("password").asText());
    }
}
