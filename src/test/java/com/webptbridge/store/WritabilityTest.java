package com.webptbridge.store;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures break the store (a full disk, a closed H2 store, a lost connection) and which are the data's. */
class WritabilityTest {

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
        assertThat(Writability.breaksStore(new SQLException("Table not found", "42S02", 42102)))
                .isFalse();
        assertThat(Writability.breaksStore(new RuntimeException("a bug"))).isFalse();
    }
}
