package com.webptbridge.inbound;

import ca.uhn.hl7v2.AcknowledgmentCode;
import com.webptbridge.billing.PatientField;
import com.webptbridge.hl7.AckBuilder;
import com.webptbridge.hl7.NakReason;
import com.webptbridge.hl7.Problem;
import com.webptbridge.store.Database;
import com.webptbridge.store.billing.PatientRecord;
import com.webptbridge.store.billing.PatientStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The commit step in {@link CommitMode#PREVIEW}: what the message would do, with nothing journaled.
 * Its change is applied inside a transaction that is rolled back, so the answer shows the Patient
 * Info fields before and after and the notes of the insurance and encounter changes exactly as a
 * live commit would make them, and nothing is stored.
 */
final class Preview {

    /** MSH-10 of the ACK a dry run shows: it has no journal entry to number it after. */
    static final String ACK_CONTROL_ID = "DRYRUN";

    private final Database db;
    private final PatientStore patients;
    private final AckBuilder acks;

    Preview(Database db, PatientStore patients, AckBuilder acks) {
        this.db = db;
        this.patients = patients;
        this.acks = acks;
    }

    /** The outcome of a message the route's steps have decided or mapped. */
    DryRun.Result decide(InFlight m) throws SQLException {
        if (m.duplicateOf != null) {
            return new DryRun.Result(
                    "DUPLICATE",
                    m.duplicateOf.ackCode(),
                    m.duplicateOf.ackMessage(),
                    List.of(),
                    m.duplicateOf.patientId(),
                    false,
                    List.of(),
                    List.of("A resend of journal entry " + m.duplicateOf.id()
                            + " (same sender, control ID and content): it would not be applied again and would get"
                            + " that entry's ACK."));
        }
        if (!m.problems.isEmpty()) {
            return answer(m, m.problems, List.of(), false, m.notes);
        }
        if (m.change == null) {
            throw new IllegalStateException("No route step mapped " + LogSafe.type(m.header())); // AE 207 by the route
        }
        List<String> notes = new ArrayList<>(m.notes);
        List<DryRun.FieldChange> changes = new ArrayList<>();
        Optional<PatientRecord> before;
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                before = patients.in(m.sandbox).find(c, m.patientId);
                try {
                    notes.addAll(m.change.apply(c));
                } catch (SQLException e) {
                    Problem refused = m.change.refused(e);
                    if (refused == null) {
                        throw e;
                    }
                    return answer(m, List.of(refused), List.of(), false, m.notes); // the live run's answer
                }
                Optional<PatientRecord> after = patients.in(m.sandbox).find(c, m.patientId);
                for (PatientField f : PatientField.values()) {
                    String was = text(before.map(r -> r.get(f)).orElse(null));
                    String now = text(after.map(r -> r.get(f)).orElse(null));
                    if (!Objects.equals(was, now)) {
                        changes.add(new DryRun.FieldChange(f.profileName(), was, now));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        return answer(m, m.warnings(), changes, before.isEmpty(), notes); // AA with the claim-readiness warnings
    }

    /** The outcome of a message whose processing failed with {@code problems}. */
    DryRun.Result answer(
            InFlight m, List<Problem> problems, List<DryRun.FieldChange> changes, boolean isNew, List<String> notes) {
        AcknowledgmentCode code = NakReason.worstOf(problems);
        String ack = acks.build(m.header(), code, problems, ACK_CONTROL_ID);
        String status =
                code == AcknowledgmentCode.AA ? "PROCESSED" : code == AcknowledgmentCode.AR ? "REJECTED" : "ERROR";
        List<DryRun.Error> errors = problems.stream().map(Preview::error).toList();
        return new DryRun.Result(status, code.name(), ack, errors, m.patientId, isNew, changes, List.copyOf(notes));
    }

    private static DryRun.Error error(Problem p) {
        return new DryRun.Error(
                p.reason().hl7Code(), p.reason().name(), p.location().display(), p.sentence());
    }

    private static String text(Object v) {
        return v == null ? null : String.valueOf(v);
    }
}
