package com.webptbridge.store.migration;

import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;
import com.webptbridge.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A single-practice database from before interfaces moves whole to interface {@code default}. */
class V4InterfacesTest {

    @Test
    void existingDataMovesToTheDefaultInterfaceAndKeysBecomePerInterface() throws SQLException {
        String url = TestDatabase.freshUrl();
        Flyway.configure()
                .dataSource(url, TestDatabase.user(), "")
                .locations("classpath:db/migration")
                .target("3")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), "")) {
            Sql.update(c, "INSERT INTO payer (sequence_number, name, active) VALUES (1001, 'Old payer', TRUE)");
            Sql.update(c, "INSERT INTO facility (sequence_number, name, active) VALUES (7, 'Clinic', TRUE)");
            Sql.update(
                    c,
                    "INSERT INTO provider (sequence_number, last_name, npi, active) VALUES (12, 'Reyes',"
                            + " '1234567893', TRUE)");
            long patient = Sql.insert(
                    c,
                    "INSERT INTO patient (patient_id, created_at, updated_at) VALUES (?, ?, ?)",
                    "P1",
                    Instant.now(),
                    Instant.now());
            long journal = Sql.insert(
                    c,
                    "INSERT INTO message_journal (received_at, size_bytes, status, control_id,"
                            + " sending_facility) VALUES (?, 10, 'PROCESSED', 'C1', 'F')",
                    Instant.now());
            Sql.update(
                    c,
                    "INSERT INTO applied_message (sending_facility, control_id, journal_id) VALUES ('F', 'C1', ?)",
                    journal);
            Sql.update(
                    c,
                    "INSERT INTO insurance_policy (patient_ref, priority, payer_sequence, journal_id, updated_at)"
                            + " VALUES (?, 1, 1001, ?, ?)",
                    patient,
                    journal,
                    Instant.now());
            long encounter = Sql.insert(
                    c,
                    "INSERT INTO encounter (patient_ref, service_date, facility_sequence,"
                            + " rendering_sequence, journal_id, created_at) VALUES (?, ?, 7, 12, ?, ?)",
                    patient,
                    LocalDate.of(2026, 1, 2),
                    journal,
                    Instant.now());
            Sql.update(
                    c,
                    "INSERT INTO charge (encounter_id, sending_facility, transaction_id, service_date,"
                            + " procedure_code, units, amount) VALUES (?, 'F', 'T1', ?, '97110', 1, 45)",
                    encounter,
                    LocalDate.of(2026, 1, 2));
        }

        try (Database db = Database.open(url, TestDatabase.user(), "", 2);
                Connection c = db.connection()) {
            for (String table : List.of(
                    "message_journal",
                    "applied_message",
                    "patient",
                    "payer",
                    "facility",
                    "provider",
                    "insurance_policy",
                    "encounter",
                    "charge")) {
                assertThat(Sql.list(c, "SELECT interface_id FROM " + table, rs -> rs.getString(1)))
                        .as(table)
                        .containsOnly("default")
                        .isNotEmpty();
            }
            // Per interface now: the same Sequence Number, patient ID, control ID and FT1 ID elsewhere.
            Sql.update(
                    c, "INSERT INTO payer (interface_id, sequence_number, name, active) VALUES ('b', 1001, 'B', TRUE)");
            Sql.update(
                    c,
                    "INSERT INTO patient (interface_id, patient_id, created_at, updated_at) VALUES ('b', 'P1', ?,"
                            + " ?)",
                    Instant.now(),
                    Instant.now());
            long journal = Sql.one(c, "SELECT id FROM message_journal", rs -> rs.getLong(1))
                    .orElseThrow();
            Sql.update(
                    c,
                    "INSERT INTO applied_message (interface_id, sending_application, sending_facility, control_id,"
                            + " content_digest, journal_id) VALUES ('b', '', 'F', 'C1', '', ?)",
                    journal);
            assertThat(Sql.list(
                            c,
                            "SELECT name FROM payer WHERE sequence_number = 1001 ORDER BY interface_id",
                            rs -> rs.getString(1)))
                    .containsExactly("B", "Old payer");
        }
    }
}
