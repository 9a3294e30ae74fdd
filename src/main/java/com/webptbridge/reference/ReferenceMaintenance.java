package com.webptbridge.reference;

import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.billing.ReferenceKind.Field;
import com.webptbridge.reference.ReferenceException.Failure;
import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;
import com.webptbridge.store.reference.ReferenceRecords;
import com.webptbridge.store.reference.ReferenceRecords.AuditLine;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Create, show, list/search, update and deactivate reference records, with the checks an analyst
 * needs spelled out (required fields, NPI check digit, a Sequence Number, NPI or code already taken)
 * and an audit row for every change. Records travel as maps keyed by the API's JSON names; the SQL
 * is the store's ({@link ReferenceRecords}).
 */
public final class ReferenceMaintenance {

    private final Database db;
    private final ReferenceRecords records;

    /** Maintenance of one interface's reference data. */
    public ReferenceMaintenance(Database db, String interfaceId) {
        this.db = db;
        this.records = new ReferenceRecords(db, interfaceId);
    }

    /** Imports of the billing system's exports into these records. */
    public ReferenceImport imports() {
        return new ReferenceImport(db, records);
    }

    /** The keys (Sequence Numbers, procedure codes) of a kind's records changed after {@code since}. */
    public java.util.Set<String> changedSince(ReferenceKind kind, java.time.OffsetDateTime since) throws SQLException {
        return records.changedSince(kind, since);
    }

    /** A created record and the sentence telling the analyst where its number goes. */
    public record Created(Map<String, Object> record, String instructions) {}

    public Created create(ReferenceKind kind, Map<String, Object> body, String operator)
            throws ReferenceException, SQLException {
        Map<String, Object> values = validate(kind, flatten(body), true);
        Long requested = body.get("sequenceNumber") == null ? null : sequenceNumber(body.get("sequenceNumber"));
        try {
            // Another analyst may take the same next number at the same moment: then take the one after.
            long seq = Sql.retryOnUniqueViolation(
                    requested != null ? 1 : 3,
                    () -> db.inTransaction(c -> {
                        if (requested != null && records.exists(c, kind, "sequenceNumber", requested)) {
                            throw new Conflict(kind.noun() + " Sequence Number " + requested + " is already taken"
                                    + " (by " + records.describe(c, kind, requested)
                                    + "): choose another or leave it out to get the next one.");
                        }
                        refuseTaken(c, kind, values, null);
                        long chosen = requested != null ? requested : records.nextSequenceNumber(c, kind);
                        records.insert(c, kind, chosen, values);
                        records.audit(
                                c,
                                operator,
                                kind,
                                kind.addressedByCode() ? String.valueOf(values.get("code")) : String.valueOf(chosen),
                                "CREATE",
                                values.toString());
                        return chosen;
                    }));
            records.changed();
            Map<String, Object> record =
                    show(kind, kind.addressedByCode() ? String.valueOf(values.get("code")) : String.valueOf(seq));
            return new Created(record, kind.instructions(record));
        } catch (Conflict e) {
            throw new ReferenceException(Failure.CONFLICT, e.getMessage());
        }
    }

    public Map<String, Object> show(ReferenceKind kind, String key) throws ReferenceException, SQLException {
        return values(records.find(kind, keyValue(kind, key)).orElseThrow(() -> notFound(kind, key)));
    }

    /** All records, or those whose text fields contain {@code search} (any case). */
    public List<Map<String, Object>> list(ReferenceKind kind, String search) throws SQLException {
        String needle = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
        return records.list(kind).stream()
                .map(ReferenceMaintenance::values)
                .filter(record -> needle.isEmpty()
                        || record.values().stream()
                                .anyMatch(v -> v != null
                                        && v.toString().toLowerCase(Locale.ROOT).contains(needle)))
                .toList();
    }

    /** Changes the given fields (others stay); {@code "active": true} reactivates a record. */
    public Map<String, Object> update(ReferenceKind kind, String key, Map<String, Object> body, String operator)
            throws ReferenceException, SQLException {
        if (body.containsKey("sequenceNumber")
                && !String.valueOf(body.get("sequenceNumber")).equals(key)
                && !kind.addressedByCode()) {
            throw new ReferenceException(
                    Failure.INVALID,
                    "A Sequence Number cannot be changed: WebPT's Alternate IDs" + " point at it. Add a new "
                            + kind.noun() + " instead.");
        }
        Map<String, Object> values = validate(kind, flatten(body), false);
        Boolean active = (Boolean) body.get("active"); // validate refused anything but true/false
        if (values.isEmpty() && active == null) {
            throw new ReferenceException(
                    Failure.INVALID,
                    "Nothing to update: send at least one of "
                            + kind.fields().stream().map(Field::json).toList() + " or active.");
        }
        Map<String, Object> current = show(kind, key);
        Object keyValue = keyValue(kind, key);
        try {
            db.inTransaction(c -> {
                refuseTaken(c, kind, values, ((Number) current.get("sequenceNumber")).longValue());
                records.update(c, kind, keyValue, values, active);
                Map<String, Object> change = new LinkedHashMap<>(values);
                if (active != null) {
                    change.put("active", active);
                }
                records.audit(c, operator, kind, auditKey(kind, current), "UPDATE", change.toString());
                return null;
            });
            records.changed();
        } catch (Conflict e) {
            throw new ReferenceException(Failure.CONFLICT, e.getMessage());
        }
        return show(kind, values.containsKey("code") ? String.valueOf(values.get("code")) : key);
    }

