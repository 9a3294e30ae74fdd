package com.webptbridge.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Cli;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.SeededDft;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk reprocess applies each waiting message exactly once, and running it again changes nothing. */
class BulkReprocessIT {

    @RegisterExtension
    final EngineExtension extension = EngineExtension.with("bridge.reprocess.auto", "false");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aHundredWaitingMessagesAreAppliedOnceAndASecondRunChangesNothing(TestEngine engine) throws Exception {
        String url = "http://127.0.0.1:" + engine.engine().httpPort();
        try (MllpClient client = engine.connect()) {
            for (int i = 0; i < 100; i++) {
                String ack = new String(
                        client.exchange(
                                Hl7Text.bytes(SeededDft.naming("BULK-" + i, "B" + i, "1042", "97750", "1987654328"))),
                        StandardCharsets.UTF_8);
                assertThat(Hl7Text.get(Hl7Text.parseAck(ack), "/MSA-1")).isEqualTo("AE");
            }
        }
        assertThat(Cli.run("worklist", "--url", url).out())
                .contains("Procedure code 97750 (FT1-25): 100 message(s), 100 patient(s)");

        Cli.Result added = Cli.run(
                "procedure-code", "add", "--code", "97750", "--description", "Physical performance test", "--url", url);
        assertThat(added.exitCode()).isZero();
        assertThat(added.out()).doesNotContain("reprocessed"); // auto-reprocess is off here
        assertThat(charges(engine)).isZero();

        Cli.Result first = Cli.run("reprocess", "--waiting", "procedure-code:97750", "--url", url);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("100 message(s) reprocessed, 100 now PROCESSED.");
        assertThat(charges(engine)).isEqualTo(100);

        Cli.Result second = Cli.run("reprocess", "--waiting", "procedure-code:97750", "--url", url);
        assertThat(second.out()).contains("0 message(s) reprocessed");
        JsonNode processed = JSON.readTree(
                engine.get("/api/messages?status=PROCESSED&limit=1000").body());
        assertThat(processed).hasSize(100);
        Cli.Result byId = Cli.run("reprocess", processed.get(0).get("id").asText(), "--url", url);
        assertThat(byId.out()).contains("already PROCESSED: nothing to do");
        assertThat(charges(engine)).isEqualTo(100);
        assertThat(JSON.readTree(engine.get("/api/worklist").body())).isEmpty();
    }

    private static int charges(TestEngine engine) throws Exception {
        try (Connection c = engine.engine().database().connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM charge WHERE transaction_id LIKE 'BULK-%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
