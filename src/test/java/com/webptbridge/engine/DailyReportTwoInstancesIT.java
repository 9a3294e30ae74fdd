package com.webptbridge.engine;

import com.webptbridge.support.TestDatabase;
import com.webptbridge.support.TestEngine;
import com.webptbridge.support.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two engines on one PostgreSQL database, both due to write the daily report at the same moment
 * (each looks every second, and both are also run for a day at once): each day is written once, by
 * one of them, into its folder only. PostgreSQL only: an embedded H2 file has one engine.
 */
class DailyReportTwoInstancesIT {

    private static TestEngine a;
    private static TestEngine b;
    private static Path dirA;
    private static Path dirB;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(
                TestDatabase.postgres(),
                "needs PostgreSQL (-Dbridge.test.db.url): an embedded H2 database cannot be shared by two engines");
        String url = TestDatabase.freshUrl();
        dirA = Files.createTempDirectory("daily-a");
        dirB = Files.createTempDirectory("daily-b");
        a = TestEngine.start(settings(url, dirA));
        b = TestEngine.start(settings(url, dirB));
    }

    private static Map<String, String> settings(String url, Path dir) {
        return Map.of(
                "bridge.db.url",
                url,
                "bridge.reports.enabled",
                "true",
                "bridge.reports.dir",
                dir.toString(),
                "bridge.reports.daily-at",
                "00:00",
                "bridge.reports.check-seconds",
                "1");
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private static DailyReportJob job(TestEngine e) {
        return e.engine().dailyReports().orElseThrow();
    }

    @Test
    void bothDueAtOnceWriteTheDayOnce() throws Exception {
        LocalDate yesterday = LocalDate.now().minusDays(1);
        int seenA = job(a).ticks();
        int seenB = job(b).ticks();
        Wait.until(
                "both engines looked three times more",
                Duration.ofSeconds(60),
                () -> job(a).ticks() >= seenA + 3 && job(b).ticks() >= seenB + 3);
        assertThat(List.of(has(dirA, yesterday), has(dirB, yesterday)))
                .as("yesterday's report, in exactly one engine's folder")
                .containsExactlyInAnyOrder(true, false);
        assertThat(rows(yesterday)).hasSize(1);

        // The same moment, exactly: both run for today behind one starting gun.
        LocalDate today = LocalDate.now();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<DailyReportJob.Run>> runs = new ArrayList<>();
            for (TestEngine e : List.of(a, b)) {
                Callable<DailyReportJob.Run> run = () -> {
                    go.await();
                    return job(e).runFor(today);
                };
                runs.add(pool.submit(run));
            }
            go.countDown();
            int written = 0;
            for (Future<DailyReportJob.Run> f : runs) {
                written += f.get(60, TimeUnit.SECONDS).written().size();
            }
            // The one that lost the claim finds the day written when it runs again.
            for (TestEngine e : List.of(a, b)) {
                DailyReportJob.Run again = job(e).runFor(today);
                assertThat(again.claimed()).isTrue();
                written += again.written().size();
            }
            assertThat(written)
                    .as("writes of today's report across both engines")
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(List.of(has(dirA, today), has(dirB, today))).containsExactlyInAnyOrder(true, false);
        assertThat(rows(today)).hasSize(1);
    }

    private static boolean has(Path dir, LocalDate day) {
        return Files.exists(dir.resolve("default").resolve(day + ".html"))
                && Files.exists(dir.resolve("default").resolve(day + ".csv"));
    }

    /** Who wrote the day, as the database records it. */
    private static List<String> rows(LocalDate day) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = a.engine().database().connection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT written_by FROM daily_report WHERE report_date = ?")) {
            ps.setObject(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
