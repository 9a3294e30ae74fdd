package com.webptbridge.files;

import ca.uhn.hl7v2.AcknowledgmentCode;
import com.webptbridge.hl7.Problem;
import com.webptbridge.inbound.InFlight;
import com.webptbridge.inbound.LocalIntake;
import com.webptbridge.store.billing.PatientRecord;
import com.webptbridge.store.billing.PatientStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of the initial patient load: every message of the file through the interface's flow
 * ({@link LocalIntake}), journal first, so a second run or the rest of a stopped one is answered
 * from the journal and doubles nothing. Messages go through a few lanes at once, so the database's
 * batch writer can share a commit among them; the messages of one patient share a lane and keep
 * the file's order. Each ends created, updated, unchanged (its Patient Info was already so, e.g. a
 * resend) or rejected (AE/AR, with the ACK's sentences for the rejects file).
 */
public final class PatientLoad {

    private static final Logger LOG = LoggerFactory.getLogger(PatientLoad.class);

    /** Where a load is. */
    public enum State {
        RUNNING,
        DONE,
        STOPPED,
        FAILED
    }

    /** What a load has done so far, for the API, the console and the command's progress bar. */
    public record Progress(
            String id,
            String interfaceId,
            String name,
            String format,
            State state,
            int total,
            int done,
            int created,
            int updated,
            int unchanged,
            int rejected,
            double perSecond,
            Instant startedAt,
            Instant finishedAt,
            String problem,
            List<String> rejects) {}

    private final String id;
    private final String interfaceId;
    private final String name;
    private final String format;
    private final List<LoadItem> items;
    private final LocalIntake intake;
    private final PatientStore patients;
    private final int lanes;
    private final String[] rejects;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger updated = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final Instant startedAt = Instant.now();
    private volatile State state = State.RUNNING;
    private volatile boolean stopping;
    private volatile String problem;
    private volatile Instant finishedAt;

    PatientLoad(String id, String interfaceId, LoadFile file, LocalIntake intake, PatientStore patients, int lanes) {
        this.id = id;
        this.interfaceId = interfaceId;
        this.name = file.name();
        this.format = file.format();
        this.items = file.items();
        this.intake = intake;
        this.patients = patients;
        this.lanes = Math.max(1, lanes);
        this.rejects = new String[items.size()];
    }

    public String id() {
        return id;
    }

    /** Runs the load to its end on the calling thread. */
    void run() {
        LOG.info("Patient load {} on interface {}: {} messages ({})", id, interfaceId, items.size(), format);
        List<ExecutorService> lane = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            lane.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "patient-load-" + id);
                t.setDaemon(true);
                return t;
            }));
        }
        try {
            for (int i = 0; i < items.size(); i++) {
                int index = i;
                LoadItem item = items.get(i);
                lane.get(Math.floorMod(item.patientKey().hashCode(), lanes)).execute(() -> load(index, item));
            }
        } finally {
            for (ExecutorService l : lane) {
                l.shutdown();
            }
            for (ExecutorService l : lane) {
                try {
                    while (!l.awaitTermination(1, TimeUnit.SECONDS)) {
                        // the lane is still working through its messages
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping = true;
                }
            }
        }
        finishedAt = Instant.now();
        state = problem != null ? State.FAILED : stopping && done.get() < items.size() ? State.STOPPED : State.DONE;
        LOG.info(
                "Patient load {} on interface {} {}: {} of {} done, {} created, {} updated, {} unchanged, {} rejected",
                id,
                interfaceId,
                state,
                done.get(),
                items.size(),
                created.get(),
                updated.get(),
                unchanged.get(),
                rejected.get());
    }

    /** Asks the load to stop after the messages in hand; what is left is loaded by the next run. */
    public void stop() {
        stopping = true;
    }

    private void load(int index, LoadItem item) {
        if (stopping || problem != null) {
            return;
        }
        try {
            Map<String, Optional<PatientRecord>> before = new HashMap<>();
            for (String key : Pid3.ids(item.message())) {
                before.put(key, patients.find(key));
            }
            InFlight m = intake.submit(item.message(), "load:" + name);
            count(index, item, m, before);
        } catch (Exception e) {
            if (problem == null) {
                problem = "the engine could not take the message ("
                        + e.getClass().getSimpleName() + "); run the load again to finish it";
            }
            stopping = true;
        }
    }

    private void count(int index, LoadItem item, InFlight m, Map<String, Optional<PatientRecord>> before)
            throws java.sql.SQLException {
        AcknowledgmentCode code =
                m.reply() == null ? AcknowledgmentCode.AR : m.reply().code();
        if (code != AcknowledgmentCode.AA && code != AcknowledgmentCode.CA) {
            rejected.incrementAndGet();
            rejects[index] = reject(item, m, code);
        } else {
            Optional<PatientRecord> after = m.patientId() == null ? Optional.empty() : patients.find(m.patientId());
            Optional<PatientRecord> was = before.getOrDefault(m.patientId(), null);
            if (was == null) { // the file named the patient elsewhere than PID-3's IDs
                was = after;
            }
            if (was.isEmpty() && after.isPresent()) {
                created.incrementAndGet();
            } else if (was.isPresent()
                    && after.isPresent()
                    && !was.get().values().equals(after.get().values())) {
                updated.incrementAndGet();
            } else {
                unchanged.incrementAndGet();
            }
        }
        done.incrementAndGet();
    }

    /** A line of the rejects file: where in the file, its control ID, and what to fix, in the ACK's words. */
    private static String reject(LoadItem item, InFlight m, AcknowledgmentCode code) {
        String control = m.header() == null ? "" : m.header().controlId();
        StringBuilder line = new StringBuilder(item.where())
                .append(", control ID ")
                .append(control.isEmpty() ? "(none)" : control)
                .append(": ")
                .append(code.name());
        List<Problem> problems = m.reply() == null ? List.of() : m.reply().problems();
        if (problems.isEmpty()) {
            line.append(" (no reason given)");
        }
        for (Problem p : problems) {
            line.append(" | ").append(p.location().display()).append(": ").append(p.sentence());
        }
        return line.toString();
    }

    public Progress progress() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
        List<String> lines = new ArrayList<>();
        for (String r : rejects) {
            if (r != null) {
                lines.add(r);
            }
        }
        return new Progress(
                id,
                interfaceId,
                name,
                format,
                state,
                items.size(),
                done.get(),
                created.get(),
                updated.get(),
                unchanged.get(),
                rejected.get(),
                Math.round(done.get() / seconds * 10) / 10.0,
                startedAt,
                finishedAt,
                problem,
                lines);
    }
}
