package com.webptbridge.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.store.Sql;
import com.webptbridge.support.Cli;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Other vendors' messages through the whole engine (issue 21): what the live run answers, the dry
 * run answers alike, and the reprocess line says what only the sender can fix.
 */
class RealWorldIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PERFORMER = "12^Reyes^Maria~1234567893^Reyes^Maria^^^^^^^^^^NPI";
    private static TestEngine engine;

    @BeforeAll
    static void start() throws Exception {
        engine = TestEngine.start();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static String dft(String controlId, String patientId, String... ft1s) {
        List<String> lines = new ArrayList<>(List.of(
                "MSH|^~\\&|OTHEREHR|RW|CMD|BILLING|20261121||DFT^P03^DFT_P03|" + controlId + "|P|2.5.1",
                "EVN|P03|20261121",
                "PID|1||" + patientId + "^^^WEBPT^MR||Ruiz^Ana||19700101|F",
                "PV1|1|O|^^^7||||||||||||||||V-" + controlId));
        lines.addAll(List.of(ft1s));
        lines.add("IN1|1|PLAN|1042|BCBS||||G1||||||||Ruiz^Ana|SEL|19700101||||||||||||||||||M-" + patientId);
        return String.join("\r", lines) + "\r";
    }

    private static String ft1(int setId, String transactionId, String units) {
        return "FT1|" + setId + "|" + transactionId + "||20261121||CG|97110|||" + units + "|45.00|||||^^^7||||"
                + PERFORMER + "|||||97110";
    }

    private static String send(String message) throws Exception {
        try (MllpClient c = engine.connect()) {
            return new String(c.exchange(Hl7Text.bytes(message)), StandardCharsets.UTF_8);
        }
    }

    private static List<String> errors(String ack) throws Exception {
        return Hl7Text.errors(Hl7Text.parseAck(ack));
    }

    private static JsonNode dryRun(String message) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(engine.url() + "/api/dry-run"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "text/plain")
                        .header("Authorization", TestEngine.ADMIN_AUTH)
                        .POST(HttpRequest.BodyPublishers.ofString(message))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static List<String> errors(JsonNode dryRun) {
        List<String> out = new ArrayList<>();
        dryRun.get("errors")
                .forEach(e ->
                        out.add(e.get("code").asInt() + "@" + e.get("location").asText()));
        return out;
    }

    @Test
    void twoChargesWithOneTransactionIdAreAnsweredAtTheSecondFt1Dash2LiveAndDry() throws Exception {
        String message = dft("RW-DUP", "RW100", ft1(1, "RW-T1", "1"), ft1(2, "RW-T1", "2"));

        JsonNode dry = dryRun(message);
        assertThat(dry.get("ackCode").asText()).isEqualTo("AE");
        assertThat(errors(dry)).containsExactly("102@FT1[2]-2");

        String ack = send(message);
        assertThat(ack).contains("MSA|AE|RW-DUP");
        assertThat(errors(ack)).containsExactly("102@FT1[2]-2");
        assertThat(Hl7Text.get(Hl7Text.parseAck(ack), "/MSA-3"))
                .contains("RW-T1")
                .doesNotContain("Internal error");
        try (Connection c = engine.engine().database().connection()) {
            assertThat(Sql.one(c, "SELECT COUNT(*) FROM charge WHERE transaction_id = 'RW-T1'", rs -> rs.getLong(1)))
                    .contains(0L);
        }
    }

    @Test
    void aRefusalOfTheDatabaseCausedByContentIsAnAeAtTheFt1LiveAndDry() throws Exception {
        try (Connection c = engine.engine().database().connection()) {
            // A billing rule the mapping does not know: 700 units pass the mapping, the table refuses them.
            Sql.update(c, "ALTER TABLE charge ADD CONSTRAINT rw_units_below_700 CHECK (units < 700)");
        }
        try {
            String message = dft("RW-REF", "RW200", ft1(1, "RW-R1", "1"), ft1(2, "RW-R2", "700"));

            // H2 says which row of the charges' batch it refused (FT1[2]); PostgreSQL refuses the
            // batch as a whole, so the answer can only name the segment (FT1), never another FT1.
            JsonNode dry = dryRun(message);
            assertThat(errors(dry)).as(dry.toString()).singleElement().isIn("102@FT1[2]", "102@FT1");

            String ack = send(message);
            assertThat(ack).contains("MSA|AE|RW-REF");
            assertThat(errors(ack)).isEqualTo(errors(dry));
            assertThat(Hl7Text.get(Hl7Text.parseAck(ack), "/MSA-3"))
                    .containsAnyOf("refused the charge in FT1[2]", "refused a charge (FT1)")
                    .contains("SQLSTATE 23")
                    .doesNotContain("Internal error");
        } finally {
            try (Connection c = engine.engine().database().connection()) {
                Sql.update(c, "ALTER TABLE charge DROP CONSTRAINT rw_units_below_700");
            }
        }
    }

    @Test
    void aNewPatientNeedsNameAndBirthDateAnUpdateDoesNotAndTheReprocessLineSaysWhatRemains() throws Exception {
        String bare = "MSH|^~\\&|OTHEREHR|RW|CMD|BILLING|20261121||ADT^A04^ADT_A01|RW-NEW1|P|2.5.1\r"
                + "PID|1||RW300^^^WEBPT^MR||^Ana||||||5 Elm St^^Springfield^IL^62704\r";
        String ack = send(bare);
        assertThat(ack).contains("MSA|AE|RW-NEW1");
        assertThat(errors(ack)).containsExactly("101@PID-5", "101@PID-7");

        long id;
        try (Connection c = engine.engine().database().connection()) {
            id = Sql.one(c, "SELECT id FROM message_journal WHERE control_id = 'RW-NEW1'", rs -> rs.getLong(1))
                    .orElseThrow();
        }
        Cli.Result reprocess = Cli.run("reprocess", String.valueOf(id), "--url", engine.url());
        assertThat(reprocess.out())
                .as(reprocess.err())
                .contains("ERROR (AE)")
                .contains("still to be fixed by the sender: required field missing (101) (PID-5)")
                .contains("required field missing (101) (PID-7)");

        assertThat(send(bare.replace("RW-NEW1", "RW-NEW2").replace("||^Ana||||", "||Ruiz^Ana||19700101||")))
                .contains("MSA|AA|RW-NEW2");
        assertThat(send(bare.replace("RW-NEW1", "RW-NEW3")))
                .as("an update may leave them out")
                .contains("MSA|AA");

        String ssOnly = "MSH|^~\\&|OTHEREHR|RW|CMD|BILLING|20261121||ADT^A04^ADT_A01|RW-SS|P|2.5.1\r"
                + "PID|1||123456789^^^SSA^SS||Ruiz^Ana||19700101\r";
        assertThat(errors(send(ssOnly))).containsExactly("101@PID-3");
    }
}
