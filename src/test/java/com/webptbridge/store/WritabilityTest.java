package com.webptbridge.store;

import com.webptbridge.support.TestDatabase;
import com.webptbridge.support.Wait;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which failures break the store (a full disk, a closed H2 store, a lost connection) and which are
 * the data's; and the probe, on the test database (H2, or PostgreSQL in CI's second pass).
 */
class WritabilityTest {

    @Test
    void aStoreThatABrokenWriteMarkedRefusesWritesUntilItsProbeWrites() throws Exception {
        try (Database db = Database.open(TestDatabase.freshUrl(), TestDatabase.user(), "", 2)) {
            Writability w = db.writability();
            assertThat(w.writable()).isTrue();
            w.failed(new NotDurableException(new SQLException("sync failed", "HY000", 50000)));
            assertThat(w.writable()).isFalse();
            assertThat(w.reason()).startsWith("not writable since").contains("NotDurableException");
            assertThatThrownBy(() -> db.<Integer>writeDurably(c -> 1)).isInstanceOf(Writability.StoreNotWritable.class);

            Wait.until("the probe wrote", Duration.ofSeconds(10), w::writable);
            assertThat(w.reason()).isEmpty();
            assertThat(db.<Integer>writeDurably(c -> 1)).isEqualTo(1);
            assertThat(w.failures()).isEqualTo(1);
            try (Connection c = db.connection()) {
                Optional<Instant> probed = Sql.one(
                        c,
                        "SELECT finished_at FROM job_lock WHERE job_name = ?",
                        rs -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                        Writability.PROBE_JOB);
                assertThat(probed).as("the probe's row").isPresent();
            }
        }
    }

    @Test
    void aFailureOfTheDataLeavesTheStoreWritable() throws Exception {
        try (Database db = Database.open(TestDatabase.freshUrl(), TestDatabase.user(), "", 2)) {
            db.writability().failed(new SQLException("duplicate key", "23505"));
            assertThat(db.writability().writable()).isTrue();
            assertThat(db.writability().failures()).isZero();
        }
    }

    @Test
    void aStoreThatCannotWriteBreaksIt() {
        assertThat(Writability.breaksStore(new NotDurableException(new SQLException("sync", "HY000", 50000))))
                .as("the disk sync after a commit failed")
                .isTrue();
        assertThat(Writability.breaksStore(new SQLException("The database has been closed", "90098", 90098)))
                .as("H2 closed its store after a failed write")
                .isTrue();
        assertThat(Writability.breaksStore(new SQLException(
                        "General error",
                        "HY000",
                        50000,
                        new org.h2.mvstore.MVStoreException(1, "Writing to file failed"))))
                .as("H2's store could not write its file")
                .isTrue();
        assertThat(Writability.breaksStore(new SQLException("could not extend file", "53100")))
                .as("PostgreSQL's disk_full")
                .isTrue();
        assertThat(Writability.breaksStore(new SQLException("I/O error", "08006")))
                .as("the connection was lost")
                .isTrue();
    }

    @Test
    void aFailureOfTheDataOrOfOneTransactionDoesNot() {
        assertThat(Writability.breaksStore(new SQLException("duplicate key", "23505")))
                .isFalse();
        assertThat(Writability.breaksStore(new SQLException("value too long", "22001")))
                .isFalse();
        assertThat(Writability.breaksStore(new SQLException("deadlock", "40P01")))
                .isFalse();
        assertThat(Writability.breaksStore(new SQLException("lock timeout", "55P03")))
                .isFalse();
        assertThat(Writability.breaksStore(new SQLException(
                        "Timeout trying to lock table",
                        "HYT00",
                        50200,
                        new org.h2.mvstore.MVStoreException(
                                org.h2.mvstore.DataUtils.ERROR_TRANSACTION_LOCKED, "Map is locked"))))
                .as("H2's row lock held by another transaction (HeldRowIT): that message only")
                .isFalse();
        assertThat(Writability.breaksStore(new SQLException("Table not found", "42S02", 42102)))
                .isFalse();
        assertThat(Writability.breaksStore(new RuntimeException("a bug"))).isFalse();
    }
}
