package com.webptbridge.reference;

import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;
import com.webptbridge.store.reference.ReferenceRecords;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies a billing system's export of one kind ({@link ImportFile}) to one interface's records: the
 * preview is worked out again inside one transaction, against the records as they are then, and
 * everything it adds or changes commits together, each record with its own audit row and the import
 * with one more (who, when, which file, the counts). Refused and unchanged rows change nothing, so a
 * second run of the same file changes nothing.
 */
public final class ReferenceImport {

    private final Database db;
    private final ReferenceRecords records;

    ReferenceImport(Database db, ReferenceRecords records) {
        this.db = db;
        this.records = records;
    }

    /** What the import did, and the records it added or changed as they are now (for the release of waiting messages). */
    public record Applied(ImportPreview preview, List<Map<String, Object>> touched) {}

    /** What applying {@code file} would do now; nothing is stored. */
    public ImportPreview preview(ImportFile file) throws SQLException {
        try (Connection c = db.connection()) {
            return ImportPreview.of(file, existing(c, file.kind()));
        }
    }

    public Applied apply(ImportFile file, String operator) throws SQLException {
        ReferenceKind kind = file.kind();
        List<Object> keys = new ArrayList<>();
        // An analyst adding a record meanwhile may take a number this import chose: then work it out again.
        ImportPreview done = Sql.retryOnUniqueViolation(
                3,
                () -> db.inTransaction(c -> {
                    keys.clear(); // a retried transaction starts over
                    ImportPreview p = ImportPreview.of(file, existing(c, kind));
                    long next = records.nextSequenceNumber(c, kind);
                    for (ImportPreview.Add a : p.add()) {
                        if (a.sequenceNumber() != null) {
                            next = Math.max(next, a.sequenceNumber() + 1);
                        }
                    }
                    for (ImportPreview.Add a : p.add()) {
                        long seq = a.sequenceNumber() != null ? a.sequenceNumber() : next++;
                        records.insert(c, kind, seq, a.values());
                        Object key = kind.addressedByCode() ? a.values().get("code") : (Object) seq;
                        records.audit(c, operator, kind, String.valueOf(key), "CREATE", detail(file, a.values()));
                        keys.add(key);
                    }
                    for (ImportPreview.Change ch : p.change()) {
                        Object key = kind.addressedByCode() ? ch.key() : (Object) Long.valueOf(ch.key());
                        records.update(c, kind, key, ch.values(), ch.reactivates() ? Boolean.TRUE : null);
                        records.audit(c, operator, kind, ch.key(), "UPDATE", detail(file, ch.values()));
                        keys.add(key);
                    }
                    records.audit(
                            c,
                            operator,
                            kind,
                            "import",
                            ReferenceRecords.IMPORT,
                            "file " + file.name() + ": " + p.counts().add() + " added, "
                                    + p.counts().change() + " changed, "
                                    + p.counts().unchanged() + " unchanged, "
                                    + p.counts().refused() + " refused");
                    return p;
                }));
        if (!done.changesNothing()) {
            records.changed();
        }
        List<Map<String, Object>> touched = new ArrayList<>();
        for (Object key : keys) {
            records.find(kind, key).map(ReferenceMaintenance::values).ifPresent(touched::add);
        }
        return new Applied(done, touched);
    }

    private List<Map<String, Object>> existing(Connection c, ReferenceKind kind) throws SQLException {
        return records.list(c, kind).stream().map(ReferenceMaintenance::values).toList();
    }

    private static String detail(ImportFile file, Map<String, Object> values) {
        return "import of " + file.name() + ": " + values;
    }
}
