package com.webptbridge.inbound;

import ca.uhn.hl7v2.model.Message;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Duplicates, ACK addressing and enhanced-mode accept acknowledgments, end to end. */
class AcknowledgmentRulesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.start();

    private static byte[] a08(String controlId, String patientId, String lastName, String msh15) {
        return Hl7Text.bytes("MSH|^~\\&|WEBPT|DUPCLINIC|CMD|BILLING|20261120||ADT^A08^ADT_A01|" + controlId
                + "|P|2.5.1|||" + msh15 + "\nPID|1||" + patientId + "^^^WEBPT^MR||" + lastName + "^Sam||19700101|M\n");
    }

    private static String exchange(byte[] message) throws Exception {
        try (MllpClient client = engine.connect()) {
            return new String(client.exchange(message), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode patient(String id) throws Exception {
        return JSON.readTree(engine.get("/api/patients/" + id).body());
    }

    @Test
    void aResendReturnsTheOriginalAckAndChangesNothing() throws Exception {
        String first = exchange(a08("DUP-1", "D100", "Original", ""));
        assertThat(Hl7Text.get(Hl7Text.parseAck(first), "/MSA-1")).isEqualTo("AA");

        // The same message sent again later: only MSH-7, the time of sending, differs.
        String again = exchange(new String(a08("DUP-1", "D100", "Original", ""), StandardCharsets.UTF_8)
                .replace("|20261120||", "|20261121||")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(again).isEqualTo(first); // the stored ACK, byte for byte
        JsonNode journal =
                JSON.readTree(engine.get("/api/messages?patientId=D100").body());
        assertThat(journal).hasSize(2);
        assertThat(journal.get(0).get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(journal.get(0).get("duplicateOf").asLong())
                .isEqualTo(journal.get(1).get("id").asLong());
        assertThat(journal.get(0).get("notes").get(0).asText()).contains("not applied again");
    }

    @Test
    void aReusedControlIdWithOtherContentIsANewMessageAndTheJournalSaysSo() throws Exception {
        exchange(a08("REUSED-1", "D150", "First", ""));

        String second = exchange(a08("REUSED-1", "D150", "Renamed", ""));

        assertThat(Hl7Text.get(Hl7Text.parseAck(second), "/MSA-1")).isEqualTo("AA");
        assertThat(patient("D150").get("lastName").asText()).isEqualTo("Renamed");
        JsonNode journal =
                JSON.readTree(engine.get("/api/messages?patientId=D150").body());
        assertThat(journal).extracting(e -> e.get("status").asText()).containsExactly("PROCESSED", "PROCESSED");
        assertThat(journal.get(0).get("notes").toString()).contains("Control ID reused");
    }

    @Test
    void theSameControlIdFromAnotherFacilityIsNotADuplicate() throws Exception {
        exchange(a08("SHARED-1", "D200", "One", ""));
        byte[] other = new String(a08("SHARED-1", "D200", "Two", ""), StandardCharsets.UTF_8)
                .replace("DUPCLINIC", "OTHERCLINIC")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Hl7Text.get(Hl7Text.parseAck(exchange(other)), "/MSA-1")).isEqualTo("AA");
        assertThat(patient("D200").get("lastName").asText()).isEqualTo("Two");
    }

    @Test
    void concurrentResendsOfOneMessageApplyItOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> acks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                acks.add(pool.submit(() -> exchange(a08("RACE-1", "D300", "Racer", ""))));
            }
            for (Future<String> ack : acks) {
                assertThat(Hl7Text.get(Hl7Text.parseAck(ack.get(60, TimeUnit.SECONDS)), "/MSA-1"))
                        .isEqualTo("AA");
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode processed = JSON.readTree(
                engine.get("/api/messages?patientId=D300&status=PROCESSED").body());
        JsonNode duplicates = JSON.readTree(
                engine.get("/api/messages?patientId=D300&status=DUPLICATE").body());
        assertThat(processed).hasSize(1);
        assertThat(duplicates).hasSize(7);
    }

    @Test
    void anA08ForAnUnknownPatientCreatesThePatient() throws Exception {
        assertThat(engine.get("/api/patients/D400").statusCode()).isEqualTo(404);
        exchange(a08("NEW-1", "D400", "Fresh", ""));
        assertThat(patient("D400").get("lastName").asText()).isEqualTo("Fresh");
    }

    @Test
    void theAckSwapsSenderAndReceiverAndKeepsTheVersion() throws Exception {
        Message ack = Hl7Text.parseAck(exchange(a08("ADDR-1", "D500", "Addr", "")));
        assertThat(Hl7Text.get(ack, "/MSH-3")).isEqualTo("CMD");
        assertThat(Hl7Text.get(ack, "/MSH-4")).isEqualTo("BILLING");
        assertThat(Hl7Text.get(ack, "/MSH-5")).isEqualTo("WEBPT");
        assertThat(Hl7Text.get(ack, "/MSH-6")).isEqualTo("DUPCLINIC");
        assertThat(Hl7Text.get(ack, "/MSH-9-1")).isEqualTo("ACK");
        assertThat(Hl7Text.get(ack, "/MSH-9-2")).isEqualTo("A08");
        assertThat(Hl7Text.get(ack, "/MSH-12")).isEqualTo("2.5.1");
    }

    @Test
    void enhancedModeAnswersAcceptCodesAsMsh15Asks() throws Exception {
        try (TestEngine enhanced = TestEngine.start(java.util.Map.of("bridge.ack.mode", "enhanced"));
                MllpClient client = enhanced.connect()) {
            // AL: always an accept ACK, CA once the message is safely stored.
            Message al = Hl7Text.parseAck(
                    new String(client.exchange(a08("ENH-1", "D600", "Enh", "AL")), StandardCharsets.UTF_8));
            assertThat(Hl7Text.get(al, "/MSA-1")).isEqualTo("CA");
            // NE: no answer at all; the next answer on this connection belongs to the next message.
            client.send(a08("ENH-2", "D600", "Enh", "NE"));
            // ER with an error: CR with the problem.
            byte[] bad = new String(a08("ENH-3", "D600", "Enh", "ER"), StandardCharsets.UTF_8)
                    .replace("2.5.1", "2.9")
                    .getBytes(StandardCharsets.UTF_8);
            Message er = Hl7Text.parseAck(new String(client.exchange(bad), StandardCharsets.UTF_8));
            assertThat(Hl7Text.get(er, "/MSA-2")).isEqualTo("ENH-3");
            assertThat(Hl7Text.get(er, "/MSA-1")).isEqualTo("CR");
            assertThat(Hl7Text.errors(er)).containsExactly("203@MSH-12");
            JsonNode ne = JSON.readTree(enhanced.get("/api/messages?patientId=D600&status=PROCESSED")
                    .body());
            assertThat(ne).hasSize(2); // ENH-1 and ENH-2 were both applied
        }
    }

    @Test
    void byDefaultASenderThatAsksForAcceptAcksStillGetsTheApplicationAck() throws Exception {
        try (MllpClient client = engine.connect()) {
            Message al = Hl7Text.parseAck(
                    new String(client.exchange(a08("ORIG-1", "D700", "Orig", "AL")), StandardCharsets.UTF_8));
            assertThat(Hl7Text.get(al, "/MSA-1")).isEqualTo("AA");
            byte[] bad = new String(a08("ORIG-2", "D700", "Orig", "AL"), StandardCharsets.UTF_8)
                    .replace("19700101", "1970XX01")
                    .getBytes(StandardCharsets.UTF_8);
            Message ae = Hl7Text.parseAck(new String(client.exchange(bad), StandardCharsets.UTF_8));
            assertThat(Hl7Text.get(ae, "/MSA-1")).isEqualTo("AE");
            assertThat(Hl7Text.errors(ae)).containsExactly("102@PID-7");
            // NE: the sender asked for no accept ACK, but the application ACK still comes back.
            Message ne = Hl7Text.parseAck(
                    new String(client.exchange(a08("ORIG-3", "D700", "Orig", "NE")), StandardCharsets.UTF_8));
            assertThat(Hl7Text.get(ne, "/MSA-2")).isEqualTo("ORIG-3");
        }
    }

    @Test
    void theApiExplainsBadRequests() throws Exception {
        assertThat(engine.get("/api/messages?status=LOST").statusCode()).isEqualTo(400);
        assertThat(engine.get("/api/messages?limit=abc").body()).contains("limit must be a number");
        assertThat(engine.get("/api/messages/999999").statusCode()).isEqualTo(404);
        assertThat(engine.get("/health").body()).contains("\"UP\"");
    }

    @Test
    void theRawMessageIsReturnedOnlyWhenAskedFor() throws Exception {
        exchange(a08("RAW-1", "D700", "Rawson", ""));
        JsonNode entry =
                JSON.readTree(engine.get("/api/messages?patientId=D700").body()).get(0);
        assertThat(entry.has("rawMessage")).isFalse();
        JsonNode full =
                JSON.readTree(engine.get("/api/messages/" + entry.get("id").asLong() + "?raw=true")
                        .body());
        assertThat(full.get("rawMessage").asText()).contains("Rawson");
    }
}
