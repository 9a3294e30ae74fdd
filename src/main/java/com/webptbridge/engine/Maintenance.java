package com.webptbridge.engine;

import com.webptbridge.reference.ReferenceException;
import com.webptbridge.reference.ReferenceKind;
import com.webptbridge.reference.ReferenceMaintenance;
import com.webptbridge.store.ReprocessFilter;
import com.webptbridge.store.Worklist;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The analyst's maintenance loop: change reference data, see what messages wait for, reprocess.
 * With auto-reprocess on (the default), adding or reactivating a reference reprocesses the messages
 * waiting for it at once, oldest first, so the analyst does not have to ask WebPT to resend.
 */
public final class Maintenance {

    private final ReferenceMaintenance references;
    private final Reprocessor reprocessor;
    private final Worklist worklist;
    private final boolean autoReprocess;

    Maintenance(ReferenceMaintenance references, Reprocessor reprocessor, Worklist worklist, boolean autoReprocess) {
        this.references = references;
        this.reprocessor = reprocessor;
        this.worklist = worklist;
        this.autoReprocess = autoReprocess;
    }

    /** A reference change and the waiting messages it let through. */
    public record Change(Map<String, Object> record, String instructions, List<Reprocessor.Outcome> reprocessed) {
    }

    /** A worklist line: what is missing, what to do about it, and the messages waiting. */
    public record WorklistLine(String waitingFor, String action, String kind, String key, int hl7Code, int messages,
                               int patients, Instant oldest, List<Long> journalIds) {
    }

    public Change create(ReferenceKind kind, Map<String, Object> body, String operator)
            throws ReferenceException, SQLException {
        ReferenceMaintenance.Created created = references.create(kind, body, operator);
        return new Change(created.record(), created.instructions(), reprocessWaiting(kind, created.record()));
    }

    public Change update(ReferenceKind kind, String key, Map<String, Object> body, String operator)
            throws ReferenceException, SQLException {
        Map<String, Object> record = references.update(kind, key, body, operator);
        boolean active = Boolean.TRUE.equals(record.get("active"));
        return new Change(record, null, active ? reprocessWaiting(kind, record) : List.of());
    }

    public ReferenceMaintenance references() {
        return references;
    }

    public Reprocessor reprocessor() {
        return reprocessor;
    }

    private List<Reprocessor.Outcome> reprocessWaiting(ReferenceKind kind, Map<String, Object> record) throws SQLException {
        if (!autoReprocess) {
            return List.of();
        }
        List<Reprocessor.Outcome> outcomes = new ArrayList<>();
        String seq = String.valueOf(record.get("sequenceNumber"));
        switch (kind) {
            case PAYER -> outcomes.addAll(reprocessor.reprocess(ReprocessFilter.waitingFor(WaitingKinds.PAYER, seq)));
            case FACILITY -> outcomes.addAll(reprocessor.reprocess(ReprocessFilter.waitingFor(WaitingKinds.FACILITY, seq)));
            case PROVIDER -> {
                outcomes.addAll(reprocessor.reprocess(ReprocessFilter.waitingFor(WaitingKinds.PROVIDER, seq)));
                outcomes.addAll(reprocessor.reprocess(ReprocessFilter.waitingFor(WaitingKinds.NPI_MISMATCH, seq)));
            }
            case REFERRING_PROVIDER -> outcomes.addAll(reprocessor.reprocess(
                    ReprocessFilter.waitingFor(WaitingKinds.REFERRING_PROVIDER, String.valueOf(record.get("npi")))));
            case PROCEDURE_CODE -> outcomes.addAll(reprocessor.reprocess(
                    ReprocessFilter.waitingFor(WaitingKinds.PROCEDURE_CODE, String.valueOf(record.get("code")))));
        }
        return outcomes;
    }

    public List<WorklistLine> worklist() throws SQLException {
        List<WorklistLine> lines = new ArrayList<>();
        for (Worklist.Group g : worklist.groups()) {
            String at = g.location() == null || g.location().isEmpty() ? "" : " (" + g.location() + ")";
            String key = g.waitingKey();
            String[] text = g.waitingKind() == null
                    ? new String[] {g.reason().replace('_', ' ').toLowerCase() + " (" + g.hl7Code() + ")" + at,
                        "Correct the data in WebPT and resend, or reprocess once fixed."}
                    : switch (g.waitingKind()) {
                        case WaitingKinds.PAYER -> new String[] {"Payer Alternate ID " + key + at,
                            "Add the payer in the billing system (or import it under Sequence Number " + key + ")."};
                        case WaitingKinds.FACILITY -> new String[] {"Facility Alternate ID " + key + at,
                            "Add the facility in the billing system (or import it under Sequence Number " + key + ")."};
                        case WaitingKinds.PROVIDER -> new String[] {"Rendering provider Alternate ID " + key + at,
                            "Add the provider with WebPT's NPI (or import it under Sequence Number " + key + ")."};
                        case WaitingKinds.NPI_MISMATCH -> new String[] {"NPI mismatch for rendering provider " + key + at,
                            "Make the provider's NPI the same in WebPT and in the billing system."};
                        case WaitingKinds.REFERRING_PROVIDER -> new String[] {"Referring provider NPI " + key + at,
                            "Add the referring provider with this NPI."};
                        case WaitingKinds.PROCEDURE_CODE -> new String[] {"Procedure code " + key + at,
                            "Add the CPT/HCPCS code in the billing system."};
                        default -> new String[] {g.waitingKind() + " " + key + at, "Add it in the billing system."};
                    };
            lines.add(new WorklistLine(text[0], text[1], g.waitingKind(), key, g.hl7Code(), g.messages(), g.patients(),
                    g.oldest(), g.journalIds()));
        }
        return lines;
    }
}
