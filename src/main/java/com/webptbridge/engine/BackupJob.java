package com.webptbridge.engine;

import com.webptbridge.store.Backup;
import com.webptbridge.store.Database;
import com.webptbridge.store.DatabaseUrl;
import com.webptbridge.store.JobLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scheduled backups of the embedded database (bridge.backup.*): every interval into
 * {@code bridge.backup.dir} as {@code bridge-<UTC time>.zip}, keeping the newest
 * {@code bridge.backup.keep}. Claimed through the job lock like the other jobs, so only one
 * instance runs it. Off when the directory is empty or the database is not embedded H2 (PostgreSQL
 * has its own tools: docs/operations.md).
 */
final class BackupJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupJob.class);
    private static final String JOB = "backup";
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("'bridge-'yyyyMMdd'-'HHmmss'.zip'").withZone(ZoneOffset.UTC);

    private final Database db;
    private final JobLocks locks;
    private final Path dir;
    private final int keep;
    private final Duration interval;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bridge-backup");
        t.setDaemon(true);
        return t;
    });

    private BackupJob(Database db, Path dir, int keep, Duration interval) {
        this.db = db;
        this.locks = new JobLocks(db);
        this.dir = dir;
        this.keep = keep;
        this.interval = interval;
    }

    /** The job as the settings ask for it, scheduled; empty when backups are off. */
    static Optional<BackupJob> start(Settings settings, Database db) {
        String dir = settings.get("bridge.backup.dir");
        if (dir.isEmpty() || !DatabaseUrl.of(settings.get("bridge.db.url")).embeddedFile()) {
            return Optional.empty();
        }
        int keep = settings.getInt("bridge.backup.keep");
        int minutes = settings.getInt("bridge.backup.interval-minutes");
        if (keep < 1 || minutes < 1) {
            throw new IllegalStateException("bridge.backup.keep and bridge.backup.interval-minutes must be at least 1");
        }
        BackupJob job = new BackupJob(db, settings.path(dir), keep, Duration.ofMinutes(minutes));
        job.timer.scheduleAtFixedRate(job::scheduled, minutes, minutes, TimeUnit.MINUTES);
        return Optional.of(job);
    }

    /** One backup now, then the oldest beyond the count to keep removed; the file written. */
    Path run() throws SQLException, IOException {
        Path file = Backup.take(db, dir.resolve(NAME.format(java.time.Instant.now())));
        List<Path> all = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "bridge-*.zip")) {
            files.forEach(all::add);
        }
        all.sort(null); // the name is the time
        for (int i = 0; i < all.size() - keep; i++) {
            Files.deleteIfExists(all.get(i));
        }
        LOG.info("Backup written to {} ({} kept in {})", file.getFileName(), Math.min(all.size(), keep), dir);
        return file;
    }

    private void scheduled() {
        try {
            Optional<java.time.Instant> last = locks.lastFinished(JOB);
            if (last.isPresent()
                    && last.get()
                            .isAfter(java.time.Instant.now()
                                    .minus(interval.multipliedBy(4).dividedBy(5)))) {
                return; // another instance (or this one) took it this round
            }
            if (!locks.claim(JOB, Duration.ofHours(2))) {
                return;
            }
            boolean done = false;
            try {
                run();
                done = true;
            } finally {
                locks.release(JOB, done);
            }
        } catch (Exception e) {
            LOG.error(
                    "Scheduled backup failed; it runs again next interval: {}",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
