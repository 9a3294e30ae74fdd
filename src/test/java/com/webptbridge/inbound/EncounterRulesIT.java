package com.webptbridge.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.reference.ReferenceMaintenance;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.SeededDft;
import com.webptbridge.support.SeededDft.Charge;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** All or nothing per DFT, and never a charge twice, whatever is resent, fixed or raced. */
class EncounterRulesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.start();

    /** A DFT with three charges; the second uses the given code. */
    private static byte[] dft(String controlId, String patientId, String secondCode) {
        return SeededDft.of(
                "RULES",
                controlId,
                patientId,
                Charge.of("97110"),
                new Charge(secondCode, "1", "50.00"),
                new Charge("97140", "1", "42.00"));
    }

    private static String send(byte[] message) throws Exception {
        try (MllpClient client = engine.connect()) {
            return new String(client.exchange(message), StandardCharsets.UTF_8);
        }
    }

    private static List<String> postedTransactionIds(String patientId) throws Exception {
        JsonNode patient =
                JSON.readTree(engine.get("/api/patients/" + patientId).body());
        List<String> ids = new ArrayList<>();
        patient.path("encounters").forEach(e -> e.get("charges")
                .forEach(c -> ids.add(c.get("transactionId").asText())));
        return ids;
    }

    @Test
    void aDftWaitingForACptCodeIsAppliedWholeOnceTheCodeIsAdded() throws Exception {
        String ack = send(dft("CPT-1", "E100", "97012"));
        assertThat(Hl7Text.get(Hl7Text.parseAck(ack), "/MSA-1")).isEqualTo("AE");
        assertThat(Hl7Text.errors(Hl7Text.parseAck(ack))).containsExactly("204@FT1[2]-25");
        assertThat(Hl7Text.get(Hl7Text.parseAck(ack), "/MSA-3"))
                .contains("97012")
                .contains("add the CPT/HCPCS code");
        assertThat(engine.get("/api/patients/E100").statusCode())
                .as("nothing applied")
                .isEqualTo(404);

        new ReferenceMaintenance(engine.engine().database(), "default")
                .create(
                        ReferenceKind.PROCEDURE_CODE,
                        Map.of(
                                "code",
                                "97012",
                                "description",
                                "Mechanical traction",
                                "defaultCharge",
                                "30.00",
                                "defaultRevenueCode",
                                "0420"),
                        "test");

        assertThat(Hl7Text.get(Hl7Text.parseAck(send(dft("CPT-2", "E100", "97012"))), "/MSA-1"))
                .isEqualTo("AA");
        assertThat(postedTransactionIds("E100")).containsExactly("E100-A", "E100-B", "E100-C");

        assertThat(Hl7Text.get(Hl7Text.parseAck(send(dft("CPT-3", "E100", "97012"))), "/MSA-1"))
                .isEqualTo("AA");
        assertThat(postedTransactionIds("E100"))
                .as("a resend with a new control ID posts nothing again")
                .containsExactly("E100-A", "E100-B", "E100-C");
        JsonNode resend = JSON.readTree(
                        engine.get("/api/messages?patientId=E100&limit=1").body())
                .get(0);
        assertThat(resend.get("notes").toString())
                .contains("3 charge(s) already posted")
                .contains("E100-B");
    }

    @Test
    void concurrentResendsUnderDifferentControlIdsPostEachChargeOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> acks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String controlId = "RACE-DFT-" + i;
                acks.add(pool.submit(() -> send(dft(controlId, "E200", "97530"))));
            }
            for (Future<String> ack : acks) {
                assertThat(Hl7Text.get(Hl7Text.parseAck(ack.get(60, TimeUnit.SECONDS)), "/MSA-1"))
                        .isEqualTo("AA");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(postedTransactionIds("E200")).containsExactlyInAnyOrder("E200-A", "E200-B", "E200-C");
    }

    @Test
    void referenceDataIsListedAndSeededOnce() throws Exception {
        JsonNode payers = JSON.readTree(engine.get("/api/payers").body());
        assertThat(payers.findValuesAsText("sequenceNumber")).contains("1042", "1043", "1050");
        assertThat(JSON.readTree(engine.get("/api/procedure-codes").body()).findValuesAsText("code"))
                .contains("97110");
        assertThat(JSON.readTree(engine.get("/api/providers").body()).findValuesAsText("npi"))
                .contains("1234567893");
        assertThat(JSON.readTree(engine.get("/api/referring-providers").body()).size())
                .isEqualTo(2);
        assertThat(JSON.readTree(engine.get("/api/facilities").body()).size()).isEqualTo(2);
        // A second load of the same seed adds nothing.
        int before = payers.size();
        com.webptbridge.reference.ReferenceSeed.load(
                java.nio.file.Path.of("conf/reference"),
                new ReferenceMaintenance(engine.engine().database(), "default"));
        assertThat(JSON.readTree(engine.get("/api/payers").body()).size()).isEqualTo(before);
    }
}
