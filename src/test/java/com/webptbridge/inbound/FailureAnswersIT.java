package com.webptbridge.inbound;

import ca.uhn.hl7v2.model.Message;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.LogCapture;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sender hears when a step fails: a bug is AE 207 (kept, journaled ERROR, no resend asked
 * for), a database failure is AR 207 (send it again later). Both through the real route.
 */
class FailureAnswersIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] a08(String controlId) {
        return Hl7Text.bytes("MSH|^~\\&|WEBPT|FAILCLINIC|CMD|BILLING|20261120||ADT^A08^ADT_A01|" + controlId
                + "|P|2.5.1\nPID|1||F100^^^WEBPT^MR||Zzyzxian^Quintessa||19700101|F\n");
    }

    private static Message exchange(TestEngine engine, byte[] message) throws Exception {
        try (MllpClient client = engine.connect()) {
            return Hl7Text.parseAck(new String(client.exchange(message), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aBugInAMappingStepIsAnsweredAe207AndTheMessageWaitsAsAnInternalError(@TempDir Path dir) throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        String route = Files.readString(Path.of("routes/webpt-inbound.yaml"));
        String broken = route.replace(
                "{ ref: \"{{patientInfo}}\", method: map }",
                "{ beanType: " + BrokenStep.class.getName() + ", method: map }");
        assertThat(broken).as("the route still names the Patient Info step").isNotEqualTo(route);
        Files.writeString(routes.resolve("webpt-inbound.yaml"), broken);

        try (TestEngine engine = TestEngine.start(Map.of("bridge.routes.dir", routes.toString()));
                LogCapture logs = new LogCapture()) {
            Message ack = exchange(engine, a08("BUG-1"));

            assertThat(Hl7Text.get(ack, "/MSA-1")).isEqualTo("AE");
            assertThat(Hl7Text.errors(ack)).containsExactly("207@");
            assertThat(Hl7Text.get(ack, "/MSA-3"))
                    .contains("Internal error")
                    .contains("kept")
                    .doesNotContain("again later");
            JsonNode entry =
                    JSON.readTree(engine.get("/api/messages?limit=1").body()).get(0);
            assertThat(entry.get("status").asText()).isEqualTo("ERROR");
            assertThat(entry.get("errors").get(0).get("reason").asText()).isEqualTo("INTERNAL_ERROR");
            JsonNode worklist = JSON.readTree(engine.get("/api/worklist").body());
            assertThat(worklist.toString()).contains("internal error (207)");
            assertThat(logs.textAsShipped())
                    .contains(IllegalStateException.class.getName())
                    .contains("BrokenStep.map")
                    .doesNotContain("Zzyzxian")
                    .doesNotContain("Quintessa");
        }
    }

    @Test
    void aDatabaseFailureInTheMiddleOfTheRouteIsAnsweredAr207(@TempDir Path dir) throws Exception {
        try (TestEngine engine = TestEngine.start()) {
            try (Connection c = engine.engine().database().connection();
                    Statement s = c.createStatement()) {
                s.execute("DROP TABLE applied_message"); // the duplicate check's table: the header check fails
            }

            Message ack = exchange(engine, a08("DB-1"));

            assertThat(Hl7Text.get(ack, "/MSA-1")).isEqualTo("AR");
            assertThat(Hl7Text.errors(ack)).containsExactly("207@");
            assertThat(Hl7Text.get(ack, "/MSA-3")).contains("Send it again later");
            JsonNode entry =
                    JSON.readTree(engine.get("/api/messages?limit=1").body()).get(0);
            assertThat(entry.get("status").asText()).isEqualTo("REJECTED");
        }
    }

    @Test
    void anUnreachableDatabaseIsAnsweredAr207() throws Exception {
        try (TestEngine engine = TestEngine.start()) {
            engine.engine().database().close(); // no connection can be had: not even the journal

            Message ack = exchange(engine, a08("DB-2"));

            assertThat(Hl7Text.get(ack, "/MSA-1")).isEqualTo("AR");
            assertThat(Hl7Text.errors(ack)).containsExactly("207@");
            assertThat(Hl7Text.get(ack, "/MSA-3")).contains("Send it again later");
        }
    }
}
