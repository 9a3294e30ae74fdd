package com.webptbridge.golive;

import com.webptbridge.store.Database;
import com.webptbridge.store.billing.PatientStore;
import com.webptbridge.store.journal.Journal;
import com.webptbridge.store.lifecycle.InterfaceState;
import com.webptbridge.store.lifecycle.InterfaceStates;
import com.webptbridge.store.lifecycle.TestTraffic;
import com.webptbridge.store.security.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One interface's lifecycle as an admin changes it: its state and history, the changes (each
 * audited), the readiness report, and its test sandbox's patients. Going live (from setup or
 * testing, or from disabled when it never was live) is refused while the report FAILs, unless
 * forced; a forced go-live is recorded as forced, with what it overruled.
 */
public final class GoLive {

    private static final Logger LOG = LoggerFactory.getLogger(GoLive.class);

    /** Going live was refused: the report says why. */
    public static final class Refused extends Exception {
        private final transient ReadinessReport report;

        Refused(ReadinessReport report) {
            super("Interface " + report.interfaceId() + " is not ready to go live: "
                    + report.failures().stream()
                            .map(i -> i.check() + " (" + i.reason() + ")")
                            .collect(Collectors.joining("; "))
                    + ". Fix these, or go live anyway with --force (recorded as forced).");
            this.report = report;
        }

        public ReadinessReport report() {
            return report;
        }
    }

    private final String interfaceId;
    private final InterfaceStates states;
    private final TestTraffic traffic;
    private final Journal journal;
    private final Accounts accounts;
    private final PatientStore patients;
    private final boolean tls;

    /**
     * @param patients the interface's live patients (the sandbox's are theirs {@link PatientStore#in} it)
     * @param tls whether the MLLP listener takes TLS only
     */
    public GoLive(
            String interfaceId,
            Database db,
            InterfaceStates states,
            Journal journal,
            PatientStore patients,
            boolean tls) {
        this.interfaceId = interfaceId;
        this.states = states;
        this.traffic = new TestTraffic(db, interfaceId);
        this.journal = journal;
        this.accounts = new Accounts(db);
        this.patients = patients;
        this.tls = tls;
    }

    public InterfaceState state() throws SQLException {
        return states.find(interfaceId).map(InterfaceStates.Current::state).orElse(InterfaceState.SETUP);
    }

    public InterfaceStates.Current current() throws SQLException {
        return states.find(interfaceId)
                .orElseThrow(() -> new IllegalStateException("Interface " + interfaceId + " has no lifecycle state"));
    }

    public List<InterfaceStates.StateChange> history() throws SQLException {
        return states.history(interfaceId);
    }

    /**
     * Moves the interface to {@code to}. Into live from any other state the readiness report is
     * read first: a FAIL refuses the change unless {@code force}.
     */
    public InterfaceStates.StateChange change(InterfaceState to, String by, boolean force, String note)
            throws SQLException, Refused {
        String said = note;
        boolean forced = false;
        if (to == InterfaceState.LIVE && needsReadiness()) {
            ReadinessReport report = readiness();
            if (!report.failures().isEmpty()) {
                if (!force) {
                    throw new Refused(report);
                }
                forced = true;
                said = join(
                        note,
                        "forced past: "
                                + report.failures().stream()
                                        .map(i -> i.check() + " (" + i.reason() + ")")
                                        .collect(Collectors.joining("; ")));
            }
        }
        InterfaceStates.StateChange done = states.change(interfaceId, to, by, forced, said);
        logged(done);
        return done;
    }

    private static void logged(InterfaceStates.StateChange c) {
        LOG.info(
                "interface={} lifecycle {} -> {} by {}{}",
                c.interfaceId(),
                c.from() == null ? "-" : c.from().word(),
                c.to().word(),
                c.changedBy(),
                c.forced() ? " (forced)" : "");
    }

    /**
     * Whether going live now is a go-live the readiness report guards: from setup or testing
     * always; from disabled only for an interface that was never live (taking a live interface
     * back after a pause is no new go-live).
     */
    private boolean needsReadiness() throws SQLException {
        InterfaceState now = state();
        if (now == InterfaceState.LIVE) {
            return false;
        }
        return now != InterfaceState.DISABLED || history().stream().noneMatch(c -> c.to() == InterfaceState.LIVE);
    }

    /** Clears the test sandbox and starts the test phase again. */
    public InterfaceStates.StateChange resetTest(String by) throws SQLException {
        InterfaceStates.StateChange done = states.resetTest(interfaceId, by);
        logged(done);
        return done;
    }

    public ReadinessReport readiness() throws SQLException {
        int analysts = 0;
        for (Accounts.Listed a : accounts.list()) {
            if (a.role().equals("analyst") && seesThis(a.interfaces())) {
                analysts++;
            }
        }
        return ReadinessReport.of(
                interfaceId,
                state(),
                new ReadinessReport.Facts(
                        traffic.activeRecords(),
                        traffic.unresolved(),
                        traffic.lastAckCodes(ReadinessReport.LAST_MESSAGES),
                        traffic.messagesByType(),
                        tls,
                        analysts,
                        journal.waiting().messages()));
    }

    /** The patients of the test sandbox. */
    public PatientStore sandboxPatients() {
        return patients.in(true);
    }

    private boolean seesThis(String interfaces) {
        return interfaces == null
                || Arrays.stream(interfaces.split(",")).map(String::trim).anyMatch(interfaceId::equals);
    }

    private static String join(String note, String more) {
        return note == null || note.isBlank() ? more : note + "; " + more;
    }
}
