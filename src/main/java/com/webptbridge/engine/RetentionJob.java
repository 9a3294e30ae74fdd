package com.webptbridge.engine;

import com.webptbridge.store.Database;
import com.webptbridge.store.JobLocks;
import com.webptbridge.store.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Retention (bridge.retention.*): prunes raw message text daily on its own thread, and on demand
 * ({@code bridge prune}, {@code POST /api/prune}). It never runs on a listener's thread.
 */
final class RetentionJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    /** The claim of a pruning run: long enough for any run; an instance that dies loses it then. */
    private static final Duration LEASE = Duration.ofHours(2);

    /** A scheduled run is skipped when any instance finished one this recently (every instance has a timer). */
    private static final Duration DAILY = Duration.ofHours(20);

    private static final String JOB = "retention";

    private final Retention retention;
    private final JobLocks locks;
    private final int rawDays;
    private final int metadataDays;
    private final ScheduledExecutorService daily = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bridge-retention");
        t.setDaemon(true);
        return t;
    });

    RetentionJob(Settings settings, Database db) {
        this.retention = new Retention(db);
        this.locks = new JobLocks(db);
        this.rawDays = settings.getInt("bridge.retention.raw-days");
        this.metadataDays = settings.getInt("bridge.retention.metadata-days");
        if (rawDays < 0 || metadataDays < rawDays) {
            throw new IllegalStateException("bridge.retention.raw-days must be 0 or more and"
                    + " bridge.retention.metadata-days at least as many, were " + rawDays + " and " + metadataDays);
        }
        daily.scheduleAtFixedRate(this::scheduled, 10, 24 * 60, TimeUnit.MINUTES);
    }

    /**
     * Prunes now (or only counts, dry): what was (or would be) removed. Several instances on one
     * database prune one at a time: while another holds the run, this says so and does nothing.
     */
    Object prune(boolean dryRun) throws SQLException {
        if (dryRun) {
            return pruneClaimed(true);
        }
        if (!locks.claim(JOB, LEASE)) {
            return Map.of("skipped", "another engine instance is pruning right now; try again when it is done");
        }
        boolean finished = false;
        try {
            Retention.Result r = pruneClaimed(false);
            finished = true;
            return r;
        } finally {
            locks.release(JOB, finished);
        }
    }

    private Retention.Result pruneClaimed(boolean dryRun) throws SQLException {
        Instant now = Instant.now();
        Retention.Result r =
                retention.prune(now.minus(Duration.ofDays(rawDays)), now.minus(Duration.ofDays(metadataDays)), dryRun);
        LOG.info(
                "Retention{}: raw text of {} message(s) received before {} {}, metadata of {} before {} {}",
                dryRun ? " (dry run)" : "",
                r.rawPruned(),
                r.rawBefore(),
                dryRun ? "would be removed" : "removed",
                r.metadataPruned(),
                r.metadataBefore(),
                dryRun ? "would be removed" : "removed");
        return r;
    }

    private void scheduled() {
        try {
            Optional<Instant> last = locks.lastFinished(JOB);
            if (last.isPresent() && last.get().isAfter(Instant.now().minus(DAILY))) {
                LOG.info("Retention: pruned at {} already (by this or another instance); skipped", last.get());
                return;
            }
            prune(false);
        } catch (Exception e) {
            LOG.error(
                    "Retention pruning failed; it runs again tomorrow: {}",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        daily.shutdownNow();
    }
}
