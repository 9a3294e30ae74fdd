package com.webptbridge.store.billing;

import com.webptbridge.billing.ChargeLine;
import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;
import com.webptbridge.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PatientAccountTest {

    private Database db;

    @BeforeEach
    void open() throws SQLException {
        db = Database.open(TestDatabase.freshUrl(), TestDatabase.user(), "", 4);
        try (Connection c = db.connection()) {
            Sql.update(
                    c,
                    "INSERT INTO payer (interface_id, sequence_number, name, active) VALUES ('default', ?, ?, ?)",
                    1042L,
                    "Acme Health",
                    true);
            Sql.update(
                    c,
                    "INSERT INTO facility (interface_id, sequence_number, name, active) VALUES ('default', ?, ?, ?)",
                    7L,
                    "Main Clinic",
                    true);
            Sql.update(
                    c,
                    "INSERT INTO provider (interface_id, sequence_number, last_name, npi, active) VALUES ('default', ?, ?, ?, ?)",
                    3L,
                    "Doe",
                    "1234567893",
                    true);
            Sql.update(
                    c,
                    "INSERT INTO referring_provider (interface_id, sequence_number, last_name, first_name, npi, active)"
                            + " VALUES ('default', ?, ?, ?, ?, ?)",
                    5L,
                    "Roe",
                    "Rita",
                    "1245319599",
                    true);
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void eachEncounterCarriesItsOwnDiagnosesAndChargesInOrder() throws SQLException {
        long patient = patient("P1");
        long other = patient("P2");
        long first = encounter(patient, LocalDate.of(2024, 1, 2), 5L);
        long empty = encounter(patient, LocalDate.of(2024, 1, 9), null);
        long second = encounter(patient, LocalDate.of(2024, 1, 16), null);
        long foreign = encounter(other, LocalDate.of(2024, 1, 3), null);
        diagnoses(second, "M54.5");
        diagnoses(first, "M25.561", "S83.241A");
        diagnoses(foreign, "Z00.00");
        charge(second, "T3", "97140", "GP");
        charge(first, "T1", "97110", "GP,59");
        charge(foreign, "T9", "97001", null);
        charge(first, "T2", "97112", null);

        List<PatientAccount.EncounterView> views = new PatientAccount(db).encounters(patient);

        assertThat(views).extracting(PatientAccount.EncounterView::id).containsExactly(first, empty, second);
        PatientAccount.EncounterView one = views.get(0);
        assertThat(one.diagnoses()).containsExactly("M25.561", "S83.241A");
        assertThat(one.charges()).extracting(ChargeLine::transactionId).containsExactly("T1", "T2");
        assertThat(one.charges().get(0).modifiers()).containsExactly("GP", "59");
        assertThat(one.charges().get(0).units()).isEqualTo(new BigDecimal("2"));
        assertThat(one.charges().get(0).diagnosisPointers()).containsExactly(1, 2);
        assertThat(one.referringName()).isEqualTo("Roe, Rita");
        assertThat(one.facilityName()).isEqualTo("Main Clinic");
        assertThat(one.renderingNpi()).isEqualTo("1234567893");
        assertThat(views.get(1).diagnoses()).isEmpty();
        assertThat(views.get(1).charges()).isEmpty();
        assertThat(views.get(1).referringName()).isNull();
        assertThat(views.get(2).diagnoses()).containsExactly("M54.5");
        assertThat(views.get(2).charges()).extracting(ChargeLine::procedureCode).containsExactly("97140");
        assertThat(new PatientAccount(db).encounters(patient("P3"))).isEmpty();
    }

    @Test
    void policiesComeInPriorityOrderWithThePayersName() throws SQLException {
        long patient = patient("P1");
        try (Connection c = db.connection()) {
            for (int priority : List.of(2, 1)) {
                Sql.update(
                        c,
                        "INSERT INTO insurance_policy (interface_id, patient_ref, priority, payer_sequence, member_id,"
                                + " effective_date, journal_id, updated_at) VALUES ('default', ?, ?, ?, ?, ?, ?, ?)",
                        patient,
                        priority,
                        1042L,
                        "M" + priority,
                        LocalDate.of(2024, 1, priority),
                        1L,
                        Instant.now());
            }
        }
        List<PatientAccount.PolicyView> policies = new PatientAccount(db).policies(patient);
        assertThat(policies).extracting(v -> v.coverage().memberId()).containsExactly("M1", "M2");
        assertThat(policies.get(0).payerName()).isEqualTo("Acme Health");
        assertThat(policies.get(0).coverage().effectiveDate()).isEqualTo(LocalDate.of(2024, 1, 1));
    }

    private long patient(String patientId) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.insert(
                    c,
                    "INSERT INTO patient (interface_id, patient_id, created_at, updated_at) VALUES ('default', ?, ?, ?)",
                    patientId,
                    Instant.now(),
                    Instant.now());
        }
    }

    private long encounter(long patient, LocalDate date, Long referring) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.insert(
                    c,
                    "INSERT INTO encounter (interface_id, patient_ref, visit_number, service_date, facility_sequence,"
                            + " rendering_sequence, referring_sequence, journal_id, created_at) VALUES ('default', ?, ?, ?, ?, ?, ?, ?, ?)",
                    patient,
                    "V" + date,
                    date,
                    7L,
                    3L,
                    referring,
                    1L,
                    Instant.now());
        }
    }

    private void diagnoses(long encounter, String... codes) throws SQLException {
        try (Connection c = db.connection()) {
            for (int i = 0; i < codes.length; i++) {
                Sql.update(
                        c,
                        "INSERT INTO encounter_diagnosis (encounter_id, position, code) VALUES (?, ?, ?)",
                        encounter,
                        i + 1,
                        codes[i]);
            }
        }
    }

    private void charge(long encounter, String transactionId, String code, String modifiers) throws SQLException {
        try (Connection c = db.connection()) {
            Sql.update(
                    c,
                    "INSERT INTO charge (interface_id, encounter_id, sending_facility, transaction_id, service_date,"
                            + " procedure_code, modifiers, units, amount, diagnosis_pointers) VALUES ('default', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    encounter,
                    "CLINIC",
                    transactionId,
                    LocalDate.of(2024, 1, 2),
                    code,
                    modifiers,
                    new BigDecimal("2.00"),
                    new BigDecimal("120.00"),
                    "1,2");
        }
    }
}
