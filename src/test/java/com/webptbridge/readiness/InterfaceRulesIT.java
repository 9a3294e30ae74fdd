package com.webptbridge.readiness;

import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An interface file switches a rule off for its practice alone; a misspelled rule stops the start. */
class InterfaceRulesIT {

    private static String dft(String control) {
        return "MSH|^~\\&|WEBPT|CLINIC01|CMD|BILLING|20261121090000||DFT^P03^DFT_P03|" + control + "|P|2.5.1\r"
                + "EVN|P03|20261121090000\r"
                + "PID|1||P-" + control + "^^^WEBPT^MR||Ruiz^Ana||19500101|F\r"
                + "PV1|1|O|^^^7|||||1987654328^Patel^Anita^^^^^^^^^^NPI|||||||||||V-" + control + "\r"
                + "DG1|1||M54.50^Dx^I10\r"
                + "FT1|1|" + control + "-1||20261121||CG|97110|||1|45.00|||||^^^7|||M54.50|12^Reyes^Maria~1234567893"
                + "^Reyes^Maria^^^^^^^^^^NPI|||||97110\r"
                + "IN1|1|PLAN|1043|Payer||||G1||||||||Ruiz^Ana|SEL|19500101" + "|".repeat(18) + "M-1\r";
    }

    private static String send(int port, String message) throws Exception {
        try (MllpClient client = MllpClient.connect("127.0.0.1", port, java.time.Duration.ofSeconds(30))) {
            return new String(client.exchange(message.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        }
    }

    private static void define(Path dir, String id, int port, String rules) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve(id + ".yaml"),
                "id: " + id + "\nreference: conf/reference\nmllp:\n  port: " + port + "\n"
                        + (rules == null ? "" : "rules:\n  " + rules + "\n"));
    }

    @Test
    void aRuleSwitchedOffFindsNothingThereAndStillFindsElsewhere(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("interfaces");
        int portA = TestEngine.freePort();
        int portB = TestEngine.freePort();
        define(dir, "clinic-a", portA, "therapy-modifier: off");
        define(dir, "clinic-b", portB, "timely-filing: warn");
        try (TestEngine engine = TestEngine.start(Map.of("bridge.interfaces.dir", dir.toString()))) {
            String atA = send(portA, dft("RA-1"));
            assertThat(Hl7Text.get(Hl7Text.parseAck(atA), "/MSA-1")).as(atA).isEqualTo("AA");
            assertThat(Hl7Text.errors(Hl7Text.parseAck(atA))).isEmpty();
            String atB = send(portB, dft("RB-1"));
            assertThat(Hl7Text.get(Hl7Text.parseAck(atB), "/MSA-1")).isEqualTo("AA");
            assertThat(Hl7Text.errors(Hl7Text.parseAck(atB))).containsExactly("101@FT1-26");
        }
    }

    @Test
    void aMisspelledRuleStopsTheStartNamingItAndTheValidOnes(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("interfaces");
        define(dir, "clinic-c", TestEngine.freePort(), "therapy-modifer: off");
        assertThatThrownBy(() -> TestEngine.start(Map.of("bridge.interfaces.dir", dir.toString()))
                        .close())
                .hasStackTraceContaining("unknown claim-readiness rule 'therapy-modifer'")
                .hasStackTraceContaining("the rules are therapy-modifier, eight-minute");
    }

    @Test
    void testTrafficsFindingsGoWhenTheSandboxIsCleared(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("interfaces");
        int port = TestEngine.freePort();
        define(dir, "clinic-d", port, null);
        try (TestEngine engine = TestEngine.start(Map.of("bridge.interfaces.dir", dir.toString()))) {
            String ack = send(port, dft("RD-1").replace("|P|2.5.1\r", "|T|2.5.1\r"));
            assertThat(Hl7Text.errors(Hl7Text.parseAck(ack))).containsExactly("101@FT1-26");
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            var before = json.readTree(
                    engine.get("/api/interfaces/clinic-d/findings?test=true").body());
            assertThat(before).hasSize(1);
            assertThat(before.get(0).get("test").asBoolean()).isTrue();
            var reset =
                    engine.send("POST", "/api/interfaces/clinic-d/lifecycle/reset-test", "{}", TestEngine.ADMIN_AUTH);
            assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
            assertThat(json.readTree(engine.get("/api/interfaces/clinic-d/findings?test=true")
                            .body()))
                    .isEmpty();
        }
    }
}
