package com.webptbridge.files;

import com.webptbridge.inbound.LocalIntake;
import com.webptbridge.store.billing.PatientStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One interface's patient loads: started from a file, each runs on its own thread while the API
 * and the command line watch its progress; the last few stay to be looked at. Closing stops the
 * running ones after the messages in hand (the engine is stopping).
 */
public final class PatientLoads implements AutoCloseable {

    /** How many messages one load has in the flow at once: enough for the batch writer to share commits. */
    public static final int LANES = 4;

    private static final int KEPT = 20;
    private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis() % 100000 * 100);

    private final String interfaceId;
    private final LocalIntake intake;
    private final PatientStore patients;
    private final String sendingFacility;
    private final String receivingFacility;
    private final Map<String, PatientLoad> loads = new LinkedHashMap<>();
    private final Map<String, Thread> threads = new LinkedHashMap<>();

    /**
     * @param sendingFacility MSH-4 of the messages made from CSV rows: the interface's match, so they are its own
     */
    public PatientLoads(
            String interfaceId,
            LocalIntake intake,
            PatientStore patients,
            String sendingFacility,
            String receivingFacility) {
        this.interfaceId = interfaceId;
        this.intake = intake;
        this.patients = patients;
        this.sendingFacility = sendingFacility;
        this.receivingFacility = receivingFacility;
    }

    /**
     * Reads the file and starts loading it.
     *
     * @throws IllegalArgumentException when the file is neither HL7 nor a CSV with a patient ID column
     */
    public PatientLoad start(String name, byte[] file) {
        // Read outside the lock: a large CSV takes a while, and the other loads' progress is asked meanwhile.
        LoadFile read = LoadFile.read(name, file, sendingFacility, receivingFacility);
        String id = "load-" + NEXT.incrementAndGet();
        PatientLoad load = new PatientLoad(id, interfaceId, read, intake, patients, LANES);
        Thread t = new Thread(load::run, "patient-load-" + id);
        t.setDaemon(true);
        synchronized (this) {
            loads.put(id, load);
            threads.put(id, t);
            while (loads.size() > KEPT) {
                String oldest = loads.keySet().iterator().next();
                loads.remove(oldest);
                threads.remove(oldest);
            }
            t.start();
        }
        return load;
    }

    /** Loads a file to its end on the calling thread (the benchmark and tests that want no polling). */
    public PatientLoad.Progress loadNow(String name, byte[] file) throws InterruptedException {
        PatientLoad load = start(name, file);
        Thread t;
        synchronized (this) {
            t = threads.get(load.id());
        }
        t.join();
        return load.progress();
    }

    public synchronized Optional<PatientLoad> find(String id) {
        return Optional.ofNullable(loads.get(id));
    }

    /** Newest first. */
    public synchronized List<PatientLoad.Progress> list() {
        List<PatientLoad.Progress> all = new ArrayList<>();
        loads.values().forEach(l -> all.add(0, l.progress()));
        return all;
    }

    @Override
    public void close() {
        List<Thread> running;
        synchronized (this) {
            loads.values().forEach(PatientLoad::stop);
            running = List.copyOf(threads.values());
        }
        for (Thread t : running) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
