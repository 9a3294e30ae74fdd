package com.webptbridge.engine;

import com.webptbridge.store.Database;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.TestDatabase;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two engine instances on one PostgreSQL database, as behind a load balancer: every guarantee holds
 * across them. Runs in CI's PostgreSQL pass only: an embedded H2 file cannot be opened by two
 * engines at once, so on H2 there is no second instance to test.
 */
class TwoInstancesIT {

    private static TestEngine a;
    private static TestEngine b;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(
                TestDatabase.postgres(),
                "needs PostgreSQL (-Dbridge.test.db.url): an embedded H2 database cannot be shared by two engines");
        String url = TestDatabase.freshUrl();
        a = TestEngine.start(Map.of("bridge.db.url", url));
        b = TestEngine.start(Map.of("bridge.db.url", url));
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void theSameMessageSentToBothAtOnceIsAppliedOnceAndBothAnswerTheSameAa() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (MllpClient toA = a.connect();
                MllpClient toB = b.connect()) {
            for (int i = 0; i < 100; i++) {
                String controlId = "BOTH-" + i;
                byte[] message = Hl7Text.bytes("MSH|^~\\&|WEBPT|TWIN|CMD|BILLING|20261127||ADT^A08^ADT_A01|" + controlId
                        + "|P|2.5.1\nPID|1||TW" + (i % 10) + "^^^W^MR||Twin^" + controlId + "||19800101|F");
                CountDownLatch go = new CountDownLatch(1);
                Callable<String> sendA = () -> {
                    go.await();
                    return new String(toA.exchange(message), StandardCharsets.UTF_8);
                };
                Callable<String> sendB = () -> {
                    go.await();
                    return new String(toB.exchange(message), StandardCharsets.UTF_8);
                };
                Future<String> ackA = pool.submit(sendA);
                Future<String> ackB = pool.submit(sendB);
                go.countDown();
                String fromA = ackA.get(30, TimeUnit.SECONDS);
                String fromB = ackB.get(30, TimeUnit.SECONDS);
                assertThat(fromA).contains("MSA|AA|" + controlId);
                assertThat(fromB)
                        .as("the other instance answers the stored ACK")
                        .isEqualTo(fromA);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, List<String>> statuses = new HashMap<>();
        query(
                "SELECT control_id, status FROM message_journal WHERE sending_facility = 'TWIN'",
                rs -> statuses.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getString(2)));
        assertThat(statuses).hasSize(100);
        statuses.forEach(
                (controlId, s) -> assertThat(s).as(controlId).containsExactlyInAnyOrder("PROCESSED", "DUPLICATE"));
        int[] applied = {0};
        query("SELECT COUNT(*) FROM applied_message WHERE sending_facility = 'TWIN'", rs -> applied[0] = rs.getInt(1));
        assertThat(applied[0]).isEqualTo(100);
    }

