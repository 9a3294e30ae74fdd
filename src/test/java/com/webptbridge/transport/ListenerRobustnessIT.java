package com.webptbridge.transport;

import ca.uhn.hl7v2.model.Message;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.Hl7Builder;
import com.webptbridge.support.Hl7Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input never hurts the listener: garbage, unfinished and oversize frames, pipelined frames
 * and many connections at once, each followed by proof that well-behaved clients are still served.
 */
class ListenerRobustnessIT {

    @RegisterExtension
    static final EngineExtension engine =
            EngineExtension.with(Map.of("bridge.mllp.max-frame-bytes", "4096", "bridge.mllp.frame-timeout-ms", "700"));

    static byte[] adt(String controlId, String patientId) {
        return Hl7Builder.adt("A08")
                .facility("ROBUST")
                .controlId(controlId)
                .patient(patientId)
                .bytes();
    }

    static Message ack(byte[] bytes) throws Exception {
        return Hl7Text.parseAck(new String(bytes, StandardCharsets.UTF_8));
    }

    /** A fresh client proves the listener still answers correctly. */
    static void assertStillServing(String controlId) throws Exception {
        try (MllpClient client = engine.connect()) {
            Message ack = ack(client.exchange(adt(controlId, "R-" + controlId)));
            assertThat(Hl7Text.get(ack, "/MSA-1")).isEqualTo("AA");
            assertThat(Hl7Text.get(ack, "/MSA-2")).isEqualTo(controlId);
        }
    }

    @Test
    void bytesOutsideAFrameAreSkippedAndTheNextFrameIsAnswered() throws Exception {
        try (MllpClient client = engine.connect()) {
            client.sendRaw(
                    "GET / HTTP/1.1\r\nHost: x\r\n\r\n\u0000\u00ff garbage".getBytes(StandardCharsets.ISO_8859_1));
            Message ack = ack(client.exchange(adt("GARB-1", "R-G1")));
            assertThat(Hl7Text.get(ack, "/MSA-1")).isEqualTo("AA");
            assertThat(Hl7Text.get(ack, "/MSA-2")).isEqualTo("GARB-1");
        }
    }

    @Test
    void aFrameOfGarbageIsRejectedWithCode100() throws Exception {
        try (MllpClient client = engine.connect()) {
            Message ack = ack(client.exchange(new byte[] {0x00, 0x01, 'x', (byte) 0xfe, '|', '^'}));
            assertThat(Hl7Text.get(ack, "/MSA-1")).isEqualTo("AR");
            assertThat(Hl7Text.errors(ack)).containsExactly("100@MSH");
        }
        assertStillServing("GARB-2");
    }

    @Test
    void inputsKnownToHangOrMisleadOtherParsersGetAPromptAr() throws Exception {
        try (MllpClient client = engine.connect()) {
            // The input that hangs another HL7 library's parser: one encoding character, version 2.2.
            Message hang = ack(client.exchange("MSH|^|||||||^A|||2.2\r^AA\r".getBytes(StandardCharsets.US_ASCII)));
            assertThat(Hl7Text.get(hang, "/MSA-1")).isEqualTo("AR");
            assertThat(Hl7Text.errors(hang)).containsExactly("100@MSH");
            // A payload that looks like XML is not HL7 v2 pipe text, and is never handed to an XML parser.
            Message xml = ack(client.exchange(
                    "<?xml version=\"1.0\"?><ADT_A01><MSH/></ADT_A01>".getBytes(StandardCharsets.US_ASCII)));
            assertThat(Hl7Text.get(xml, "/MSA-1")).isEqualTo("AR");
            assertThat(Hl7Text.errors(xml)).containsExactly("100@MSH");
            // A supported-looking header with an unsupported version stops at the header.
            Message v22 = ack(client.exchange(
                    "MSH|^~\\&|W|C|B|B|2026||ADT^A08|V22|P|2.2\r^AA\r".getBytes(StandardCharsets.US_ASCII)));
            assertThat(Hl7Text.errors(v22)).containsExactly("203@MSH-12");
        }
        assertStillServing("AFTER-HANG-INPUTS");
    }

