package com.webptbridge.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.FailingSyncFileSystem;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.TestEngine;
import com.webptbridge.support.Wait;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A disk sync that fails after the commit (a real H2 file database on a file system whose next
 * sync fails): the sender hears AR 207, and the journal keeps the outcome that was committed.
 */
class SyncFailureIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] a04(String controlId, String patient) {
        return Hl7Text.bytes("MSH|^~\\&|WEBPT|SYNCCLINIC|CMD|BILLING|20261120||ADT^A04^ADT_A01|" + controlId
                + "|P|2.5.1\nPID|1||" + patient + "^^^WEBPT^MR||Syncname^Sam||19700101|M\n");
    }

    private static String ackCode(TestEngine engine, byte[] message) throws Exception {
        try (MllpClient c = engine.connect()) {
            return Hl7Text.get(Hl7Text.parseAck(new String(c.exchange(message), StandardCharsets.UTF_8)), "/MSA-1");
        }
    }

    private static JsonNode entries(TestEngine engine, String controlId) throws Exception {
        return JSON.readTree(engine.get("/api/messages?controlId=" + controlId).body());
    }

    @Test
    void aFailedSyncAfterTheCommitIsAnsweredAr207AndTheJournalKeepsTheCommittedOutcome(@TempDir Path dir)
            throws Exception {
        String url = FailingSyncFileSystem.url(dir, "bridge");
        try (TestEngine engine = TestEngine.start(Map.of("bridge.db.url", url))) {
            assertThat(ackCode(engine, a04("SYNC-1", "S100"))).isEqualTo("AA");

            FailingSyncFileSystem.failNextSyncs(1);
            assertThat(ackCode(engine, a04("SYNC-2", "S200"))).isEqualTo("AR");
            assertThat(FailingSyncFileSystem.syncsStillToFail())
                    .as("the sync after the commit failed")
                    .isZero();

            JsonNode first = entries(engine, "SYNC-2");
            assertThat(first).hasSize(1);
            assertThat(first.get(0).get("status").asText())
                    .as("the change was committed: the journal says so, not REJECTED")
                    .isEqualTo("PROCESSED");
            assertThat(engine.get("/api/patients/S200").statusCode()).isEqualTo(200);

            // The failed sync marked the store not writable until a probe write succeeded (store/Writability).
            Wait.until(
                    "the store writable again",
                    Duration.ofSeconds(10),
                    () -> engine.engine().database().writability().writable());
            // The sender resends after AR: the duplicate guard answers with the original's ACK code.
            assertThat(ackCode(engine, a04("SYNC-2", "S200"))).isEqualTo("AA");
            JsonNode both = entries(engine, "SYNC-2");
            assertThat(both).hasSize(2);
            assertThat(both.findValuesAsText("status")).containsExactlyInAnyOrder("PROCESSED", "DUPLICATE");
        } finally {
            FailingSyncFileSystem.failNextSyncs(0);
        }
    }
}
