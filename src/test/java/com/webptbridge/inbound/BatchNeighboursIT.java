package com.webptbridge.inbound;

import ca.uhn.hl7v2.model.Message;
import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.SeededDft;
import com.webptbridge.support.SeededDft.Charge;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bad message inside a batch of the writer: the database refuses its data, it alone is rolled
 * back and answered AE 102 at the FT1 the refused charge came from (kept to be corrected, never an
 * "internal error"), and its batch neighbours are applied and answered AA. The batch is made deterministic by holding the writer with a piece of work of the
 * test's own until every message waits for it; whatever waits then is the next batch.
 */
class BatchNeighboursIT {

    @RegisterExtension
    final EngineExtension engine = EngineExtension.start();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static byte[] dft(String patientId, String units) {
        return SeededDft.of(
                "BATCH", "CTL-" + patientId, patientId, new Charge("97110", units, "45.00"), Charge.of("97140"));
    }

    @Test
    void aMessageTheDatabaseRefusesFailsAloneAndItsBatchNeighboursAreApplied() throws Exception {

        Database db = engine.engine().database();
        try (Connection c = db.connection()) {
            // A rule of the billing store that the mapping does not know: 600 units pass the
            // mapping and are refused by the database, as an over-long value once was.
            Sql.update(c, "ALTER TABLE charge ADD CONSTRAINT test_units_below_500 CHECK (units < 500)");
        }
        // Hold every writer thread (one on H2, several on PostgreSQL), one after the other: a
        // writer busy with its held batch leaves the next hold to an idle one.
        CountDownLatch gate = new CountDownLatch(1);
        List<CompletableFuture<Object>> holds = new ArrayList<>();
        for (int i = 0; i < db.writers(); i++) {
            CountDownLatch holding = new CountDownLatch(1);
            holds.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return db.writeDurably(c -> {
                        holding.countDown();
                        try {
                            return gate.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            throw new SQLException(e);
                        }
                    });
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(holding.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        long[] before = db.batchTotals();

        Map<String, CompletableFuture<Message>> acks = new LinkedHashMap<>();
        for (String patient : List.of("N1", "N2", "BAD", "N3", "N4")) {
            acks.put(patient, send(engine, dft(patient, patient.equals("BAD") ? "600" : "1")));
        }
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (db.queuedWrites() < acks.size()) { // every message has reached the writer
            assertThat(Instant.now()).as("messages waiting for the writer").isBefore(deadline);
            Thread.sleep(5);
        }
        gate.countDown();
        for (CompletableFuture<Object> hold : holds) {
            hold.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        for (Map.Entry<String, CompletableFuture<Message>> e : acks.entrySet()) {
            Message ack = e.getValue().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (e.getKey().equals("BAD")) {
                assertThat(Hl7Text.get(ack, "/MSA-1")).isEqualTo("AE");
                // SeededDft's first charge carries the 600 units: FT1 1 (H2 names the row,
                // PostgreSQL refuses the charges' batch as a whole: the segment, FT1, either way).
                assertThat(Hl7Text.errors(ack)).containsExactly("102@FT1");
                assertThat(Hl7Text.get(ack, "/MSA-3"))
                        .containsAnyOf("refused the charge in FT1", "refused a charge (FT1)")
                        .contains("SQLSTATE 23")
                        .doesNotContain("Internal error");
            } else {
                assertThat(Hl7Text.get(ack, "/MSA-1")).as(e.getKey()).isEqualTo("AA");
            }
        }
        // The held batches, the five messages together, then the bad one's outcome on its own.
        long[] after = db.batchTotals();
        assertThat(after[0] - before[0]).isEqualTo(db.writers() + 2);
        assertThat(after[1] - before[1]).isEqualTo(db.writers() + 5 + 1);
        try (Connection c = db.connection()) {
            assertThat(Sql.list(
                            c,
                            "SELECT c.transaction_id FROM charge c ORDER BY c.transaction_id",
                            rs -> rs.getString(1)))
                    .containsExactly("N1-A", "N1-B", "N2-A", "N2-B", "N3-A", "N3-B", "N4-A", "N4-B");
            assertThat(Sql.list(
                            c,
                            "SELECT control_id || ' ' || status FROM message_journal ORDER BY control_id",
                            rs -> rs.getString(1)))
                    .containsExactly(
                            "CTL-BAD ERROR",
                            "CTL-N1 PROCESSED",
                            "CTL-N2 PROCESSED",
                            "CTL-N3 PROCESSED",
                            "CTL-N4 PROCESSED");
            assertThat(Sql.one(c, "SELECT COUNT(*) FROM patient WHERE patient_id = 'BAD'", rs -> rs.getLong(1)))
                    .contains(0L); // its patient, policy and encounter went with its charges
        }
    }

    private static CompletableFuture<Message> send(EngineExtension engine, byte[] message) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try (MllpClient client = engine.connect()) {
                        return Hl7Text.parseAck(new String(client.exchange(message), StandardCharsets.UTF_8));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                r -> new Thread(r).start());
    }
}