    /**
     * Refuses values another record already has in a field that must be distinct (a referring NPI, a
     * procedure code, a rendering provider's NPI), naming that record. {@code self} is the record
     * being updated (null when adding).
     */
    private void refuseTaken(java.sql.Connection c, ReferenceKind kind, Map<String, Object> values, Long self)
            throws SQLException {
        for (String field : kind.distinctFields()) {
            if (!values.containsKey(field)) {
                continue;
            }
            java.util.Optional<Long> holder = records.holder(c, kind, field, values.get(field));
            if (holder.isPresent() && !holder.get().equals(self)) {
                String other = kind.noun() + " " + holder.get() + " (" + records.describe(c, kind, holder.get()) + ")";
                throw new Conflict("The " + field + " " + values.get(field) + " already belongs to " + other
                        + (field.equals("npi")
                                ? ": an NPI belongs to one " + kind.noun() + ". Update " + other
                                        + " instead, or check the NPI against NPPES."
                                : ": update it instead of adding another."));
            }
        }
    }

    /** Deactivates a record: kept for history, no longer matched by inbound messages. */
    public Map<String, Object> deactivate(ReferenceKind kind, String key, String operator)
            throws ReferenceException, SQLException {
        Map<String, Object> current = show(kind, key);
        Object keyValue = keyValue(kind, key);
        db.inTransaction(c -> {
            records.update(c, kind, keyValue, Map.of(), false);
            records.audit(c, operator, kind, auditKey(kind, current), "DEACTIVATE", null);
            return null;
        });
        records.changed();
        return show(kind, key);
    }

    /** The audit trail of one record, oldest first: who, when, what. */
    public List<AuditLine> audit(ReferenceKind kind, String key) throws ReferenceException, SQLException {
        return records.audit(kind, String.valueOf(keyValue(kind, key)));
    }

    /** The key audit rows are filed under: the stored code or Sequence Number, whatever case was typed. */
    private static String auditKey(ReferenceKind kind, Map<String, Object> record) {
        return String.valueOf(record.get(kind.addressedByCode() ? "code" : "sequenceNumber"));
    }

    // --- validation -------------------------------------------------------------------------

    /** An "address" object or string becomes addressLine1/city/state/zip. */
    private static Map<String, Object> flatten(Map<String, Object> body) throws ReferenceException {
        Map<String, Object> out = new LinkedHashMap<>(body);
        Object address = out.remove("address");
        if (address != null && !(address instanceof Map<?, ?>) && !(address instanceof String)) {
            throw new ReferenceException(
                    Failure.INVALID,
                    "address must be an object (line1, city, state, zip) or text, was " + JsonTypes.describe(address)
                            + ".");
        }
        if (address instanceof Map<?, ?> a) {
            putIfPresent(out, "addressLine1", a.get("line1"));
            putIfPresent(out, "city", a.get("city"));
            putIfPresent(out, "state", a.get("state"));
            putIfPresent(out, "zip", a.get("zip"));
        } else if (address != null) {
            out.put("addressLine1", address);
        }
        return out;
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** Checks the fields present (and, on create, that required ones are); returns column-ready values. */
    private static Map<String, Object> validate(ReferenceKind kind, Map<String, Object> body, boolean creating)
            throws ReferenceException {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> problems = ReferenceChecks.check(kind, body, creating, values);
        Object active = body.get("active");
        if (active != null && !(active instanceof Boolean)) {
            // Read as text, "maybe" would deactivate the record.
            problems.add("active must be true or false (a JSON boolean), was " + JsonTypes.describe(active));
        }
        Object seq = body.get("sequenceNumber");
        if (seq != null && !(seq instanceof String) && !(seq instanceof Integer) && !(seq instanceof Long)) {
            problems.add("sequenceNumber must be a whole number, was " + JsonTypes.describe(seq));
        }
        for (String key : body.keySet()) {
            if (!key.equals("sequenceNumber")
                    && !key.equals("active")
                    && kind.fields().stream().noneMatch(f -> f.json().equals(key))) {
                problems.add("unknown field '" + key + "' (a " + kind.noun() + " has "
                        + kind.fields().stream().map(Field::json).toList() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new ReferenceException(
                    Failure.INVALID, "The " + kind.noun() + " was not saved: " + String.join("; ", problems) + ".");
        }
        return values;
    }

    private static long sequenceNumber(Object raw) throws ReferenceException {
        try {
            long n = Long.parseLong(String.valueOf(raw).trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ReferenceException(
                    Failure.INVALID, "sequenceNumber must be a whole number of 1 or more, was '" + raw + "'.");
        }
    }

    private static Object keyValue(ReferenceKind kind, String key) throws ReferenceException {
        if (kind.addressedByCode()) {
            return key.toUpperCase(Locale.ROOT);
        }
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new ReferenceException(Failure.INVALID, "'" + key + "' is not a Sequence Number (a whole number).");
        }
    }

    /** A record's components by name, in declaration order (amounts to the cent), as the API shows them. */
    static Map<String, Object> values(Record record) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(record);
                m.put(c.getName(), v instanceof BigDecimal d ? d.setScale(2, RoundingMode.HALF_UP) : v);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    private static ReferenceException notFound(ReferenceKind kind, String key) {
        return new ReferenceException(
                Failure.NOT_FOUND,
                "No " + kind.noun() + " has " + (kind.addressedByCode() ? "code " : "Sequence Number ") + key + ".");
    }

    /** Carries a conflict out of a transaction lambda (which may only throw SQLException). */
    private static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }
}
