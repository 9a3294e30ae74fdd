package com.webptbridge.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Cli;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.SeededDft;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The advice the analyst's loop gives, over the real socket, API and command line: an inactive
 * reference is named as inactive and released by reactivating it, a charge is never posted at 0.00
 * silently, the worklist speaks in control IDs and counts a resend once, and a bulk reprocess can be
 * previewed without changing anything.
 */
class AnalystAdviceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.start();

    private static String url;

    @BeforeAll
    static void start() throws Exception {
        url = "http://127.0.0.1:" + engine.engine().httpPort();
    }

    private static String send(String message) throws Exception {
        try (MllpClient client = engine.connect()) {
            return new String(client.exchange(Hl7Text.bytes(message)), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode api(String path) throws Exception {
        return JSON.readTree(engine.get(path).body());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return engine.send("POST", path, body, TestEngine.ADMIN_AUTH);
    }

    private static JsonNode worklistLine(String kind, String key) throws Exception {
        for (JsonNode line : api("/api/worklist")) {
            if (kind.equals(line.path("kind").asText())
                    && key.equals(line.path("key").asText())) {
                return line;
            }
        }
        throw new AssertionError("No worklist line for " + kind + " " + key + ": " + api("/api/worklist"));
    }

    private static String status(String controlId) throws Exception {
        return api("/api/messages?controlId=" + controlId).get(0).get("status").asText();
    }

    @Test
    void aDftNamingADeactivatedPayerIsToldToReactivateItAndReactivatingReleasesIt() throws Exception {
        Cli.Result added = Cli.run(
                "payer", "add", "--name", "Old Plan", "--payer-id", "OLD1", "--sequence-number", "3001", "--url", url);
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(Cli.run("payer", "deactivate", "3001", "--url", url).exitCode())
                .isZero();

        String ack = send(SeededDft.naming("ADV-INACT", "A100", "3001", "97110", "1987654328"));

        assertThat(Hl7Text.get(Hl7Text.parseAck(ack), "/MSA-1")).isEqualTo("AE");
        assertThat(ack)
                .contains("204")
                .contains("IN1^1^3")
                .contains("exists but is inactive")
                .contains("bridge payer update 3001 --activate")
                .doesNotContain("import it under");
        JsonNode line = worklistLine("payer", "3001");
        assertThat(line.get("action").asText())
                .contains("exists in the billing system but is inactive")
                .contains("`bridge payer update 3001 --activate`")
                .contains("PUT /api/payers/3001");

        Cli.Result reactivated = Cli.run("payer", "update", "3001", "--activate", "--url", url);

        assertThat(reactivated.exitCode()).as(reactivated.err()).isZero();
        assertThat(reactivated.out()).contains("PROCESSED (AA)");
        assertThat(status("ADV-INACT")).isEqualTo("PROCESSED");
    }

    @Test
    void aChargeWithNoAmountWhoseCodeHasNoDefaultChargeIsAe101AtFt1Dash11() throws Exception {
        Cli.Result code = Cli.run(
                "procedure-code", "add", "--code", "97750", "--description", "Physical performance test", "--url", url);
        assertThat(code.exitCode()).as(code.err()).isZero();
        String dft = SeededDft.naming("ADV-ZERO", "A200", "1042", "97750", "1987654328")
                .replace("|1|45.00|", "|1||");

        String ack = send(dft);

        assertThat(Hl7Text.get(Hl7Text.parseAck(ack), "/MSA-1")).isEqualTo("AE");
        assertThat(ack)
                .contains("FT1^1^11")
                .contains("101")
                .contains("Charge 1 has no amount and code 97750 has no default charge: send the amount");
        assertThat(api("/api/patients/A200").path("encounters")).isEmpty();

        Cli.Result withDefault =
                Cli.run("procedure-code", "update", "97750", "--default-charge", "55.00", "--url", url);
        assertThat(withDefault.exitCode()).as(withDefault.err()).isZero();
        assertThat(Cli.run(
                                "reprocess",
                                api("/api/messages?controlId=ADV-ZERO")
                                        .get(0)
                                        .get("id")
                                        .asText(),
                                "--url",
                                url)
                        .out())
                .contains("PROCESSED (AA)");
        assertThat(api("/api/patients/A200")
                        .get("encounters")
                        .get(0)
                        .get("charges")
                        .get(0)
                        .get("amount")
                        .asText())
                .isEqualTo("55.0"); // JSON number 55.00
    }

    @Test
    void theWorklistNamesControlIdsAndPatientIdsAndCountsAResendOnce() throws Exception {
        String dft = SeededDft.naming("ADV-RESEND", "A300", "2002", "97110", "1987654328");
        send(dft);
        send(dft); // WebPT resends the message it got a NAK for

        JsonNode line = worklistLine("payer", "2002");

        assertThat(line.get("messages").asInt()).isEqualTo(1);
        assertThat(line.get("journalIds")).hasSize(2);
        assertThat(MaintenanceLoopIT.ids(line.get("controlIds"))).containsExactly("ADV-RESEND");
        assertThat(MaintenanceLoopIT.ids(line.get("patientIds"))).containsExactly("A300");
        assertThat(line.get("oldest").asText()).isNotEmpty();
        Cli.Result worklist = Cli.run("worklist", "--url", url);
        assertThat(worklist.out())
                .contains("Payer Alternate ID 2002 (IN1-3): 1 message(s), 1 patient(s), first received ")
                .contains("Control IDs: ADV-RESEND; patient IDs: A300");
    }

    @Test
    void messagesAreFoundByControlIdAndAMisspeltParameterIsRefused() throws Exception {
        send(SeededDft.naming("ADV-FIND", "A400", "2003", "97110", "1987654328"));

        JsonNode found = api("/api/messages?controlId=ADV-FIND");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("controlId").asText()).isEqualTo("ADV-FIND");

        HttpResponse<String> misspelt = engine.get("/api/messages?controlID=ADV-FIND");
        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(misspelt.body())
                .contains("Unknown query parameter 'controlID'")
                .contains("status, type, patientId, controlId, facility, errorCode, from, to, limit, offset");
        assertThat(engine.get("/api/worklist?kind=payer").statusCode()).isEqualTo(400);
        assertThat(engine.get("/api/payers?search=x").body()).contains("it takes q");
    }

    @Test
    void aDryRunListsWhatWouldBeReprocessedAndChangesNothing() throws Exception {
        send(SeededDft.naming("ADV-DRY", "A500", "2004", "97110", "1987654328"));
        JsonNode before = api("/api/messages?controlId=ADV-DRY").get(0);

        HttpResponse<String> dry =
                post("/api/messages/reprocess", "{\"waitingKind\":\"payer\",\"waitingKey\":\"2004\",\"dryRun\":true}");
        Cli.Result cli = Cli.run("reprocess", "--waiting", "payer:2004", "--dry-run", "--url", url);

        assertThat(dry.statusCode()).isEqualTo(200);
        JsonNode would = JSON.readTree(dry.body()).get("wouldReprocess");
        assertThat(would).hasSize(1);
        assertThat(would.get(0).get("controlId").asText()).isEqualTo("ADV-DRY");
        assertThat(MaintenanceLoopIT.ids(would.get(0).get("waitingFor"))).containsExactly("payer 2004");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("(control ID ADV-DRY): ERROR, still waits for payer 2004")
                .contains("1 message(s) would be reprocessed; nothing was changed");
        JsonNode after = api("/api/messages?controlId=ADV-DRY").get(0);
        assertThat(after.get("attempts").asInt())
                .isEqualTo(before.get("attempts").asInt());

        Cli.Result real = Cli.run("reprocess", "--waiting", "payer:2004", "--url", url);
        assertThat(real.out()).contains("ERROR (AE), still waits for payer 2004");
    }
}
