package com.webptbridge.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class GroupCommitTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aCommitAwaitedOnAFileDatabaseIsThereAfterReopening() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("bridge");
        long id;
        try (Database db = Database.open(url, "sa", "", 2)) {
            id = new Journal(db, "default").receive(receipt("ONE"));
            assertTimeoutPreemptively(TIMEOUT, db::awaitDurable);
        }
        try (Database db = Database.open(url, "sa", "", 2)) {
            assertThat(new Journal(db, "default").find(id, false))
                    .map(JournalEntry::controlId)
                    .contains("ONE");
        }
    }

    @Test
    void concurrentCommittersAllReturnOnceTheirCommitsAreFlushed() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("bridge");
        int writers = 8;
        try (Database db = Database.open(url, "sa", "", writers)) {
            Journal journal = new Journal(db, "default");
            List<CompletableFuture<Long>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String controlId = "C" + i;
                done.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                long id = journal.receive(receipt(controlId));
                                db.awaitDurable();
                                return id;
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        command -> new Thread(command, "writer-" + controlId).start()));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        try (Database db = Database.open(url, "sa", "", 2)) {
            assertThat(new Journal(db, "default").list(null, null, null, 100)).hasSize(writers);
        }
    }

    @Test
    void waitersThatArriveDuringAFlushShareTheNextOne() throws Exception {
        FakeDisk disk = new FakeDisk();
        GroupCommit groupCommit = new GroupCommit(disk.dataSource());
        try {
            List<CompletableFuture<Void>> waiters = new ArrayList<>();
            waiters.add(awaitDurable(groupCommit, "first"));
            assertThat(disk.flushing.tryAcquire(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .isTrue(); // flush 1 is stuck

            List<Thread> later = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                CompletableFuture<Void> waiter = new CompletableFuture<>();
                Thread t = new Thread(() -> complete(waiter, groupCommit), "waiter-" + i);
                later.add(t);
                waiters.add(waiter);
                t.start();
            }
            awaitAllWaitingInAwaitDurable(later);
            disk.gate.countDown();

            CompletableFuture.allOf(waiters.toArray(CompletableFuture[]::new))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            // One flush for the first waiter, one for the seven that queued behind it.
            assertThat(disk.flushes).hasValue(2);
        } finally {
            disk.gate.countDown();
            groupCommit.close();
        }
    }

    @Test
    void aFailedFlushIsReportedToItsWaitersAndTheNextFlushServesNewOnes() throws Exception {
        FakeDisk disk = new FakeDisk();
        disk.gate.countDown();
        disk.failing.set(true);
        GroupCommit groupCommit = new GroupCommit(disk.dataSource());
        try {
            assertThatThrownBy(() -> awaitDurable(groupCommit, "failed").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SQLException.class)
                    .cause()
                    .hasMessageContaining("could not write");
            disk.failing.set(false);
            awaitDurable(groupCommit, "next").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            groupCommit.close();
        }
    }

    @Test
    void closingReleasesWaitersWithAnExceptionInsteadOfLeavingThemHanging() throws Exception {
        FakeDisk disk = new FakeDisk();
        GroupCommit groupCommit = new GroupCommit(disk.dataSource());
        CompletableFuture<Void> closed = null;
        try {
            CompletableFuture<Void> first = awaitDurable(groupCommit, "first");
            assertThat(disk.flushing.tryAcquire(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .isTrue(); // flush never ends
            CompletableFuture<Void> second = new CompletableFuture<>();
            Thread t = new Thread(() -> complete(second, groupCommit), "second");
            t.start();
            awaitAllWaitingInAwaitDurable(List.of(t));

            closed = CompletableFuture.runAsync(groupCommit::close); // waits for the stuck flusher
            for (CompletableFuture<Void> waiter : List.of(first, second)) {
                assertThatThrownBy(() -> waiter.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(SQLException.class);
            }
            assertTimeoutPreemptively(
                    TIMEOUT, () -> assertThatThrownBy(groupCommit::awaitDurable).isInstanceOf(SQLException.class));
        } finally {
            disk.gate.countDown();
            if (closed != null) {
                closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } else {
                groupCommit.close();
            }
        }
    }

    private static CompletableFuture<Void> awaitDurable(GroupCommit groupCommit, String name) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        new Thread(() -> complete(done, groupCommit), name).start();
        return done;
    }

    private static void complete(CompletableFuture<Void> done, GroupCommit groupCommit) {
        try {
            groupCommit.awaitDurable();
            done.complete(null);
        } catch (Throwable e) {
            done.completeExceptionally(e);
        }
    }

    /** Blocks until every thread waits inside awaitDurable (polling its state, with a deadline). */
    private static void awaitAllWaitingInAwaitDurable(List<Thread> threads) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!threads.stream().allMatch(GroupCommitTest::waitingInAwaitDurable)) {
            assertThat(Instant.now()).as("threads waiting for a flush").isBefore(deadline);
            Thread.sleep(5);
        }
    }

    private static boolean waitingInAwaitDurable(Thread t) {
        return t.getState() == Thread.State.WAITING
                && Arrays.stream(t.getStackTrace())
                        .anyMatch(f -> f.getClassName().equals(GroupCommit.class.getName())
                                && f.getMethodName().equals("awaitDurable"));
    }

    private static Receipt receipt(String controlId) {
        return new Receipt(
                Instant.now(),
                "127.0.0.1:5000",
                "WEBPT",
                "CLINIC",
                controlId,
                "ADT",
                "A04",
                "2.5",
                "UTF-8",
                10,
                "MSH|");
    }

    /**
     * A data source whose only statement, the flush, is counted and held at a gate until the test
     * opens it, and fails while {@code failing} is set.
     */
    private static final class FakeDisk {
        final AtomicInteger flushes = new AtomicInteger();
        final Semaphore flushing = new Semaphore(0);
        final CountDownLatch gate = new CountDownLatch(1);
        final AtomicBoolean failing = new AtomicBoolean();

        DataSource dataSource() {
            Statement statement = proxy(Statement.class, (name, args) -> {
                if (name.equals("execute")) {
                    flushes.incrementAndGet();
                    flushing.release();
                    if (!gate.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                        throw new SQLException("the test never opened the gate");
                    }
                    if (failing.get()) {
                        throw new SQLException("disk full");
                    }
                    return false;
                }
                return null;
            });
            Connection connection =
                    proxy(Connection.class, (name, args) -> name.equals("createStatement") ? statement : null);
            return proxy(DataSource.class, (name, args) -> name.equals("getConnection") ? connection : null);
        }

        @FunctionalInterface
        interface Answer {
            Object answer(String method, Object[] args) throws Exception;
        }

        /** Answers the methods GroupCommit calls; close() and the rest do nothing. */
        private static <T> T proxy(Class<T> type, Answer answer) {
            return type.cast(Proxy.newProxyInstance(
                    GroupCommitTest.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
                        Object result = answer.answer(method.getName(), args);
                        if (result == null && method.getReturnType() == boolean.class) {
                            return false;
                        }
                        if (result == null && method.getReturnType() == int.class) {
                            return System.identityHashCode(self);
                        }
                        return result;
                    }));
        }
    }
}
