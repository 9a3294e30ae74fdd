package com.webptbridge.engine;

import com.webptbridge.store.Database;
import com.webptbridge.store.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Retention (bridge.retention.*): prunes raw message text daily on its own thread, and on demand
 * ({@code bridge prune}, {@code POST /api/prune}). It never runs on a listener's thread.
 */
final class RetentionJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final Retention retention;
    private final int rawDays;
    private final int metadataDays;
    private final ScheduledExecutorService daily = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bridge-retention");
        t.setDaemon(true);
        return t;
    });

    RetentionJob(Settings settings, Database db) {
        this.retention = new Retention(db);
        this.rawDays = settings.getInt("bridge.retention.raw-days");
        this.metadataDays = settings.getInt("bridge.retention.metadata-days");
        if (rawDays < 0 || metadataDays < rawDays) {
            throw new IllegalStateException("bridge.retention.raw-days must be 0 or more and"
                    + " bridge.retention.metadata-days at least as many, were " + rawDays + " and " + metadataDays);
        }
        daily.scheduleAtFixedRate(this::scheduled, 10, 24 * 60, TimeUnit.MINUTES);
    }

    /** Prunes now (or only counts, dry): what was (or would be) removed. */
    Retention.Result prune(boolean dryRun) throws SQLException {
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
