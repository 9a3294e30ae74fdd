package com.webptbridge.store.lifecycle;

import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;
import com.webptbridge.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lifecycle table and its audit: first states, changes, what clears the sandbox, the upgrade's adoption. */
class InterfaceStatesTest {

    private Database db;
    private InterfaceStates states;

    @BeforeEach
    void open() {
        db = Database.open(TestDatabase.freshUrl(), TestDatabase.user(), "", 4);
        states = new InterfaceStates(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void patient(String interfaceId, String patientId, boolean sandbox) throws SQLException {
        try (Connection c = db.connection()) {
            Sql.update(
                    c,
                    "INSERT INTO patient (interface_id, sandbox, patient_id, created_at, updated_at) VALUES (?, ?, ?,"
                            + " ?, ?)",
                    interfaceId,
                    sandbox,
                    patientId,
                    OffsetDateTime.now(),
                    OffsetDateTime.now());
        }
    }

    private long patients(String interfaceId, boolean sandbox) throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.one(
                            c,
                            "SELECT COUNT(*) FROM patient WHERE interface_id = ? AND sandbox = ?",
                            rs -> rs.getLong(1),
                            interfaceId,
                            sandbox)
                    .orElseThrow();
        }
    }

    @Test
    void theFirstStateIsRecordedOnceAndAuditedFromNothing() throws Exception {
        states.register("clinic-a", InterfaceState.SETUP, "engine", "new interface");
        InterfaceStates.Current again = states.register("clinic-a", InterfaceState.LIVE, "engine", "ignored");

        assertThat(again.state()).isEqualTo(InterfaceState.SETUP);
        assertThat(states.history("clinic-a")).singleElement().satisfies(c -> {
            assertThat(c.from()).isNull();
            assertThat(c.to()).isEqualTo(InterfaceState.SETUP);
            assertThat(c.changedBy()).isEqualTo("engine");
        });
    }

    @Test
    void theSameWebptPatientLivesOnceInTheSandboxAndOnceLive() throws Exception {
        patient("clinic-a", "P1", true);
        patient("clinic-a", "P1", false);
        assertThat(patients("clinic-a", true)).isEqualTo(1);
        assertThat(patients("clinic-a", false)).isEqualTo(1);
    }

    @Test
    void leavingTestingForLiveClearsOnlyThatInterfacesSandbox() throws Exception {
        states.register("clinic-a", InterfaceState.TESTING, "engine", null);
        patient("clinic-a", "P1", true);
        patient("clinic-a", "P2", false);
        patient("clinic-b", "P1", true);

        InterfaceStates.StateChange live = states.change("clinic-a", InterfaceState.LIVE, "admin", false, "go");

        assertThat(live.from()).isEqualTo(InterfaceState.TESTING);
        assertThat(live.note())
                .isEqualTo("go; sandbox cleared: 1 patient(s), 0 insurance policies, 0 encounter(s)," + " 0 charge(s)");
        assertThat(patients("clinic-a", true)).isZero();
        assertThat(patients("clinic-a", false)).isEqualTo(1);
        assertThat(patients("clinic-b", true)).isEqualTo(1);
    }

    @Test
    void disablingAnInterfaceInTestingKeepsItsSandbox() throws Exception {
        states.register("clinic-a", InterfaceState.TESTING, "engine", null);
        patient("clinic-a", "P1", true);
        states.change("clinic-a", InterfaceState.DISABLED, "admin", false, null);
        assertThat(patients("clinic-a", true)).isEqualTo(1);
    }

    @Test
    void resetTestClearsTheSandboxAndStartsTestingAgain() throws Exception {
        states.register("clinic-a", InterfaceState.LIVE, "engine", null);
        patient("clinic-a", "P1", true);
        InterfaceStates.StateChange reset = states.resetTest("clinic-a", "admin");
        assertThat(reset.from()).isEqualTo(InterfaceState.LIVE);
        assertThat(reset.to()).isEqualTo(InterfaceState.TESTING);
        assertThat(patients("clinic-a", true)).isZero();
    }

    @Test
    void aFreshDatabaseAdoptsNothing() throws Exception {
        assertThat(states.adoptExisting(List.of("clinic-a"))).isEmpty();
        assertThat(states.find("clinic-a")).isEmpty();
    }

    @Test
    void theFirstStartAfterTheUpgradeMakesItsConfiguredInterfacesLiveOnce() throws Exception {
        states.register("clinic-a", InterfaceState.LIVE, "upgrade", null);
        try (Connection c = db.connection()) {
            Sql.update(c, "INSERT INTO interface_state_adoption (pending) VALUES (TRUE)");
        }
        assertThat(states.adoptExisting(List.of("clinic-a", "clinic-b"))).containsExactly("clinic-b");
        assertThat(states.find("clinic-b").orElseThrow().state()).isEqualTo(InterfaceState.LIVE);
        assertThat(states.adoptExisting(List.of("clinic-c"))).isEmpty();
    }
}
