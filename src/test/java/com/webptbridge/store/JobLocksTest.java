package com.webptbridge.store;

import com.webptbridge.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Claims on shared work, as two (or eight) engine instances on one database see them. */
class JobLocksTest {

    private static final Duration LEASE = Duration.ofMinutes(5);

    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(TestDatabase.freshUrl(), TestDatabase.user(), "", 10);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void oneInstanceHoldsAJobUntilItReleasesIt() throws SQLException {
        JobLocks a = new JobLocks(db, "a");
        JobLocks b = new JobLocks(db, "b");
        assertThat(a.claim("retention", LEASE)).isTrue();
        assertThat(b.claim("retention", LEASE)).isFalse();
        assertThat(a.claim("retention", LEASE))
                .as("the holder renews its lease")
                .isTrue();
        a.release("retention", true);
        assertThat(a.lastFinished("retention")).isPresent();
        assertThat(b.claim("retention", LEASE)).isTrue();
        assertThat(a.claim("retention", LEASE)).isFalse();
    }

    @Test
    void theWorkOfAnInstanceThatDiedIsTakenOverOnceItsLeaseExpires() throws SQLException {
        JobLocks dead = new JobLocks(db, "dead");
        JobLocks alive = new JobLocks(db, "alive");
        assertThat(dead.claim("recovery:default", Duration.ofSeconds(-1))).isTrue(); // a lease already run out
        assertThat(alive.claim("recovery:default", LEASE)).isTrue();
        dead.release("recovery:default", true); // too late: it is not the holder any more
        assertThat(new JobLocks(db, "third").claim("recovery:default", LEASE)).isFalse();
    }

    @Test
    void ofEightInstancesClaimingANewJobAtOnceExactlyOneGetsIt() throws Exception {
        for (int round = 0; round < 20; round++) {
            String job = "reprocess:" + round;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> claims = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    JobLocks instance = new JobLocks(db, "instance-" + i);
                    Callable<Boolean> claim = () -> {
                        go.await();
                        return instance.claim(job, LEASE);
                    };
                    claims.add(pool.submit(claim));
                }
                go.countDown();
                int won = 0;
                for (Future<Boolean> f : claims) {
                    won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(won).as(job).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
