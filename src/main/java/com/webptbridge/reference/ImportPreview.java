package com.webptbridge.reference;

import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.billing.ReferenceKind.Check;
import com.webptbridge.billing.ReferenceKind.Field;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an import of one export would do to the records as they are: rows to add, rows that change a
 * record (field by field, old to new), rows that match a record exactly, and rows refused with the
 * reason ({@link ImportRefusal}). A row is matched to a record by its Sequence Number (a procedure
 * code by its code); a row without one by its NPI where the kind has one, else by its name. A blank
 * cell leaves a field alone. Computes only; {@link ReferenceImport} applies it.
 *
 * @param columns each of our fields to the export's header it was read from
 * @param ignoredColumns the export's headers no field took
 */
public record ImportPreview(
        String kind,
        String file,
        Map<String, String> columns,
        List<String> ignoredColumns,
        Counts counts,
        List<Add> add,
        List<Change> change,
        List<Unchanged> unchanged,
        List<Refused> refused) {

    public record Counts(int add, int change, int unchanged, int refused) {}

    /** A new record: the Sequence Number from the export (null: the next free one), its name and values. */
    public record Add(int row, Long sequenceNumber, String name, Map<String, Object> values) {}

    /** A record the row changes: its key, its name, each field that differs, and the new values. */
    public record Change(int row, String key, String name, List<FieldChange> fields, Map<String, Object> values) {

        /** True when the row brings an inactive record back. */
        public boolean reactivates() {
            return fields.stream().anyMatch(f -> f.field().equals("active"));
        }
    }

    /** One field that differs: its value here and its value in the export. */
    public record FieldChange(String field, String from, String to) {}

    public record Unchanged(int row, String key, String name) {}

    /** A row left out: the reason (its code, e.g. BAD_NPI), the sentence, and the row as read. */
    public record Refused(int row, ImportRefusal reason, String sentence, Map<String, String> values) {}

    /** True when applying it would change nothing. */
    public boolean changesNothing() {
        return add.isEmpty() && change.isEmpty();
    }

    /**
     * The preview of {@code file} against {@code existing}: the kind's records as the API shows
     * them (maps by JSON name, inactive ones too).
     */
    public static ImportPreview of(ImportFile file, List<Map<String, Object>> existing) {
        return new Builder(file, existing).build();
    }

    /** A record's name as an analyst knows it: the payer's or facility's name, a person's name, a code. */
    static String name(ReferenceKind kind, Map<String, ?> values) {
        return switch (kind) {
            case PROVIDER, REFERRING_PROVIDER -> (text(values.get("lastName")) + ", " + text(values.get("firstName")))
                    .replaceAll("^, |, $", "");
            case PROCEDURE_CODE -> text(values.get("code")).toUpperCase(Locale.ROOT);
            default -> text(values.get("name"));
        };
    }

    private static String text(Object v) {
        return v == null ? "" : String.valueOf(v).strip();
    }

    private static String fold(String s) {
        return s.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** One pass over the rows, remembering what earlier rows claimed. */
    private static final class Builder {
        private final ImportFile file;
        private final ReferenceKind kind;
        private final List<Map<String, Object>> existing;
        private final Map<String, Integer> claimed = new HashMap<>(); // "sequence number 1042" -> row
        private final List<Add> add = new ArrayList<>();
        private final List<Change> change = new ArrayList<>();
        private final List<Unchanged> unchanged = new ArrayList<>();
        private final List<Refused> refused = new ArrayList<>();

        Builder(ImportFile file, List<Map<String, Object>> existing) {
            this.file = file;
            this.kind = file.kind();
            this.existing = existing;
        }

        ImportPreview build() {
            for (ImportFile.Row row : file.rows()) {
                Refusal refusal = classify(row);
                if (refusal != null) {
                    refused.add(new Refused(row.row(), refusal.reason(), refusal.sentence(), row.values()));
                }
            }
            return new ImportPreview(
                    kind.path(),
                    file.name(),
                    file.columns(),
                    file.ignored(),
                    new Counts(add.size(), change.size(), unchanged.size(), refused.size()),
                    List.copyOf(add),
                    List.copyOf(change),
                    List.copyOf(unchanged),
                    List.copyOf(refused));
        }

        private record Refusal(ImportRefusal reason, String sentence) {}

        /** Files the row under add, change or unchanged; or returns why it is refused. */
        private Refusal classify(ImportFile.Row row) {
            Map<String, String> v = new LinkedHashMap<>(row.values());
            String seqText = v.remove(ImportColumns.SEQUENCE_NUMBER);
            Long seq = null;
            if (seqText != null) {
                try {
                    seq = Long.parseLong(seqText);
                } catch (NumberFormatException e) {
                    seq = -1L;
                }
                if (seq < 1) {
                    return refuse(
                            ImportRefusal.INVALID,
                            "the Sequence Number '" + seqText + "' is not a whole number of 1 or more");
                }
            }
            String rowName = name(kind, v);
            Map<String, Object> match = match(seq, v, rowName);

            for (Field f : kind.fields()) {
                if (f.check() == Check.NPI && v.containsKey(f.json()) && !Npi.valid(v.get(f.json()))) {
                    return refuse(ImportRefusal.BAD_NPI, f.json(), v.get(f.json()));
                }
            }
            Map<String, Object> values = new LinkedHashMap<>();
            List<String> problems = ReferenceChecks.check(kind, v, match == null, values);
            if (!problems.isEmpty()) {
                return refuse(ImportRefusal.INVALID, String.join("; ", problems));
            }

            if (seq != null) {
                Map<String, Object> holder = find("sequenceNumber", seq);
                if (holder != null && holder != match) {
                    return refuse(ImportRefusal.SEQUENCE_NUMBER_TAKEN, seq, describe(holder), describeRow(rowName));
                }
                if (match != null && !rowName.isEmpty() && !fold(rowName).equals(fold(name(kind, match)))) {
                    return refuse(ImportRefusal.SEQUENCE_NUMBER_TAKEN, seq, describe(match), describeRow(rowName));
                }
            }
            for (String field : kind.distinctFields()) {
                if (values.containsKey(field)) {
                    Map<String, Object> holder = find(field, values.get(field));
                    if (holder != null && holder != match) {
                        return refuse(ImportRefusal.NPI_TAKEN, field, values.get(field), describe(holder));
                    }
                }
            }

            // A repeat of an earlier row, by every identity it carries.
            List<String> identities = new ArrayList<>();
            if (match != null) {
                identities.add(identity("record", key(match)));
            }
            if (seq != null) {
                identities.add(identity("Sequence Number", seq));
            }
            for (String field : kind.distinctFields()) {
                if (v.containsKey(field)) {
                    identities.add(identity(field, v.get(field).toUpperCase(Locale.ROOT)));
                }
            }
            if (match == null && seq == null && !rowName.isEmpty()) {
                identities.add(identity("name", fold(rowName)));
            }
            for (String id : identities) {
                Integer earlier = claimed.get(id);
                if (earlier != null) {
                    String[] parts = id.split("\u0000", 2);
                    return refuse(ImportRefusal.DUPLICATE_ROW, earlier, parts[0], parts[1]);
                }
            }

            identities.forEach(id -> claimed.put(id, row.row())); // only a row taken claims its identities
            if (match == null) {
                add.add(new Add(row.row(), seq, rowName, values));
                return null;
            }
            List<FieldChange> fields = new ArrayList<>();
            Map<String, Object> changed = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : values.entrySet()) {
                Object old = match.get(e.getKey());
                if (!same(old, e.getValue())) {
                    fields.add(
                            new FieldChange(e.getKey(), old == null ? null : String.valueOf(old), shown(e.getValue())));
                    changed.put(e.getKey(), e.getValue());
                }
            }
            if (!Boolean.TRUE.equals(match.get("active"))) {
                fields.add(new FieldChange("active", "false", "true"));
            }
            if (fields.isEmpty()) {
                unchanged.add(new Unchanged(row.row(), key(match), name(kind, match)));
            } else {
                change.add(new Change(row.row(), key(match), name(kind, match), List.copyOf(fields), changed));
            }
            return null;
        }

        /** The record the row is about, or null when it is new. */
        private Map<String, Object> match(Long seq, Map<String, String> v, String rowName) {
            if (kind.addressedByCode()) {
                return v.containsKey("code") ? find("code", v.get("code").toUpperCase(Locale.ROOT)) : null;
            }
            if (seq != null) {
                return find("sequenceNumber", seq);
            }
            for (String field : kind.distinctFields()) {
                if (v.containsKey(field)) {
                    return find(field, v.get(field));
                }
            }
            if (rowName.isEmpty()) {
                return null;
            }
            return existing.stream()
                    .filter(r -> fold(name(kind, r)).equals(fold(rowName)))
                    .findFirst()
                    .orElse(null);
        }

        private Map<String, Object> find(String field, Object value) {
            return existing.stream()
                    .filter(r -> r.get(field) != null
                            && String.valueOf(r.get(field)).equalsIgnoreCase(String.valueOf(value)))
                    .findFirst()
                    .orElse(null);
        }

        private String key(Map<String, Object> record) {
            return String.valueOf(record.get(kind.addressedByCode() ? "code" : "sequenceNumber"));
        }

        private String describe(Map<String, Object> record) {
            return kind.noun() + " " + record.get("sequenceNumber") + " (" + name(kind, record) + ")";
        }

        private static String describeRow(String rowName) {
            return rowName.isEmpty() ? "this row's record" : "'" + rowName + "'";
        }

        private static String identity(String what, Object value) {
            return what + "\u0000" + value;
        }

        private static Refusal refuse(ImportRefusal reason, Object... args) {
            return new Refusal(reason, reason.sentence(args));
        }

        private static boolean same(Object old, Object now) {
            if (old instanceof BigDecimal a && now instanceof BigDecimal b) {
                return a.compareTo(b) == 0;
            }
            return Objects.equals(old == null ? null : String.valueOf(old), now == null ? null : String.valueOf(now));
        }

        private static String shown(Object value) {
            return value instanceof BigDecimal d
                    ? d.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
                    : String.valueOf(value);
        }
    }
}
