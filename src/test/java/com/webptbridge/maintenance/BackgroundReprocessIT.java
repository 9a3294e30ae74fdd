package com.webptbridge.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.SeededDft;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A bulk reprocess of a large backlog is a background job: the API answers at once and stays responsive. */
class BackgroundReprocessIT {

    @RegisterExtension
    final EngineExtension extension = EngineExtension.with("bridge.reprocess.auto", "false");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WAITING = 5_000;

    @Test
    void fiveThousandWaitingMessagesAreReprocessedByAJobWhileTheApiKeepsAnswering(TestEngine engine) throws Exception {
        sendWaiting(engine);
        HttpResponse<String> added = engine.send(
                "POST",
                "/api/procedure-codes",
                "{\"code\": \"97750\", \"description\": \"Physical performance test\", \"defaultCharge\": \"30\"}",
                TestEngine.ADMIN_AUTH);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

        HttpResponse<String> started = engine.send(
                "POST",
                "/api/messages/reprocess",
                "{\"waitingKind\": \"procedure-code\", \"waitingKey\": \"97750\", \"limit\": 10000}",
                TestEngine.ADMIN_AUTH);

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode job = JSON.readTree(started.body());
        assertThat(job.get("total").asInt()).isEqualTo(WAITING);
        String id = job.get("id").asText();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        int answeredMeanwhile = 0;
        while (!job.get("status").asText().equals("DONE")) {
            assertThat(Instant.now()).as("the job finishes within 5 minutes").isBefore(deadline);
            assertThat(job.get("status").asText()).isEqualTo("RUNNING");
            assertThat(engine.get("/health").statusCode()).isEqualTo(200);
            assertThat(engine.get("/api/messages?limit=1").statusCode()).isEqualTo(200);
            answeredMeanwhile++;
            job = JSON.readTree(engine.get("/api/jobs/" + id).body());
        }
        assertThat(answeredMeanwhile).as("the API answered while the job ran").isPositive();
        assertThat(job.get("done").asInt()).isEqualTo(WAITING);
        assertThat(charges(engine)).isEqualTo(WAITING);
    }

    /** The backlog: DFTs naming a procedure code the billing side does not have yet, over four connections. */
    private static void sendWaiting(TestEngine engine) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int connection = c;
                done.add(senders.submit(() -> {
                    try (MllpClient client = engine.connect()) {
                        for (int i = connection; i < WAITING; i += 4) {
                            client.exchange(Hl7Text.bytes(dft("JOB-" + i, "J" + i)));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private static String dft(String controlId, String patientId) {
        return SeededDft.builder("JOBS", controlId, patientId, new SeededDft.Charge("97750", "1", ""))
                .field("PID", 5, "Job^Jo")
                .field("PID", 7, "19800101")
                .field("PV1", 8, "1987654328^Ref^Rita^^^^^^^^^^NPI")
                .field("PV1", 19, "V-" + controlId)
                .field("FT1", 2, controlId + "-1")
                .field("IN1", 3, "1042")
                .field("IN1", 4, "Payer")
                .field("IN1", 16, "Job^Jo")
                .field("IN1", 18, "19800101")
                .without("EVN")
                .text();
    }

    private static int charges(TestEngine engine) throws Exception {
        try (Connection c = engine.engine().database().connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM charge WHERE transaction_id LIKE 'JOB-%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
