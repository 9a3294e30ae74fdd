package com.webptbridge.engine;

import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.store.Database;
import com.webptbridge.store.DatabaseUrl;
import com.webptbridge.store.JobLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Finishes messages a stop or crash left RECEIVED: at start, then every minute those older than
 * {@code bridge.recovery.grace-seconds}. On a database other instances may share, a RECEIVED
 * message may be in flight on one of them, so only older ones are another instance's unfinished
 * work; on embedded H2 nobody else can have it, so at start everything before this start is.
 */
final class Recovery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final InterfaceRuntime interfaces;
    private final JobLocks locks;
    private final Duration grace;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bridge-recovery");
        t.setDaemon(true);
        return t;
    });

    Recovery(Settings settings, Database db, InterfaceRuntime interfaces) {
        this.interfaces = interfaces;
        this.locks = new JobLocks(db);
        this.grace = Duration.ofSeconds(settings.getInt("bridge.recovery.grace-seconds"));
    }

    /** Recovers once now, then every minute. {@code starting}: when this engine began to start. */
    void start(Settings settings, Instant starting) {
        boolean alone = DatabaseUrl.of(settings.get("bridge.db.url")).embedded();
        recoverUnfinished(alone ? starting : Instant.now().minus(grace));
        schedule.scheduleWithFixedDelay(() -> recoverUnfinished(Instant.now().minus(grace)), 60, 60, TimeUnit.SECONDS);
    }

    private void recoverUnfinished(Instant before) {
        for (RunningInterface i : interfaces.running()) {
            String job = "recovery:" + i.id();
            try {
                if (!locks.claim(job, Duration.ofMinutes(10))) {
                    continue; // another instance is recovering this interface right now
                }
                try {
                    i.maintenance().reprocessor().recover(before);
                } finally {
                    locks.release(job, true);
                }
            } catch (SQLException | RuntimeException e) {
                LOG.error(
                        "interface={} unfinished messages not recovered: {}",
                        i.id(),
                        e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
