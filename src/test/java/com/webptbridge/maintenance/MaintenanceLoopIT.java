package com.webptbridge.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Cli;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.SeededDft;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst's loop end to end: a DFT waits for a missing reference, the analyst adds it with the
 * real `bridge` command line, and the waiting DFT goes through without a resend.
 */
class MaintenanceLoopIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.start();

    private static String url;

    @BeforeAll
    static void start() throws Exception {
        url = "http://127.0.0.1:" + engine.engine().httpPort();
    }

    static String send(String message) throws Exception {
        try (MllpClient client = engine.connect()) {
            return new String(client.exchange(Hl7Text.bytes(message)), StandardCharsets.UTF_8);
        }
    }

    static String ackCode(String ack) throws Exception {
        return Hl7Text.get(Hl7Text.parseAck(ack), "/MSA-1");
    }

    static JsonNode api(String path) throws Exception {
        return JSON.readTree(engine.get(path).body());
    }

    static String status(String patientId) throws Exception {
        return api("/api/messages?patientId=" + patientId + "&limit=1")
                .get(0)
                .get("status")
                .asText();
    }

    @Test
    void aDftWaitingForACptCodeGoesThroughWhenTheAnalystAddsTheCode() throws Exception {
        assertThat(ackCode(send(SeededDft.naming("LOOP-CPT", "L100", "1042", "97112", "1987654328"))))
                .isEqualTo("AE");
        assertThat(status("L100")).isEqualTo("ERROR");

        Cli.Result added = Cli.run(
                "procedure-code",
                "add",
                "--code",
                "97112",
                "--description",
                "Neuromuscular re-education",
                "--default-charge",
                "44.00",
                "--default-revenue-code",
                "0420",
                "--url",
                url);

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("1 waiting message(s) reprocessed").contains("PROCESSED (AA)");
        assertThat(status("L100")).isEqualTo("PROCESSED");
        JsonNode charges = api("/api/patients/L100").get("encounters").get(0).get("charges");
        assertThat(charges.findValuesAsText("procedureCode")).containsExactly("97112");
        JsonNode entry = api("/api/messages/"
                + api("/api/messages?patientId=L100").get(0).get("id").asLong());
        assertThat(entry.get("attempts").asInt()).isEqualTo(2);
        JsonNode history = entry.get("attemptHistory");
        assertThat(history.findValuesAsText("ackCode")).containsExactly("AE", "AA");
        // The NAK WebPT received is kept, not overwritten by the reprocess's ACK.
        assertThat(history.get(0).get("ack").asText())
                .contains("MSA|AE|LOOP-CPT")
                .contains("97112");
        assertThat(history.get(1).get("ack").asText()).contains("MSA|AA|LOOP-CPT");
    }

    @Test
    void aDftWaitingForAReferringProviderGoesThroughWhenTheNpiIsAdded() throws Exception {
        assertThat(ackCode(send(SeededDft.naming("LOOP-REF", "L200", "1042", "97110", "1548215544"))))
                .isEqualTo("AE");
        Cli.Result added = Cli.run(
                "referring-provider",
                "add",
                "--last-name",
                "Ng",
                "--first-name",
                "Owen",
                "--npi",
                "1548215544",
                "--url",
                url);
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(status("L200")).isEqualTo("PROCESSED");
        assertThat(api("/api/patients/L200")
                        .get("encounters")
                        .get(0)
                        .get("referringProvider")
                        .get("npi")
                        .asText())
                .isEqualTo("1548215544");
    }

    @Test
    void aPayerImportedUnderTheWaitingAlternateIdReleasesTheDftAndTheWorklistClears() throws Exception {
        assertThat(ackCode(send(SeededDft.naming("LOOP-PAY", "L300", "2001", "97110", "1987654328"))))
                .isEqualTo("AE");

        JsonNode before = api("/api/worklist");
        assertThat(before.toString()).contains("Payer Alternate ID 2001 (IN1-3)");
        Cli.Result worklist = Cli.run("worklist", "--url", url);
        assertThat(worklist.out())
                .contains("Payer Alternate ID 2001 (IN1-3): 1 message(s), 1 patient(s), first received ");

        Cli.Result imported = Cli.run(
                "payer",
                "add",
                "--name",
                "United Healthcare",
                "--payer-id",
                "87726",
                "--sequence-number",
                "2001",
                "--url",
                url,
                "--operator",
                "jo.analyst");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Sequence Number 2001");
        assertThat(status("L300")).isEqualTo("PROCESSED");
        assertThat(api("/api/worklist").toString()).doesNotContain("Payer Alternate ID 2001");
        assertThat(api("/api/payers/2001/audit").get(0).get("operator").asText())
                .isEqualTo("jo.analyst");
    }

    @Test
    void addingAPayerWithoutANumberPrintsTheNewSequenceNumberAndWhereItGoes() throws Exception {
        Cli.Result added = Cli.run("payer", "add", "--name", "Humana", "--payer-id", "61101", "--url", url);
        assertThat(added.exitCode()).as(added.err()).isZero();
        long max = 0;
        for (JsonNode p : api("/api/payers")) {
            max = Math.max(max, p.get("sequenceNumber").asLong());
        }
        assertThat(added.out())
                .contains("Added payer with Sequence Number " + max + ".")
                .contains("Enter " + max + " as this payer's Alternate ID in WebPT");
        assertThat(api("/api/payers/" + max + "/audit").get(0).get("operator").asText())
                .isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void anOlderDftReprocessedAfterANewerOneDoesNotReplaceTheNewerInsurance() throws Exception {
        assertThat(ackCode(send(SeededDft.naming("ORDER-OLD", "L400", "2002", "97110", "1987654328"))))
                .isEqualTo("AE");
        assertThat(ackCode(send(SeededDft.naming("ORDER-NEW", "L400", "1042", "97140", "1987654328"))))
                .isEqualTo("AA");

        Cli.Result imported = Cli.run(
                "payer", "add", "--name", "Cigna", "--payer-id", "62308", "--sequence-number", "2002", "--url", url);
        assertThat(imported.exitCode()).isZero();

        JsonNode patient = api("/api/patients/L400");
        assertThat(patient.get("insurances")
                        .get(0)
                        .get("payer")
                        .get("sequenceNumber")
                        .asLong())
                .isEqualTo(1042);
        assertThat(patient.findValuesAsText("transactionId")).containsExactlyInAnyOrder("ORDER-OLD-1", "ORDER-NEW-1");
        JsonNode old = api("/api/messages?patientId=L400&status=PROCESSED");
        assertThat(old.toString()).contains("Policy at priority 1 not changed");
    }

    @Test
    void validationErrorsAreClearThroughTheApi() throws Exception {
        assertThat(post("/api/providers", "{\"lastName\":\"Lee\",\"firstName\":\"Ann\",\"npi\":\"1234567890\"}"))
                .startsWith("400")
                .contains("not a valid NPI");
        assertThat(post("/api/payers", "{\"payerId\":\"1\"}")).startsWith("400").contains("name is required");
        assertThat(post(
                        "/api/referring-providers",
                        "{\"lastName\":\"Patel\",\"firstName\":\"A\",\"npi\":\"1987654328\"}"))
                .startsWith("409")
                .contains("already belongs to referring provider");
        assertThat(post("/api/payers", "{\"name\":\"X\",\"payerId\":\"1\",\"sequenceNumber\":1042}"))
                .startsWith("409")
                .contains("1042 is already taken");
        assertThat(engine.get("/api/payers/777777").statusCode()).isEqualTo(404);
        assertThat(engine.get("/api/payers/777777").body()).contains("No payer has Sequence Number 777777");
        assertThat(post("/api/payers", "{not json")).startsWith("400").contains("not valid JSON");
    }

    @Test
    void validationErrorsAreClearThroughTheCli() {
        Cli.Result badNpi = Cli.run(
                "provider", "add", "--last-name", "Lee", "--first-name", "Ann", "--npi", "1234567890", "--url", url);
        assertThat(badNpi.exitCode()).isEqualTo(2);
        assertThat(badNpi.err()).contains("not a valid NPI");
        Cli.Result missing = Cli.run("payer", "add", "--payer-id", "1", "--url", url);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("name is required");
        Cli.Result duplicate = Cli.run(
                "referring-provider",
                "add",
                "--last-name",
                "Patel",
                "--first-name",
                "A",
                "--npi",
                "1987654328",
                "--url",
                url);
        assertThat(duplicate.exitCode()).isEqualTo(2);
        assertThat(duplicate.err()).contains("already belongs to referring provider");
        Cli.Result unknown = Cli.run("payer", "show", "777777", "--url", url);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("No payer has Sequence Number 777777");
        Cli.Result unknownUpdate = Cli.run("facility", "update", "777777", "--name", "X", "--url", url);
        assertThat(unknownUpdate.exitCode()).isEqualTo(2);
        Cli.Result unreachable = Cli.run("payer", "list", "--url", "http://127.0.0.1:1");
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).contains("Cannot reach the engine");
    }

    @Test
    void updateDeactivateAndSearchWork() {
        Cli.Result update = Cli.run("facility", "update", "8", "--name", "Peoria PT & Rehab", "--url", url);
        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(Cli.run("facility", "list", "--search", "rehab", "--url", url)
                        .out())
                .contains("Peoria PT & Rehab");
        Cli.Result off = Cli.run("procedure-code", "deactivate", "97035", "--url", url);
        assertThat(off.exitCode()).isZero();
        assertThat(Cli.run("procedure-code", "show", "97035", "--url", url).out())
                .contains("active: false");
    }

    private static String post(String path, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url + path))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .header("X-Operator", "test")
                                .header("Content-Type", "application/json")
                                .header("Authorization", com.webptbridge.support.TestEngine.ADMIN_AUTH)
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
