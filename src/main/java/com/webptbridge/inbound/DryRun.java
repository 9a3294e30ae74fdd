package com.webptbridge.inbound;

import ca.uhn.hl7v2.AcknowledgmentCode;
import com.webptbridge.billing.PatientField;
import com.webptbridge.hl7.AckBuilder;
import com.webptbridge.hl7.InboundMessage;
import com.webptbridge.hl7.NakReason;
import com.webptbridge.hl7.Problem;
import com.webptbridge.hl7.Sentence;
import com.webptbridge.mapping.MappingProfile;
import com.webptbridge.store.Database;
import com.webptbridge.store.PatientRecord;
import com.webptbridge.store.PatientStore;

import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * "Try a message": one message through the interface's own steps (header check, parse, mapping,
 * reference resolution) without journaling it, and its change applied inside a transaction that is
 * rolled back, so the answer says exactly what the message would do (its ACK, the Patient Info fields
 * before and after, the notes of the insurance and encounter changes) and nothing is stored.
 */
public final class DryRun {

    /** Stands for the journal id the message does not get: newer than anything stored. */
    private static final long NOT_JOURNALED = Long.MAX_VALUE;

    /** The mapping steps for a profile (the interface's own, or an edited one being tried). */
    public record Steps(PatientInfoStep patientInfo, EncounterStep encounter) {}

    /** One ERR of the ACK the message would get. */
    public record Error(int code, String reason, String location, String text) {}

    /** One Patient Info field the message would change. */
    public record FieldChange(String field, Object before, Object after) {}

    /** What the message would do. {@code status}: PROCESSED, ERROR (kept, waits), REJECTED or DUPLICATE. */
    public record Result(
            String status,
            String ackCode,
            String ack,
            List<Error> errors,
            String patientId,
            boolean patientIsNew,
            List<FieldChange> patientChanges,
            List<String> notes) {}

    private final HeaderCheck header;
    private final Parse parse;
    private final Database db;
    private final PatientStore patients;
    private final AckBuilder acks;
    private final Steps steps;
    private final Function<MappingProfile, Steps> withProfile;
    private final Charset defaultCharset;
    private final AckMode ackMode;

    public DryRun(
            HeaderCheck header,
            Parse parse,
            Database db,
            PatientStore patients,
            AckBuilder acks,
            Steps steps,
            Function<MappingProfile, Steps> withProfile,
            Charset defaultCharset,
            AckMode ackMode) {
        this.header = header;
        this.parse = parse;
        this.db = db;
        this.patients = patients;
        this.acks = acks;
        this.steps = steps;
        this.withProfile = withProfile;
        this.defaultCharset = defaultCharset;
        this.ackMode = ackMode;
    }

    /** What {@code bytes} would do; {@code profile} null for the interface's own mapping profile. */
    public Result run(byte[] bytes, MappingProfile profile) throws SQLException, InterruptedException {
        Steps use = profile == null ? steps : withProfile.apply(profile);
        InboundMessage message = InboundMessage.read(bytes, defaultCharset);
        InFlight m = new InFlight(NOT_JOURNALED, message, null, ackMode);
        header.check(m);
        if (m.isOpen()) {
            parse.parse(m);
        }
        if (m.isOpen()) {
            String event = m.getEvent();
            if (List.of("ADT^A04", "ADT^A08", "ADT^A28", "ADT^A31").contains(event)) {
                use.patientInfo().map(m);
            } else if (event.equals("DFT^P03")) {
                use.encounter().map(m);
            }
        }
        if (m.duplicateOf != null) {
            return new Result(
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
        List<String> notes = new ArrayList<>(m.notes);
        List<FieldChange> changes = new ArrayList<>();
        boolean isNew = false;
        if (m.problems.isEmpty() && m.change == null) {
            m.problems.add(Sentence.NO_STEP_FOR_EVENT.problem(m.getEvent()));
        }
        if (m.problems.isEmpty()) {
            try (Connection c = db.connection()) {
                c.setAutoCommit(false);
                try {
                    Optional<PatientRecord> before = patients.find(c, m.patientId);
                    notes.addAll(m.change.apply(c));
                    Optional<PatientRecord> after = patients.find(c, m.patientId);
                    isNew = before.isEmpty();
                    for (PatientField f : PatientField.values()) {
                        Object was = before.map(r -> r.get(f)).orElse(null);
                        Object now = after.map(r -> r.get(f)).orElse(null);
                        if (!Objects.equals(text(was), text(now))) {
                            changes.add(new FieldChange(f.profileName(), text(was), text(now)));
                        }
                    }
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        }
        AcknowledgmentCode code = NakReason.worstOf(m.problems);
        String ack = acks.build(m.header(), code, m.problems, "DRYRUN");
        List<Error> errors = m.problems.stream().map(DryRun::error).toList();
        String status =
                code == AcknowledgmentCode.AA ? "PROCESSED" : code == AcknowledgmentCode.AR ? "REJECTED" : "ERROR";
        return new Result(status, code.name(), ack, errors, m.patientId, isNew, changes, notes);
    }

    private static Error error(Problem p) {
        return new Error(p.reason().hl7Code(), p.reason().name(), p.location().display(), p.sentence());
    }

    private static String text(Object v) {
        return v == null ? null : String.valueOf(v);
    }
}
