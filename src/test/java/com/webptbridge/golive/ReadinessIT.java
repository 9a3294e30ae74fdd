package com.webptbridge.golive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Cli;
import com.webptbridge.support.Hl7Builder;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.SeededDft;
import com.webptbridge.support.TestEngine;
import com.webptbridge.support.Wait;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness report and the go-live gate: an Alternate ID seen in test traffic that does not
 * resolve FAILs the report and keeps the interface from going live; adding the record makes that
 * item PASS and go-live goes through; {@code --force} goes live past a FAIL and is audited as forced.
 */
class ReadinessIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path dir;
    private static TestEngine engine;
    private static int portR;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("readiness-interfaces");
        portR = TestEngine.freePort();
        define("clinic-r", portR);
        define("clinic-s", TestEngine.freePort());
        engine = TestEngine.start(
                Map.of("bridge.interfaces.dir", dir.toString(), "bridge.interfaces.initial-state", "setup"));
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
                "id: " + id + "\nmllp:\n  host: 127.0.0.1\n  port: " + port + "\nreference: conf/reference\n");
    }

    private static String send(Hl7Builder message) throws Exception {
        try (MllpClient client = MllpClient.connect("127.0.0.1", portR, Duration.ofSeconds(20))) {
            String ack = new String(client.exchange(message.bytes()), StandardCharsets.UTF_8);
            return Hl7Text.get(Hl7Text.parseAck(ack), "/MSA-1");
        }
    }

    private static Hl7Builder dftNamingPayer(String controlId, String patientId, String payer) {
        return SeededDft.builder("CLINIC", controlId, patientId, SeededDft.Charge.of("97110"))
                .field("PV1", 8, "1987654328^Patel^Anita^^^^^^^^^^NPI")
                .field("FT1", 2, controlId + "-1")
                .field("IN1", 3, payer);
    }

    private static JsonNode readiness(String id) throws Exception {
        HttpResponse<String> r = engine.get("/api/interfaces/" + id + "/readiness");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode item(JsonNode report, String check) {
        for (JsonNode i : report.get("items")) {
            if (i.get("check").asText().equals(check)) {
                return i;
            }
        }
        throw new AssertionError("No item " + check + " in " + report);
    }

    private static JsonNode history(String id) throws Exception {
        return JSON.readTree(engine.get("/api/interfaces/" + id + "/lifecycle").body())
                .get("history");
    }

    @Test
    void anUnresolvedAlternateIdInTestTrafficFailsTheReportAndBlocksGoLiveUntilTheRecordIsAdded() throws Exception {
        assertThat(Cli.run("interface", "test", "clinic-r", "--url", engine.url())
                        .exitCode())
                .isEqualTo(0);
        assertThat(send(Hl7Builder.adt("A04")
                        .facility("CLINIC")
                        .controlId("R-ADT")
                        .patient("P-R1")))
                .isEqualTo("AA");
        assertThat(send(dftNamingPayer("R-DFT-1", "P-R1", "7777"))).isEqualTo("AE");
        assertThat(send(dftNamingPayer("R-DFT-2", "P-R2", "7777"))).isEqualTo("AE");

        JsonNode failing = readiness("clinic-r");
        assertThat(failing.get("verdict").asText()).isEqualTo("FAIL");
        JsonNode resolution = item(failing, "test traffic's references resolve");
        assertThat(resolution.get("verdict").asText()).isEqualTo("FAIL");
        JsonNode unresolved = resolution.get("unresolved").get(0);
        assertThat(unresolved.get("kind").asText()).isEqualTo("payer");
        assertThat(unresolved.get("key").asText()).isEqualTo("7777");
        assertThat(unresolved.get("messages").asInt()).isEqualTo(2);
        assertThat(unresolved.get("link").asText()).isEqualTo("/api/interfaces/clinic-r/payers");
        assertThat(item(failing, "test traffic for ADT and DFT").get("verdict").asText())
                .isEqualTo("PASS");
        assertThat(item(failing, "waiting messages").get("verdict").asText()).isEqualTo("WARN");
        assertThat(item(failing, "TLS on the listener").get("verdict").asText()).isEqualTo("WARN");

        Cli.Result report = Cli.run("interface", "readiness", "clinic-r", "--url", engine.url());
        assertThat(report.exitCode()).isEqualTo(3);
        assertThat(report.out())
                .contains("Readiness of clinic-r (testing): FAIL")
                .contains("FAIL  test traffic's references resolve")
                .contains("Payer Alternate ID 7777: 2 message(s).");

        Cli.Result refused = Cli.run("interface", "go-live", "clinic-r", "--url", engine.url());
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("not ready to go live").contains("--force");
        HttpResponse<String> conflict = engine.send(
                "POST", "/api/interfaces/clinic-r/lifecycle", "{\"state\": \"live\"}", TestEngine.ADMIN_AUTH);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(conflict.body())
                        .get("readiness")
                        .get("verdict")
                        .asText())
                .isEqualTo("FAIL");
        assertThat(JSON.readTree(
                                engine.get("/api/interfaces/clinic-r/lifecycle").body())
                        .get("state")
                        .asText())
                .isEqualTo("testing");

        HttpResponse<String> added = engine.send(
                "POST",
                "/api/interfaces/clinic-r/payers",
                "{\"sequenceNumber\": 7777, \"name\": \"Test Payer\", \"payerId\": \"P7777\"}",
                TestEngine.ADMIN_AUTH);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        Wait.until("the report passes the resolution check", Duration.ofSeconds(20), () -> {
            try {
                return item(readiness("clinic-r"), "test traffic's references resolve")
                        .get("verdict")
                        .asText()
                        .equals("PASS");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(readiness("clinic-r").get("verdict").asText()).isNotEqualTo("FAIL");

        Cli.Result live = Cli.run("interface", "go-live", "clinic-r", "--url", engine.url());
        assertThat(live.exitCode()).as(live.out() + live.err()).isEqualTo(0);
        JsonNode last = history("clinic-r").get(history("clinic-r").size() - 1);
        assertThat(last.get("to").asText()).isEqualTo("live");
        assertThat(last.get("forced").asBoolean()).isFalse();
    }

    @Test
    void forceGoesLivePastAFailAndTheAuditRecordsItAsForced() throws Exception {
        JsonNode report = readiness("clinic-s");
        assertThat(report.get("state").asText()).isEqualTo("setup");
        assertThat(item(report, "test traffic for ADT and DFT").get("verdict").asText())
                .isEqualTo("FAIL");

        Cli.Result forced = Cli.run(
                "interface", "go-live", "clinic-s", "--force", "--note", "cut-over tonight", "--url", engine.url());
        assertThat(forced.exitCode()).as(forced.out() + forced.err()).isEqualTo(0);
        assertThat(forced.out()).contains("setup -> live (FORCED)");

        JsonNode history = history("clinic-s");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("from").asText()).isEqualTo("setup");
        assertThat(last.get("to").asText()).isEqualTo("live");
        assertThat(last.get("forced").asBoolean()).isTrue();
        assertThat(last.get("changedBy").asText()).startsWith("admin");
        assertThat(last.get("note").asText())
                .contains("cut-over tonight")
                .contains("forced past: test traffic for ADT and DFT");

        // Paused and taken back: no new go-live, so the report (still FAIL) does not stand in the way.
        HttpResponse<String> paused = engine.send(
                "POST", "/api/interfaces/clinic-s/lifecycle", "{\"state\": \"disabled\"}", TestEngine.ADMIN_AUTH);
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
        HttpResponse<String> back = engine.send(
                "POST", "/api/interfaces/clinic-s/lifecycle", "{\"state\": \"live\"}", TestEngine.ADMIN_AUTH);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(JSON.readTree(back.body()).get("change").get("forced").asBoolean())
                .isFalse();
    }
}
