package com.webptbridge.maintenance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Long work off the request path: a bulk reprocess of a large backlog runs as a background job, one
 * at a time per interface, and the API answers at once with the job, whose progress an analyst (or
 * the CLI) reads until it is done. Jobs live in this engine's memory (the last 100 are kept).
 */
public final class Jobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
    private static final int KEPT = 100;

    /** A job as the API shows it: how far it got, and how the messages it finished ended. */
    public record Job(
            String id,
            String what,
            int total,
            int done,
            String status,
            Instant started,
            Instant finished,
            List<Reprocessor.Outcome> outcomes) {}

    /** One step of a job's work, on one message. */
    @FunctionalInterface
    public interface Step {
        Optional<Reprocessor.Outcome> run(long id) throws Exception;
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bridge-jobs");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            return size() > KEPT;
        }
    });

    /** Starts work on every id in order and returns the job at once. */
    public Job start(String what, List<Long> ids, Step step) {
        String id = UUID.randomUUID().toString();
        Job job = new Job(id, what, ids.size(), 0, "RUNNING", Instant.now(), null, List.of());
        jobs.put(id, job);
        worker.submit(() -> {
            List<Reprocessor.Outcome> outcomes = new ArrayList<>();
            String status = "DONE";
            int done = 0;
            for (long message : ids) {
                try {
                    step.run(message).ifPresent(outcomes::add);
                } catch (Exception e) {
                    LOG.error(
                            "job={} stopped at journal={}: {}",
                            id,
                            message,
                            e.getClass().getSimpleName());
                    status = "FAILED";
                    break;
                }
                done++;
                jobs.put(id, new Job(id, what, ids.size(), done, "RUNNING", job.started(), null, List.of()));
            }
            jobs.put(id, new Job(id, what, ids.size(), done, status, job.started(), Instant.now(), outcomes));
            LOG.info("job={} {}: {} of {} message(s)", id, status, done, ids.size());
        });
        return job;
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
