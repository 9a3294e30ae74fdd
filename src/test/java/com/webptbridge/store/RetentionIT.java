package com.webptbridge.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Cli;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.Hl7Builder;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention: raw text of done messages goes, metadata and duplicate detection stay, ERROR messages wait. */
class RetentionIT {

    @RegisterExtension
    final EngineExtension extension = EngineExtension.with("bridge.retention.raw-days", "0");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String exchange(TestEngine engine, byte[] message) throws Exception {
        try (MllpClient c = engine.connect()) {
            return new String(c.exchange(message), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode message(TestEngine engine, long id) throws Exception {
        return JSON.readTree(engine.get("/api/messages/" + id + "?raw=true").body());
    }

    private static long id(TestEngine engine, String query) throws Exception {
        return JSON.readTree(engine.get("/api/messages?" + query).body())
                .get(0)
                .get("id")
                .asLong();
    }

    /** Attempt rows of a journal entry that still hold ACK text, read straight from the database. */
    private static int attemptTexts(TestEngine engine, long id) throws Exception {
        try (var c = engine.engine().database().connection();
                var ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM message_attempt WHERE journal_id = ? AND ack_message IS NOT NULL")) {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void pruningRemovesOldRawTextButKeepsMetadataDuplicatesAndErrors(TestEngine engine) throws Exception {
        byte[] a04 = Hl7Builder.adt("A04")
                .facility("RETCLINIC")
                .controlId("RET-1")
                .patient("R100")
                .field("PID", 5, "Keptname^Sam")
                .bytes();
        assertThat(exchange(engine, a04)).contains("MSA|AA");
        String dft = Files.readString(Path.of("hl7-samples/dft/08-bad-unknown-payer.hl7"));
        assertThat(exchange(engine, Hl7Text.bytes(dft))).contains("MSA|AE");
        long processed = id(engine, "status=PROCESSED");
        long error = id(engine, "status=ERROR");
        String url = engine.url();

        Cli.Result dry = Cli.run("prune", "--dry-run", "--url", url);
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Would remove raw text of 1 message(s)");
        assertThat(message(engine, processed).get("rawMessage").asText()).contains("Keptname");

        Cli.Result pruned = Cli.run("prune", "--url", url);
        assertThat(pruned.exitCode()).as(pruned.err()).isZero();
        assertThat(pruned.out()).contains("Removed raw text of 1 message(s)");
        JsonNode after = message(engine, processed);
        assertThat(after.has("rawMessage")).isFalse();
        assertThat(after.get("controlId").asText()).isEqualTo("RET-1");
        assertThat(after.get("status").asText()).isEqualTo("PROCESSED");
        assertThat(message(engine, error).get("rawMessage").asText()).contains("MSH|");
        // The attempt rows of the pruned message keep their ACK code, not their ACK text.
        assertThat(after.get("attemptHistory").get(0).get("ackCode").asText()).isEqualTo("AA");
        assertThat(attemptTexts(engine, processed)).isZero();
        assertThat(attemptTexts(engine, error)).isOne();

        // The resend is still recognised and answered AA without being applied again.
        String again = exchange(engine, a04);
        assertThat(Hl7Text.get(Hl7Text.parseAck(again), "/MSA-1")).isEqualTo("AA");
        assertThat(JSON.readTree(engine.get("/api/messages?status=DUPLICATE").body()))
                .hasSize(1);
        assertThat(Cli.run("prune", "--dry-run", "--url", url).out()).contains("raw text of 1 message(s)");
    }
}
