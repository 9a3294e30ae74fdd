package com.webptbridge.reference;

import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.SeededDft;
import com.webptbridge.support.SeededDft.Charge;
import com.webptbridge.support.TestDatabase;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two engines on one database: a reference added through one is used by the other within
 * bridge.reference.refresh-ms (each holds reference data in memory and polls reference_version).
 */
class SharedReferenceIT {

    private static final long REFRESH_MS = 1000;

    private static byte[] dft(String controlId, String patientId, String code) {
        return SeededDft.of("RULES", controlId, patientId, Charge.of(code));
    }

    private static String ackCode(TestEngine engine, byte[] message) throws Exception {
        try (MllpClient client = engine.connect()) {
            return Hl7Text.get(
                    Hl7Text.parseAck(new String(client.exchange(message), StandardCharsets.UTF_8)), "/MSA-1");
        }
    }

    @Test
    void aCodeAddedOnOneEngineIsUsedByAnotherOnTheSameDatabaseWithinTheRefreshInterval() throws Exception {
        String url = TestDatabase.freshUrl();
        Map<String, String> shared = Map.of("bridge.db.url", url, "bridge.reference.refresh-ms", "" + REFRESH_MS);
        try (TestEngine a = TestEngine.start(shared);
                TestEngine b = TestEngine.start(shared)) {
            assertThat(ackCode(b, dft("SHARED-1", "S100", "97039")))
                    .as("B has loaded its reference data, without 97039")
                    .isEqualTo("AE");

            var created = a.send(
                    "POST",
                    "/api/procedure-codes",
                    "{\"code\":\"97039\",\"description\":\"Ultrasound\",\"defaultCharge\":\"35.00\","
                            + "\"defaultRevenueCode\":\"0420\"}",
                    TestEngine.ADMIN_AUTH);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long added = System.nanoTime();
            assertThat(ackCode(a, dft("SHARED-2", "S200", "97039")))
                    .as("the engine that added it uses it at once")
                    .isEqualTo("AA");

            // B must use it within the refresh interval; the wait's timeout leaves room for a busy machine.
            String ack = "AE";
            int attempt = 0;
            while (!ack.equals("AA")
                    && System.nanoTime() - added < Duration.ofSeconds(30).toNanos()) {
                ack = ackCode(b, dft("SHARED-3-" + attempt++, "S300", "97039"));
                if (!ack.equals("AA")) {
                    Thread.sleep(100);
                }
            }
            long seenAfterMs = (System.nanoTime() - added) / 1_000_000;
            assertThat(ack).as("B uses the code A added").isEqualTo("AA");
            // The bound is REFRESH_MS; scheduling on a shared CI machine gets generous slack on top.
            assertThat(seenAfterMs).isLessThan(REFRESH_MS + 10_000);
        }
    }
}
