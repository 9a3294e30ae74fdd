package com.webptbridge.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.TestDatabase;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrades keep the data: a database at the last release's schema (V9, built here by Flyway from the
 * migrations up to V9) holding that release's data (src/test/resources/upgrade/v9-with-data.sql,
 * written by it), then this version started on it. Every row is still there, and every patient,
 * charge, message, account and interface is found through this version's API; a resend of a message
 * the old version applied is still a duplicate, and new traffic is applied. Runs on H2 and, with
 * -Dbridge.test.db.url, on PostgreSQL.
 */
class UpgradeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANALYST = TestEngine.basic("analyst1", "X3tU372DkOirN8_oIMw1-XtE");

    @Test
    void thisVersionStartedOnTheLastReleasesDatabaseFindsEveryRecord(@TempDir Path interfaces) throws Exception {
        String url = TestDatabase.freshUrl();
        Flyway.configure()
                .dataSource(url, TestDatabase.user(), "")
                .locations("classpath:db/migration", "classpath:com/webptbridge/store/migration")
                .target("9")
                .load()
                .migrate();
        Map<String, Long> before;
        List<String> patientIds = new ArrayList<>();
        Map<Long, String> statuses = new LinkedHashMap<>();
        BigDecimal charged;
        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), "")) {
            load(c);
            before = counts(c);
            charged = one(c, "SELECT SUM(amount) FROM charge").getBigDecimal(1);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT patient_id FROM patient ORDER BY id")) {
                while (rs.next()) {
                    patientIds.add(rs.getString(1));
                }
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, status FROM message_journal ORDER BY id")) {
                while (rs.next()) {
                    statuses.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        assertThat(before.get("message_journal")).isEqualTo(35);
        assertThat(before.get("charge")).isEqualTo(8);
        assertThat(charged).isPositive();

        // The operator keeps conf/ across the upgrade: the interface files the old version wrote.
        int port = TestEngine.freePort();
        for (String name : List.of("default", "clinic-b")) {
            String file = Files.readString(Path.of("src/test/resources/upgrade/interfaces/" + name + ".yaml"))
                    .replaceAll("port: \\d+", "port: " + (name.equals("default") ? port : TestEngine.freePort()));
            Files.writeString(interfaces.resolve(name + ".yaml"), file);
        }

        try (TestEngine engine = TestEngine.start(Map.of(
                "bridge.db.url",
                url,
                "bridge.mllp.port",
                String.valueOf(port),
                "bridge.interfaces.dir",
                interfaces.toString(),
                "bridge.reprocess.auto",
                "false",
                // As in production: only interfaces that existed before the lifecycle start live.
                "bridge.interfaces.initial-state",
                "setup"))) {
            BigDecimal found = BigDecimal.ZERO;
            for (String id : patientIds) {
                JsonNode patient = ok(engine, "/api/interfaces/default/patients/" + id);
                assertThat(patient.path("patientId").asText()).isEqualTo(id);
                for (JsonNode encounter : patient.path("encounters")) {
                    for (JsonNode charge : encounter.path("charges")) {
                        found = found.add(charge.path("amount").decimalValue());
                    }
                }
            }
            assertThat(found).as("every charge, to the cent").isEqualByComparingTo(charged);
            for (Map.Entry<Long, String> m : statuses.entrySet()) {
                assertThat(ok(engine, "/api/interfaces/default/messages/" + m.getKey())
                                .path("status")
                                .asText())
                        .as("message " + m.getKey())
                        .isEqualTo(m.getValue());
            }
            assertThat(engine.get("/api/interfaces/default/worklist", ANALYST).statusCode())
                    .as("the old version's account logs in with its password")
                    .isEqualTo(200);
            assertThat(ok(engine, "/api/interfaces").findValuesAsText("id")).contains("default", "clinic-b");
            assertThat(ok(engine, "/api/interfaces").findValuesAsText("state"))
                    .as("interfaces that existed before the lifecycle, with data (default) or without (clinic-b)")
                    .containsOnly("live");

            byte[] dft = Files.readAllBytes(Path.of("hl7-samples/dft/01-dft-one-policy-new-patient.hl7"));
            String resent = ack(port, dft);
            assertThat(resent)
                    .as("applied by the old version: a resend is not applied again")
                    .contains("|AA|");
            String newer = ack(
                    port,
                    new String(dft, StandardCharsets.UTF_8)
                            .replace("|DFT0001|", "|UPG0001|")
                            .replace("T2001-1", "U2001-1")
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(newer).contains("MSA|AA|UPG0001");
        }
        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), "")) {
            Map<String, Long> after = counts(c);
            before.forEach((table, n) -> assertThat(after.get(table)).as(table).isGreaterThanOrEqualTo(n));
            assertThat(one(c, "SELECT COUNT(*) FROM message_journal WHERE status = 'DUPLICATE' AND id > 35")
                            .getLong(1))
                    .as("the resend journaled as a duplicate of the old version's message")
                    .isEqualTo(1);
            assertThat(after.get("charge"))
                    .as("the new message's charge, and no second one for the resend")
                    .isEqualTo(before.get("charge") + 1);
        }
    }

    /** The fixture's INSERTs, one a line; then each identity column continues after the rows it holds. */
    private static void load(Connection c) throws Exception {
        String sql;
        try (InputStream in = UpgradeIT.class.getResourceAsStream("/upgrade/v9-with-data.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Statement s = c.createStatement()) {
            for (String line : sql.split("\n")) {
                if (line.startsWith("INSERT INTO ")) {
                    s.execute(line.substring(0, line.length() - 1));
                }
            }
            for (String table : List.of(
                    "message_journal",
                    "patient",
                    "encounter",
                    "charge",
                    "insurance_policy",
                    "reference_audit",
                    "access_log")) {
                long next =
                        one(c, "SELECT COALESCE(MAX(id), 0) + 1 FROM " + table).getLong(1);
                s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
            }
        }
    }

    private static Map<String, Long> counts(Connection c) throws Exception {
        Map<String, Long> n = new LinkedHashMap<>();
        for (String table : List.of(
                "account",
                "payer",
                "facility",
                "provider",
                "referring_provider",
                "procedure_code",
                "reference_audit",
                "message_journal",
                "message_attempt",
                "message_error",
                "applied_message",
                "patient",
                "insurance_policy",
                "encounter",
                "encounter_diagnosis",
                "charge",
                "access_log")) {
            n.put(table, one(c, "SELECT COUNT(*) FROM " + table).getLong(1));
        }
        return n;
    }

    private static ResultSet one(Connection c, String query) throws Exception {
        ResultSet rs = c.createStatement().executeQuery(query);
        assertThat(rs.next()).isTrue();
        return rs;
    }

    private static JsonNode ok(TestEngine engine, String path) throws Exception {
        var r = engine.get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String ack(int port, byte[] message) throws Exception {
        String text = new String(message, StandardCharsets.UTF_8)
                .replace("\r\n", "\r")
                .replace("\n", "\r");
        try (MllpClient client = MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(20))) {
            return new String(client.exchange(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        }
    }
}
