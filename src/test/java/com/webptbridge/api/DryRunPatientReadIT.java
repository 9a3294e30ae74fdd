package com.webptbridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A dry run for a stored patient shows its stored values: a patient read, in the access log, SSN masked. */
class DryRunPatientReadIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.start();

    @Test
    void aDryRunForAStoredPatientIsLoggedAndShowsNoSsnInClear() throws Exception {
        try (MllpClient c = engine.connect()) {
            String ack = new String(
                    c.exchange(Hl7Text.bytes("MSH|^~\\&|WEBPT|DRYCLINIC|CMD|BILLING|20261120||ADT^A04^ADT_A01|DRY-1"
                            + "|P|2.5.1\nPID|1||D100^^^WEBPT^MR||Storedname^Dana||19700101|F"
                            + "|||||||||||123-45-6789\n")),
                    StandardCharsets.UTF_8);
            assertThat(ack).contains("MSA|AA");
        }
        HttpResponse<String> added =
                engine.send("POST", "/api/users", "{\"name\":\"dora\",\"role\":\"analyst\"}", TestEngine.ADMIN_AUTH);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String dora = TestEngine.basic(
                "dora", JSON.readTree(added.body()).get("password").asText());

        String message = "MSH|^~\\&|WEBPT|DRYCLINIC|CMD|BILLING|20261121||ADT^A08^ADT_A01|DRY-2|P|2.5.1\r"
                + "PID|1||D100^^^WEBPT^MR||Othername^Dana||19700101|F|||||||||||987-65-4321\r";
        HttpResponse<String> dry = engine.send(
                "POST", "/api/dry-run", JSON.writeValueAsString(java.util.Map.of("message", message)), dora);

        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(dry.body());
        assertThat(answer.get("patientIsNew").asBoolean()).isFalse();
        JsonNode ssn = null;
        for (JsonNode change : answer.get("patientChanges")) {
            if (change.get("field").asText().equals("ssn")) {
                ssn = change;
            }
        }
        assertThat(ssn).as(dry.body()).isNotNull();
        assertThat(ssn.get("before").asText()).isEqualTo("***-**-6789");
        assertThat(ssn.get("after").asText()).isEqualTo("***-**-4321");
        assertThat(dry.body())
                .contains("Storedname") // the stored values are shown: that is why it is a read
                .doesNotContain("123-45-6789")
                .doesNotContain("123456789")
                .doesNotContain("987654321");

        JsonNode log = JSON.readTree(engine.get("/api/access-log?patientId=D100", TestEngine.ADMIN_AUTH)
                .body());
        assertThat(log).as("the dry run's read").hasSize(1);
        assertThat(log.get(0).get("user").asText()).isEqualTo("dora");
        assertThat(log.get(0).get("action").asText()).isEqualTo("READ_PATIENT");
        assertThat(log.get(0).get("resource").asText()).isEqualTo("/api/dry-run");
    }
}