    @Test
    void aLoadOverBothWithSharedPatientsPostsNoChargeTwiceAndTheNewestDataWins() throws Exception {
        int connections = 8;
        int perConnection = 50;
        Set<String> aa = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                TestEngine target = c % 2 == 0 ? a : b;
                int connection = c;
                senders.add(pool.submit(() -> {
                    try (MllpClient client = target.connect()) {
                        for (int i = 0; i < perConnection; i++) {
                            String controlId = "LD-" + connection + "-" + i;
                            String patient = "SH" + (i % 20); // 20 patients, each written through both instances
                            String text = i % 3 == 0 ? adt(controlId, patient) : dft(controlId, patient);
                            String ack = new String(client.exchange(Hl7Text.bytes(text)), StandardCharsets.UTF_8);
                            if (ack.contains("MSA|AA|" + controlId)) {
                                aa.add(controlId);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : senders) {
                f.get(300, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(aa).hasSize(connections * perConnection);

        Map<String, String> status = new HashMap<>();
        query(
                "SELECT control_id, status FROM message_journal WHERE sending_facility = 'SHARED'",
                rs -> assertThat(status.put(rs.getString(1), rs.getString(2))).isNull());
        for (String controlId : aa) {
            assertThat(status.get(controlId)).as("%s was AA'd", controlId).isEqualTo("PROCESSED");
        }
        int[] charges = {0};
        int[] distinct = {0};
        query("SELECT COUNT(*), COUNT(DISTINCT transaction_id) FROM charge WHERE sending_facility = 'SHARED'", rs -> {
            charges[0] = rs.getInt(1);
            distinct[0] = rs.getInt(2);
        });
        long dfts = aa.stream()
                .filter(id -> Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)) % 3 != 0)
                .count();
        assertThat(charges[0]).as("two FT1s per DFT, each posted once").isEqualTo(2 * (int) dfts);
        assertThat(distinct[0]).isEqualTo(charges[0]);

        // Newest wins: each patient holds the data of the message with the highest journal id that touched it.
        Map<String, String> newest = new HashMap<>();
        query(
                "SELECT j.patient_id, j.control_id FROM message_journal j WHERE j.sending_facility = 'SHARED'"
                        + " AND j.status = 'PROCESSED' AND j.id = (SELECT MAX(k.id) FROM message_journal k"
                        + " WHERE k.sending_facility = 'SHARED' AND k.status = 'PROCESSED'"
                        + " AND k.patient_id = j.patient_id)",
                rs -> newest.put(rs.getString(1), rs.getString(2)));
        assertThat(newest).hasSize(20);
        Map<String, String> firstNames = new HashMap<>();
        query(
                "SELECT patient_id, first_name FROM patient WHERE patient_id LIKE 'SH%'",
                rs -> firstNames.put(rs.getString(1), rs.getString(2)));
        assertThat(firstNames).isEqualTo(newest);

        Map<String, String> newestDft = new HashMap<>();
        query(
                "SELECT j.patient_id, j.control_id FROM message_journal j WHERE j.sending_facility = 'SHARED'"
                        + " AND j.status = 'PROCESSED' AND j.message_type = 'DFT' AND j.id = (SELECT MAX(k.id)"
                        + " FROM message_journal k WHERE k.sending_facility = 'SHARED' AND k.status = 'PROCESSED'"
                        + " AND k.message_type = 'DFT' AND k.patient_id = j.patient_id)",
                rs -> newestDft.put(rs.getString(1), "M" + rs.getString(2)));
        Map<String, String> members = new HashMap<>();
        query(
                "SELECT p.patient_id, i.member_id FROM insurance_policy i JOIN patient p ON p.id = i.patient_ref"
                        + " WHERE p.patient_id LIKE 'SH%' AND i.priority = 1",
                rs -> members.put(rs.getString(1), rs.getString(2)));
        assertThat(members)
                .as("each patient's primary policy is the newest DFT's")
                .isEqualTo(newestDft);
    }

    @Test
    void aPayerAddedThroughOneInstanceReleasesTheMessagesWaitingOnTheOtherEachReprocessedOnce() throws Exception {
        List<String> waiting = new ArrayList<>();
        try (MllpClient toB = b.connect()) {
            for (int i = 0; i < 10; i++) {
                String controlId = "WAIT-" + i;
                String text = dft(controlId, "WP" + i).replace("|PLAN|1042|", "|PLAN|7707|");
                String ack = new String(toB.exchange(Hl7Text.bytes(text)), StandardCharsets.UTF_8);
                assertThat(ack).contains("MSA|AE|" + controlId);
                waiting.add(controlId);
            }
        }
        HttpResponse<String> added = a.send(
                "POST",
                "/api/payers",
                "{\"name\":\"Twin Payer\",\"payerId\":\"77070\",\"sequenceNumber\":7707}",
                TestEngine.ADMIN_AUTH);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

        Map<String, String> status = new HashMap<>();
        Map<String, Integer> attempts = new HashMap<>();
        query(
                "SELECT j.control_id, j.status, (SELECT COUNT(*) FROM message_attempt t WHERE t.journal_id = j.id)"
                        + " FROM message_journal j WHERE j.control_id LIKE 'WAIT-%'",
                rs -> {
                    status.put(rs.getString(1), rs.getString(2));
                    attempts.put(rs.getString(1), rs.getInt(3));
                });
        for (String controlId : waiting) {
            assertThat(status.get(controlId)).as(controlId).isEqualTo("PROCESSED");
            assertThat(attempts.get(controlId))
                    .as("%s: the first attempt and one reprocess", controlId)
                    .isEqualTo(2);
        }
    }

    private static String adt(String controlId, String patient) {
        return "MSH|^~\\&|WEBPT|SHARED|CMD|BILLING|20261127120000||ADT^A08^ADT_A01|" + controlId
                + "|P|2.5.1\rEVN|A08|20261127120000\rPID|1||" + patient + "^^^WEBPT^MR||Load^" + controlId
                + "||19800101|F|||1 Main St^^Springfield^IL^62704\rPV1|1|O\r";
    }

    private static String dft(String controlId, String patient) {
        String performer = "12^Reyes^Maria~1234567893^Reyes^Maria^^^^^^^^^^NPI";
        return "MSH|^~\\&|WEBPT|SHARED|CMD|BILLING|20261127120000||DFT^P03^DFT_P03|" + controlId + "|P|2.5.1\r"
                + "EVN|P03|20261127120000\r"
                + "PID|1||" + patient + "^^^WEBPT^MR||Load^" + controlId + "||19800101|F\r"
                + "PV1|1|O|^^^7|||||1987654328^Patel^Anita^^^^^^^^^^NPI|||||||||||V" + controlId + "\r"
                + "FT1|1|" + controlId + "-1||20261127||CG|97110|||2|90.00|||||^^^7|||M54.50|" + performer
                + "|||||97110|GP\r"
                + "FT1|2|" + controlId + "-2||20261127||CG|97140|||1|42.00|||||^^^7|||M54.50|" + performer
                + "|||||97140|GP\r"
                + "DG1|1||M54.50^Low back pain^I10\r"
                + "IN1|1|PLAN|1042|BCBS||||G1|Acme|||20260101|20261231|||Load^Test|SEL|19800101||||||||||||||||||M"
                + controlId + "\r";
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(String sql, Row row) throws SQLException {
        Database db = a.engine().database();
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                row.accept(rs);
            }
        }
    }
}
