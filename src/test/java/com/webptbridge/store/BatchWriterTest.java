package com.webptbridge.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batch writer on a real embedded H2 file database. A first piece of work that holds the
 * writer (it waits at a gate inside its batch) lets the test queue the next ones deterministically:
 * everything queued meanwhile is the next batch.
 */
class BatchWriterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private String url;
    private Database db;
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);

    @BeforeEach
    void open() throws SQLException {
        url = "jdbc:h2:file:" + dir.resolve("bridge");
        db = Database.open(url, "sa", "", 4);
        try (Connection c = db.connection()) {
            Sql.update(c, "CREATE TABLE written (k VARCHAR(10) PRIMARY KEY)");
        }
    }

    @AfterEach
    void close() {
        gate.countDown();
        db.close();
    }

    @Test
    void aWriteIsOnDiskWhenItReturns() throws Exception {
        db.writeDurably(c -> Sql.update(c, "INSERT INTO written VALUES ('one')"));
        db.close();
        db = Database.open(url, "sa", "", 2);
        assertThat(keys()).containsExactly("one");
    }

    @Test
    void writesQueuedWhileABatchIsAppliedShareTheNextTransaction() throws Exception {
        CompletableFuture<Object> first = holdTheWriter();
        List<CompletableFuture<Object>> queued = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            queued.add(insert("k" + i));
        }
        awaitQueued(7);
        gate.countDown();

        first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(db.batchTotals()).containsExactly(2, 8); // the held batch, then the seven together
        assertThat(keys()).hasSize(7);
    }

    @Test
    void aFailedWriteIsRolledBackAloneAndItsBatchNeighboursCommit() throws Exception {
        db.writeDurably(c -> Sql.update(c, "INSERT INTO written VALUES ('taken')"));
        CompletableFuture<Object> first = holdTheWriter();
        CompletableFuture<Object> before = insert("before");
        CompletableFuture<Object> bad = submit(c -> {
            Sql.update(c, "INSERT INTO written VALUES ('partial')"); // rolled back with the rest of it
            return Sql.update(c, "INSERT INTO written VALUES ('taken')");
        });
        awaitQueued(2);
        CompletableFuture<Object> after = insert("after");
        awaitQueued(3);
        gate.countDown();

        first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        before.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        after.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThatThrownBy(() -> bad.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(Database.isDataRefusal(e)).isTrue());
        assertThat(db.batchTotals()).containsExactly(3, 5);
        assertThat(keys()).containsExactlyInAnyOrder("taken", "before", "after");
    }

    @Test
    void aBatchThatCannotCommitFailsEveryWriteInItAndTheNextBatchWorks() throws Exception {
        CompletableFuture<Object> first = holdTheWriter();
        CompletableFuture<Object> lost = insert("lost");
        CompletableFuture<Object> breaking = submit(c -> {
            c.close(); // the transaction's connection is gone: the commit cannot happen
            return null;
        });
        awaitQueued(2);
        gate.countDown();
        first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        for (CompletableFuture<Object> f : List.of(lost, breaking)) {
            assertThatThrownBy(() -> f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SQLException.class);
        }
        db.writeDurably(c -> Sql.update(c, "INSERT INTO written VALUES ('next')"));
        assertThat(keys()).containsExactly("next");
    }

    @Test
    void closingWritesWhatIsQueuedThenRefusesMore() throws Exception {
        CompletableFuture<Object> first = holdTheWriter();
        CompletableFuture<Object> queued = insert("queued");
        awaitQueued(1);
        CompletableFuture<Void> closing = CompletableFuture.runAsync(db::close);
        gate.countDown();
        first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        queued.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        closing.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThatThrownBy(() -> db.writeDurably(c -> null)).isInstanceOf(SQLException.class);
        db = Database.open(url, "sa", "", 2);
        assertThat(keys()).containsExactly("queued");
    }

    /** A write that waits at the gate inside its batch; returns once the writer is held. */
    private CompletableFuture<Object> holdTheWriter() throws InterruptedException {
        CompletableFuture<Object> f = submit(c -> {
            holding.countDown();
            try {
                if (!gate.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new SQLException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                throw new SQLException(e);
            }
            return null;
        });
        assertThat(holding.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return f;
    }

    private CompletableFuture<Object> insert(String key) {
        return submit(c -> Sql.update(c, "INSERT INTO written VALUES (?)", key));
    }

    private CompletableFuture<Object> submit(Database.TransactionWork<Object> work) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        Database target = db;
        new Thread(() -> {
                    try {
                        f.complete(target.writeDurably(work));
                    } catch (Throwable e) {
                        f.completeExceptionally(e);
                    }
                })
                .start();
        return f;
    }

    /** Polls (with a deadline) until {@code n} writes wait for the next batch. */
    private void awaitQueued(int n) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (db.queuedWrites() < n) {
            assertThat(Instant.now()).as("writes queued").isBefore(deadline);
            Thread.sleep(5);
        }
    }

    private List<String> keys() throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.list(c, "SELECT k FROM written ORDER BY k", rs -> rs.getString(1));
        }
    }
}
