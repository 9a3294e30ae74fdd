package com.webptbridge.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.SeededDft;
import com.webptbridge.support.SeededDft.Charge;
import com.webptbridge.support.SeededDft.Place;
import com.webptbridge.support.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WebPT's list (a fixture CSV with a foreign export's headers) against known postings: every case
 * is found (posted; waiting, with its reason; rejected; never received; posted but not listed; units
 * differ), each line linking to its message; the read needs the analyst role and is in the access log.
 */
class ReconcileIT {

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.start();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String list() throws Exception {
        try (InputStream in = ReconcileIT.class.getResourceAsStream("/reconcile/webpt-billed.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String ackCode(String ack) {
        return ack.split("\r")[1].split("\\|")[1];
    }

    private static String send(String controlId, String patient, Place place, Charge charge, int... msh11)
            throws Exception {
        var dft = SeededDft.builder("RECON", controlId, patient, place, charge).field("PV1", 19, "V-" + controlId);
        if (msh11.length > 0) {
            dft.field("MSH", 11, "X");
        }
        return ackCode(engine.exchange(dft));
    }

    @BeforeAll
    static void post() throws Exception {
        assertThat(send("R-1", "RC1", Place.SPRINGFIELD, new Charge("97110", "1", "45.00")))
                .isEqualTo("AA");
        assertThat(send("R-2", "RC2", Place.SPRINGFIELD, new Charge("97110", "2", "90.00")))
                .isEqualTo("AA");
        assertThat(send("R-3", "RC3", Place.SPRINGFIELD.paidBy("2001"), new Charge("97110", "1", "45.00")))
                .isEqualTo("AE");
        assertThat(send("R-4", "RC4", Place.SPRINGFIELD, new Charge("97140", "1", "42.00"), 1))
                .isEqualTo("AR");
        assertThat(send("R-6", "RC6", Place.PEORIA, new Charge("97161", "1", "120.00")))
                .isEqualTo("AA");
    }

    private HttpResponse<String> reconcile(String format, String authorization) throws Exception {
        return engine.get().send("POST", "/api/reconcile?format=" + format, list(), "text/csv", authorization);
    }

    @Test
    void everyCaseIsFoundAndSaysWhy() throws Exception {
        HttpResponse<String> r = reconcile("json", TestEngine.ADMIN_AUTH);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(r.body());
        assertThat(result.get("from").asText()).isEqualTo("2026-11-21");
        Map<String, JsonNode> byPatient = new HashMap<>();
        for (String part : new String[] {"posted", "notPosted", "notListed", "different"}) {
            result.get(part).forEach(l -> byPatient.put(l.get("patientId").asText(), l));
        }
        assertThat(byPatient).containsOnlyKeys("RC1", "RC2", "RC3", "RC4", "RC5", "RC6");

        assertThat(result.get("posted")).hasSize(1);
        assertThat(byPatient.get("RC1").get("status").asText()).isEqualTo("POSTED");
        assertThat(byPatient.get("RC1").get("journalId").isNumber()).isTrue();

        JsonNode units = byPatient.get("RC2");
        assertThat(units.get("status").asText()).isEqualTo("DIFFERENT");
        assertThat(units.get("why").asText())
                .isEqualTo("WebPT billed 3 unit(s), 2 were posted; WebPT billed $135.00, $90.00 was posted.");
        assertThat(units.get("row").asInt()).isEqualTo(3);

        JsonNode waiting = byPatient.get("RC3");
        assertThat(waiting.get("status").asText()).isEqualTo("WAITING");
        assertThat(waiting.get("why").asText()).startsWith("Waiting since ").contains("2001");
        assertThat(waiting.get("journalId").isNumber()).isTrue();

        JsonNode rejected = byPatient.get("RC4");
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("why").asText()).startsWith("Rejected on ").contains("MSH-11");

        assertThat(byPatient.get("RC5").get("status").asText()).isEqualTo("NEVER_RECEIVED");
        assertThat(byPatient.get("RC5").get("journalId").isNull()).isTrue();

        JsonNode notListed = byPatient.get("RC6");
        assertThat(notListed.get("status").asText()).isEqualTo("NOT_LISTED");
        assertThat(notListed.get("row").isNull()).isTrue();
        assertThat(notListed.get("postedAmount").decimalValue()).isEqualByComparingTo("120.00");
    }

    @Test
    void csvAndTextCarryTheSameLines() throws Exception {
        String csv = reconcile("csv", TestEngine.ADMIN_AUTH).body();
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("status,row,patientId,serviceDate,procedureCode,billedUnits,billedAmount,postedUnits,"
                        + "postedAmount,visitId,journalId,why");
        assertThat(csv).contains("never-received,6,RC5,2026-11-21,97110,1,45.00");
        assertThat(csv).contains("not-listed,,RC6,2026-11-21,97161");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("webpt-billed", ".csv");
        java.nio.file.Files.writeString(file, list());
        com.webptbridge.support.Cli.Result cli = com.webptbridge.support.Cli.run(
                "reconcile", file.toString(), "--url", engine.get().url());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("line 6: RC5 2026-11-21 97110: Never received");
        String text = reconcile("text", TestEngine.ADMIN_AUTH).body();
        assertThat(text).contains("1 posted, 3 not posted, 1 posted differently, 1 posted but not in WebPT's list");
    }

    @Test
    void aViewerMayNotAndTheAnalystsReadIsInTheAccessLog() throws Exception {
        TestEngine e = engine.get();
        HttpResponse<String> added = e.send(
                "POST", "/api/users", "{\"name\": \"recon-viewer\", \"role\": \"viewer\"}", TestEngine.ADMIN_AUTH);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String viewer = TestEngine.basic(
                "recon-viewer", JSON.readTree(added.body()).get("password").asText());
        assertThat(reconcile("json", viewer).statusCode()).isEqualTo(403);

        HttpResponse<String> analystAdded = e.send(
                "POST", "/api/users", "{\"name\": \"recon-analyst\", \"role\": \"analyst\"}", TestEngine.ADMIN_AUTH);
        String analyst = TestEngine.basic(
                "recon-analyst",
                JSON.readTree(analystAdded.body()).get("password").asText());
        assertThat(reconcile("json", analyst).statusCode()).isEqualTo(200);
        JsonNode log = JSON.readTree(e.get("/api/access-log?user=recon-analyst").body());
        assertThat(log.toString()).contains("READ_PATIENT").contains("/api/reconcile");
    }

    @Test
    void aListWithoutItsColumnsIsRefusedNamingWhatItNeeds() throws Exception {
        HttpResponse<String> r = engine.get()
                .send("POST", "/api/reconcile", "Name,Date\nAna,2026-11-21\n", "text/csv", TestEngine.ADMIN_AUTH);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("no Patient ID column").contains("Name, Date");
        HttpResponse<String> bad = engine.get()
                .send(
                        "POST",
                        "/api/reconcile",
                        "Patient ID,DOS,CPT,Units\nP1,yesterday,97110,1\n",
                        "text/csv",
                        TestEngine.ADMIN_AUTH);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Line 2: the date of service 'yesterday' is not a date");
    }
}
