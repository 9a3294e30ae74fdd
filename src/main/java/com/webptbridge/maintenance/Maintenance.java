package com.webptbridge.maintenance;

import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.billing.WaitingKind;
import com.webptbridge.hl7.ReferenceSentences;
import com.webptbridge.hl7.Sentence;
import com.webptbridge.reference.ImportFile;
import com.webptbridge.reference.ImportPreview;
import com.webptbridge.reference.ReferenceException;
import com.webptbridge.reference.ReferenceImport;
import com.webptbridge.reference.ReferenceMaintenance;
import com.webptbridge.store.journal.ReprocessFilter;
import com.webptbridge.store.journal.Worklist;

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
    private final Jobs jobs = new Jobs();

    public Maintenance(
            ReferenceMaintenance references, Reprocessor reprocessor, Worklist worklist, boolean autoReprocess) {
        this.references = references;
        this.reprocessor = reprocessor;
        this.worklist = worklist;
        this.autoReprocess = autoReprocess;
    }

    /** A reference change and the waiting messages it let through. */
    public record Change(Map<String, Object> record, String instructions, List<Reprocessor.Outcome> reprocessed) {}

    /** A worklist line: what is missing, what to do about it, and the messages waiting. */
    public record WorklistLine(
            String waitingFor,
            String action,
            String kind,
            String key,
            int hl7Code,
            String detail,
            int messages,
            int patients,
            Instant oldest,
            List<Long> journalIds,
            List<String> controlIds,
            List<String> patientIds) {}

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

    /**
     * What an import of a billing system's export did (or, previewed, would do), and the waiting
     * messages the records it added or changed let through.
     */
    public record Imported(boolean applied, ImportPreview preview, List<Reprocessor.Outcome> reprocessed) {}

    /**
     * Previews or applies an export; applied, each record it adds or changes releases what is waiting
     * for it exactly as an analyst's add or change does.
     */
    public Imported importFile(ImportFile file, boolean dryRun, String operator) throws SQLException {
        if (dryRun) {
            return new Imported(false, references.imports().preview(file), List.of());
        }
        ReferenceImport.Applied applied = references.imports().apply(file, operator);
        List<Reprocessor.Outcome> reprocessed = new ArrayList<>();
        for (Map<String, Object> record : applied.touched()) {
            if (Boolean.TRUE.equals(record.get("active"))) {
                reprocessed.addAll(reprocessWaiting(file.kind(), record));
            }
        }
        return new Imported(true, applied.preview(), reprocessed);
    }

    public ReferenceMaintenance references() {
        return references;
    }

    public Reprocessor reprocessor() {
        return reprocessor;
    }

    /** This interface's background jobs (large bulk reprocesses). */
    public Jobs jobs() {
        return jobs;
    }

    /** Reprocesses what this record releases: messages waiting for it (and, for a provider, NPI mismatches). */
    private List<Reprocessor.Outcome> reprocessWaiting(ReferenceKind kind, Map<String, Object> record)
            throws SQLException {
        if (!autoReprocess) {
            return List.of();
        }
        List<Reprocessor.Outcome> outcomes = new ArrayList<>();
        String key = kind.waitingKey(record);
        for (WaitingKind waiting : kind.releases()) {
            outcomes.addAll(reprocessor.reprocess(ReprocessFilter.waitingFor(waiting.code(), key)));
        }
        return outcomes;
    }

    public List<WorklistLine> worklist() throws SQLException {
        List<WorklistLine> lines = new ArrayList<>();
        for (Worklist.Group g : worklist.groups()) {
            String key = g.waitingKey();
            String title;
            String action;
            if (g.waitingKind() == null) {
                title = Reprocessor.title(g.hl7Code(), g.reason(), g.location());
                action = g.reason().equals("INTERNAL_ERROR")
                        ? Sentence.REPORT_INTERNAL_ERROR.format()
                        : Sentence.CORRECT_AND_RESEND.format();
            } else {
                WaitingKind kind = WaitingKind.parse(g.waitingKind());
                title = ReferenceSentences.title(kind, key, g.location());
                action = action(kind, key);
            }
            lines.add(new WorklistLine(
                    title,
                    action,
                    g.waitingKind(),
                    key,
                    g.hl7Code(),
                    g.detail(),
                    g.messages(),
                    g.patients(),
                    g.oldest(),
                    g.journalIds(),
                    g.controlIds(),
                    g.patientIds()));
        }
        return lines;
    }

    /**
     * What to do for messages waiting for {@code key}, said from the record as it is now: an
     * inactive record is reactivated, not added again; an NPI mismatch names the billing record's NPI.
     */
    private String action(WaitingKind waiting, String key) throws SQLException {
        ReferenceKind kind = waiting.releasedBy();
        Map<String, Object> record = null;
        for (Map<String, Object> r : references.list(kind, null)) {
            if (kind.waitingKey(r).equalsIgnoreCase(key)) {
                record = r;
                break;
            }
        }
        if (record == null) {
            return ReferenceSentences.add(waiting, key);
        }
        String recordKey = String.valueOf(record.get(kind.addressedByCode() ? "code" : "sequenceNumber"));
        if (!Boolean.TRUE.equals(record.get("active"))) {
            return ReferenceSentences.reactivate(kind, recordKey);
        }
        if (waiting == WaitingKind.NPI_MISMATCH) {
            return Sentence.CORRECT_NPI_OF.format(key, record.get("npi"));
        }
        return ReferenceSentences.add(waiting, key);
    }
}