    @Test
    void randomBytesInFramesAlwaysGetAnAckAndNeverStopTheListener() throws Exception {
        Random random = new Random(20261127);
        try (MllpClient client = engine.connect()) {
            for (int i = 0; i < 200; i++) {
                byte[] junk = new byte[1 + random.nextInt(300)];
                random.nextBytes(junk);
                if (i % 3 == 0) { // half-plausible: a real header followed by noise
                    byte[] head = "MSH|^~\\&|F|F|B|B|2026||ADT^A08|FZ".getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(head, 0, junk, 0, Math.min(head.length, junk.length));
                }
                for (int j = 0; j < junk.length; j++) {
                    if (junk[j] == 0x0B || junk[j] == 0x1C) {
                        junk[j] = '?'; // framing bytes belong to MLLP, not to a payload
                    }
                }
                String ack = new String(client.exchange(junk), StandardCharsets.UTF_8);
                assertThat(ack)
                        .as("answer to random frame %d", i)
                        .startsWith("MSH|")
                        .contains("\rMSA|A")
                        .as("random frame %d must be journaled, not failed as an internal error", i)
                        .doesNotContain("207^");
            }
        }
        assertStillServing("FUZZ-OK");
        assertThat(engine.get("/api/messages?status=RECEIVED").body())
                .as("frames left without an outcome")
                .isEqualTo("[ ]");
    }

    @Test
    void aFrameThatNeverEndsIsDroppedAfterTheTimeoutWhileOthersAreServed() throws Exception {
        try (MllpClient stuck = engine.connect()) {
            byte[] partial = adt("STUCK-1", "R-S1");
            stuck.sendRaw(new byte[] {0x0B});
            stuck.sendRaw(partial); // no end block
            assertStillServing("WHILE-STUCK");
            assertThatThrownBy(stuck::receive).isInstanceOf(EOFException.class);
        }
        assertStillServing("AFTER-STUCK");
    }

    @Test
    void anOversizeFrameIsRefusedWithAnArAndTheConnectionGoesOn() throws Exception {
        StringBuilder big = new StringBuilder(new String(adt("BIG-1", "R-B1"), StandardCharsets.UTF_8));
        while (big.length() < 20_000) {
            big.append("NTE|1||").append("x".repeat(200)).append('\r');
        }
        try (MllpClient client = engine.connect()) {
            Message ack = ack(client.exchange(big.toString().getBytes(StandardCharsets.UTF_8)));
            assertThat(Hl7Text.get(ack, "/MSA-1")).isEqualTo("AR");
            assertThat(Hl7Text.get(ack, "/MSA-2")).isEqualTo("BIG-1");
            assertThat(Hl7Text.get(ack, "/MSA-3"))
                    .contains("more than this interface accepts")
                    .contains("journaled without its text");
            assertThat(Hl7Text.errors(ack))
                    .as("a data error, not 100 segment sequence")
                    .containsExactly("102@");
            Message next = ack(client.exchange(adt("BIG-2", "R-B2")));
            assertThat(Hl7Text.get(next, "/MSA-1")).isEqualTo("AA");
        }
    }

    @Test
    void twoAndFivePipelinedFramesInOneWriteAreEachAnsweredInOrder() throws Exception {
        for (int count : new int[] {2, 5}) {
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            for (int i = 1; i <= count; i++) {
                burst.write(MllpClient.frame(adt("PIPE" + count + "-" + i, "R-P" + i)));
            }
            try (MllpClient client = engine.connect()) {
                client.sendRaw(burst.toByteArray());
                for (int i = 1; i <= count; i++) {
                    Message ack = ack(client.receive());
                    assertThat(Hl7Text.get(ack, "/MSA-1")).isEqualTo("AA");
                    assertThat(Hl7Text.get(ack, "/MSA-2")).isEqualTo("PIPE" + count + "-" + i);
                }
            }
        }
    }

    @Test
    void aFrameSplitIntoSingleBytesIsReassembled() throws Exception {
        byte[] framed = MllpClient.frame(adt("SPLIT-1", "R-SP"));
        try (MllpClient client = engine.connect()) {
            for (byte b : framed) {
                client.sendRaw(new byte[] {b});
            }
            assertThat(Hl7Text.get(ack(client.receive()), "/MSA-2")).isEqualTo("SPLIT-1");
        }
    }

    @Test
    void fiftySimultaneousConnectionsAreAllAnswered() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<MllpClient> clients = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                clients.add(engine.connect()); // all open before any sends
            }
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                MllpClient client = clients.get(i);
                String id = "CONC-" + i;
                String patient = "R-C" + (i % 7); // several connections update the same patients
                Callable<String> call = () -> {
                    try (client) {
                        Message ack = ack(client.exchange(adt(id, patient)));
                        return Hl7Text.get(ack, "/MSA-1") + " " + Hl7Text.get(ack, "/MSA-2");
                    }
                };
                answers.add(pool.submit(call));
            }
            for (int i = 0; i < 50; i++) {
                assertThat(answers.get(i).get(60, TimeUnit.SECONDS)).isEqualTo("AA CONC-" + i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertStillServing("AFTER-50");
    }

    @Test
    void aClientThatDisconnectsMidFrameLeavesNoTrace() throws Exception {
        try (MllpClient client = engine.connect()) {
            client.sendRaw(new byte[] {0x0B, 'M', 'S', 'H'});
        }
        assertStillServing("AFTER-HANGUP");
    }
}
