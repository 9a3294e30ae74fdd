package com.webptbridge.engine;

import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.reports.DailyReportFiles;
import com.webptbridge.reports.ReportDocument;
import com.webptbridge.reports.ReportPeriod;
import com.webptbridge.reports.ReportSummary;
import com.webptbridge.reports.ReportWebhook;
import com.webptbridge.store.Database;
import com.webptbridge.store.DatabaseUrl;
import com.webptbridge.store.JobLocks;
import com.webptbridge.store.report.DailyRuns;
import com.webptbridge.store.report.PeriodReport;
import com.webptbridge.store.report.ReportQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daily report (bridge.reports.*): once the day's hour ({@code daily-at}, the engine's time
 * zone) has come, the day before's report of each running interface is written as HTML and CSV
 * ({@link DailyReportFiles}), then its summary posted to the interface's webhook, if it has one.
 * Once across instances: a run holds the job lock, and a day written is recorded in the database
 * ({@link DailyRuns}), so whichever instance comes first writes it and the others find it done.
 * The engine looks every {@code check-seconds}, so one that was down at the hour writes the day
 * when it starts (before the hour, the day before yesterday is the one due).
 */
final class DailyReportJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DailyReportJob.class);
    private static final String JOB = "daily-report";

    /** Long enough for the reports of every interface; an instance that dies holding it loses it then. */
    private static final Duration LEASE = Duration.ofHours(1);

    /** What one run did: the interfaces whose day it wrote, those found written, the old files it removed. */
    record Run(LocalDate date, boolean claimed, List<String> written, List<String> already, int removed) {}

    private final JobLocks locks;
    private final DailyRuns runs;
    private final ReportQueries queries;
    private final DailyReportFiles files;
    private final InterfaceRegistry interfaces;
    private final Metrics metrics;
    private final ReportWebhook webhook;
    private final LocalTime at;
    private final int keepDays;
    private final Clock clock;
    private final AtomicInteger ticks = new AtomicInteger();
    /** The last day this engine saw written for every running interface: no database look until the next. */
    private volatile LocalDate done;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bridge-daily-report");
        t.setDaemon(true);
        return t;
    });

    private DailyReportJob(Settings settings, Database db, InterfaceRegistry interfaces, Metrics metrics) {
        // Its own owner, not only the process's: two engines in one JVM (the tests') are two instances too.
        this.locks = new JobLocks(
                db, JobLocks.INSTANCE + "/" + UUID.randomUUID().toString().substring(0, 4));
        this.runs = new DailyRuns(db);
        this.queries = new ReportQueries(db);
        this.files = new DailyReportFiles(folder(settings));
        this.interfaces = interfaces;
        this.metrics = metrics;
        this.at = time(settings.get("bridge.reports.daily-at"));
        this.keepDays = settings.getInt("bridge.reports.keep-days");
        int timeout = settings.getInt("bridge.reports.webhook-timeout-seconds");
        if (keepDays < 1 || timeout < 1) {
            throw new IllegalStateException(
                    "bridge.reports.keep-days and bridge.reports.webhook-timeout-seconds must be at least 1");
        }
        this.webhook = new ReportWebhook(
                backoff(settings.get("bridge.reports.webhook-backoff-ms")), Duration.ofSeconds(timeout));
        this.clock = Clock.systemDefaultZone();
    }

    /** bridge.reports.dir, else reports/ beside the embedded H2 database, else ./data/reports (as the admin password file). */
    static Path folder(Settings settings) {
        String configured = settings.get("bridge.reports.dir");
        if (!configured.isEmpty()) {
            return settings.path(configured);
        }
        return DatabaseUrl.of(settings.get("bridge.db.url"))
                .embeddedPath()
                .map(db -> (db.getParent() == null ? Path.of(".") : db.getParent()).resolve("reports"))
                .orElse(settings.path("data/reports"));
    }

    /** The job as the settings ask for it, scheduled; empty when bridge.reports.enabled is false. */
    static Optional<DailyReportJob> start(
            Settings settings, Database db, InterfaceRegistry interfaces, Metrics metrics) {
        if (!settings.getBoolean("bridge.reports.enabled")) {
            return Optional.empty();
        }
        int seconds = settings.getInt("bridge.reports.check-seconds");
        if (seconds < 1) {
            throw new IllegalStateException("bridge.reports.check-seconds must be at least 1");
        }
        DailyReportJob job = new DailyReportJob(settings, db, interfaces, metrics);
        job.timer.scheduleWithFixedDelay(job::scheduled, 0, seconds, TimeUnit.SECONDS);
        return Optional.of(job);
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    "bridge.reports.daily-at must be a time of day as HH:mm (06:00), was '" + text + "'");
        }
    }

    private static List<Duration> backoff(String text) {
        try {
            return Arrays.stream(text.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .map(s -> Duration.ofMillis(Long.parseLong(s)))
                    .toList();
        } catch (NumberFormatException e) {
            throw new IllegalStateException("bridge.reports.webhook-backoff-ms must be milliseconds separated by"
                    + " commas (1000,5000,30000), was '" + text + "'");
        }
    }

    /** The latest day whose report is due now: yesterday once the hour has come, else the day before. */
    LocalDate due() {
        return due(LocalDateTime.now(clock), at);
    }

    static LocalDate due(LocalDateTime now, LocalTime at) {
        return now.toLocalDate().minusDays(now.toLocalTime().isBefore(at) ? 2 : 1);
    }

    /** How many times the timer has looked (tests wait for a look after the fact). */
    int ticks() {
        return ticks.get();
    }

    private void scheduled() {
        try {
            LocalDate day = due();
            if (!day.equals(done)) {
                Run run = runFor(day);
                if (run.claimed()
                        && run.written().size() + run.already().size()
                                == interfaces.running().size()) {
                    done = day;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error(
                    "Daily report failed; the engine tries again at its next look: {}",
                    e.getClass().getSimpleName());
        } finally {
            ticks.incrementAndGet();
        }
    }

    /**
     * Writes the day's report of every running interface not written yet, removes those older than
     * keep-days, then posts the summaries written to their webhooks. Not claimed (and nothing done)
     * while another instance runs it.
     */
    Run runFor(LocalDate date) throws Exception {
        List<RunningInterface> running = interfaces.running();
        running.stream()
                .filter(i -> i.definition().reportWebhook() != null)
                .forEach(i -> metrics.reportWebhookFailures(i.id()));
        if (!locks.claim(JOB, LEASE)) {
            return new Run(date, false, List.of(), List.of(), 0);
        }
        List<String> written = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<ReportSummary> deliveries = new ArrayList<>();
        int removed;
        boolean finished = false;
        try {
            for (RunningInterface i : running) {
                if (runs.written(i.id(), date)) {
                    already.add(i.id());
                    continue;
                }
                try {
                    ReportSummary summary = write(i, date);
                    written.add(i.id());
                    if (i.definition().reportWebhook() != null) {
                        deliveries.add(summary);
                    }
                } catch (Exception e) {
                    LOG.error(
                            "Daily report of interface {} for {} not written; tried again at the next look: {}",
                            i.id(),
                            date,
                            e.getClass().getSimpleName());
                }
            }
            removed = removeOld();
            finished = true;
        } finally {
            locks.release(JOB, finished);
        }
        for (ReportSummary s : deliveries) {
            URI uri = interfaces
                    .find(s.interfaceId())
                    .map(r -> r.definition().reportWebhook())
                    .orElse(null);
            try {
                deliver(s, uri);
            } catch (java.sql.SQLException e) {
                LOG.error(
                        "Webhook result of interface {} not recorded: {}",
                        s.interfaceId(),
                        e.getClass().getSimpleName());
            }
        }
        return new Run(date, true, written, already, removed);
    }

    private ReportSummary write(RunningInterface i, LocalDate date) throws Exception {
        ReportPeriod day = ReportPeriod.day(date, clock.getZone());
        PeriodReport report = queries.report(i.id(), day.from(), day.to());
        String name = i.definition().name() == null ? i.id() : i.definition().name();
        files.write(i.id(), date, ReportDocument.html(report, name), ReportDocument.csv(report));
        runs.record(i.id(), date, locks.owner());
        LOG.info("Daily report of interface {} for {} written to {}", i.id(), date, files.dir());
        return ReportSummary.of(report, name, date);
    }

    private int removeOld() throws Exception {
        LocalDate oldest = LocalDate.now(clock).minusDays(keepDays);
        int removed = files.removeBefore(oldest).size();
        runs.forgetBefore(oldest);
        if (removed > 0) {
            LOG.info(
                    "Daily reports before {} removed: {} file(s) (bridge.reports.keep-days={})",
                    oldest,
                    removed,
                    keepDays);
        }
        return removed;
    }

    private void deliver(ReportSummary s, URI uri) throws java.sql.SQLException, InterruptedException {
        if (uri == null) {
            return; // the webhook was taken out since the files were written
        }
        ReportWebhook.Delivery d = webhook.post(s.interfaceId(), uri, s.json());
        runs.webhook(
                s.interfaceId(),
                LocalDate.parse(s.date()),
                d.ok() ? DailyRuns.OK : DailyRuns.FAILING,
                d.error(),
                d.attempts());
        if (!d.ok()) {
            metrics.reportWebhookFailures(s.interfaceId()).increment();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
