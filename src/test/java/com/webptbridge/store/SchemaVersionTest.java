package com.webptbridge.store;

import com.webptbridge.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema when several instances (or versions) of the engine share one database. */
class SchemaVersionTest {

    @Test
    void aDatabaseMigratedByANewerVersionIsRefusedWithWhatToDo() throws Exception {
        String url = TestDatabase.freshUrl();
        try (Database db = Database.open(url, TestDatabase.user(), "", 2);
                Connection c = db.connection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (999, '999', 'from a newer Bridge', 'SQL', 'V999__newer.sql', 0, 'test', 0, TRUE)");
        }
        assertThatThrownBy(() -> Database.open(url, TestDatabase.user(), "", 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema is at version 999")
                .hasMessageContaining("applied by a newer WebPT Bridge")
                .hasMessageContaining("run the newer version");
    }

    /**
     * Instances that share a database share PostgreSQL (Flyway takes its advisory lock there). An
     * embedded H2 database is one engine's: H2 itself fails a concurrent first open now and then
     * ("Unable to check whether table exists"), which is no case the engine has.
     */
    @Test
    void instancesStartingTogetherOnAnEmptyDatabaseMigrateItOnce() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                TestDatabase.postgres(), "several instances share PostgreSQL, never an embedded H2 database");
        String url = TestDatabase.freshUrl();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Database>> opened = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Callable<Database> open = () -> {
                    go.await();
                    return Database.open(url, TestDatabase.user(), "", 2);
                };
                opened.add(pool.submit(open));
            }
            go.countDown();
            List<Database> all = new ArrayList<>();
            for (Future<Database> f : opened) {
                all.add(f.get(120, TimeUnit.SECONDS)); // each instance starts: none fails on another's migration
            }
            try (Connection c = all.get(0).connection();
                    Statement s = c.createStatement();
                    var rs = s.executeQuery("SELECT \"version\", COUNT(*) FROM \"flyway_schema_history\""
                            + " WHERE \"version\" IS NOT NULL GROUP BY \"version\" HAVING COUNT(*) > 1")) {
                assertThat(rs.next()).as("a migration applied twice").isFalse();
            }
            all.forEach(Database::close);
        } finally {
            pool.shutdownNow();
        }
    }
}
