package com.webptbridge.reference;

import com.webptbridge.reference.ReferenceException.Failure;
import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.billing.ReferenceKind.Field;
import com.webptbridge.store.Database;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Create, show, list/search, update and deactivate reference records, with the checks an analyst
 * needs spelled out (required fields, NPI check digit, a Sequence Number, NPI or code already taken)
 * and an audit row for every change. Records travel as maps keyed by the API's JSON names.
 */
public final class ReferenceMaintenance {

    private final Database db;

    public ReferenceMaintenance(Database db) {
        this.db = db;
    }

    /** A created record and the sentence telling the analyst where its number goes. */
    public record Created(Map<String, Object> record, String instructions) {
    }

    public Created create(ReferenceKind kind, Map<String, Object> body, String operator)
            throws ReferenceException, SQLException {
        Map<String, Object> values = validate(kind, flatten(body), true);
        Long requested = body.get("sequenceNumber") == null ? null : sequenceNumber(body.get("sequenceNumber"));
        for (int attempt = 1; ; attempt++) {
            try {
                long seq = db.inTransaction(c -> {
                    long chosen = requested != null ? requested : next(c, kind);
                    if (requested != null && exists(c, kind, "sequence_number", requested)) {
                        throw new Conflict(kind.noun() + " Sequence Number " + requested + " is already taken"
                                + " (by " + describe(c, kind, requested) + "): choose another or leave it out to get the next one.");
                    }
                    if (kind.uniqueField() != null) {
                        Field unique = kind.field(kind.uniqueField());
                        Object value = values.get(unique.json());
                        if (exists(c, kind, unique.column(), value)) {
                            throw new Conflict("A " + kind.noun() + " with " + unique.json() + " " + value
                                    + " already exists: update it instead of adding another.");
                        }
                    }
                    insert(c, kind, chosen, values);
                    audit(c, operator, kind, key(kind, chosen, values), "CREATE", values.toString());
                    return chosen;
                });
                Map<String, Object> record = show(kind, kind.addressedByCode() ? String.valueOf(values.get("code")) : String.valueOf(seq));
                return new Created(record, kind.instructions(record));
            } catch (Conflict e) {
                throw new ReferenceException(Failure.CONFLICT, e.getMessage());
            } catch (SQLException e) {
                // Another analyst took the same next number at the same moment: take the one after.
                if (!Database.isUniqueViolation(e) || requested != null || attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    public Map<String, Object> show(ReferenceKind kind, String key) throws ReferenceException, SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM " + kind.table() + " WHERE " + keyColumn(kind) + " = ?")) {
            ps.setObject(1, keyValue(kind, key));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw notFound(kind, key);
                }
                return row(kind, rs);
            }
        }
    }

    /** All records, or those whose text fields contain {@code search} (any case). */
    public List<Map<String, Object>> list(ReferenceKind kind, String search) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        String needle = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM " + kind.table() + " ORDER BY sequence_number"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> record = row(kind, rs);
                if (needle.isEmpty() || record.values().stream()
                        .anyMatch(v -> v != null && v.toString().toLowerCase(Locale.ROOT).contains(needle))) {
                    out.add(record);
                }
            }
        }
        return out;
    }

    /** Changes the given fields (others stay); {@code "active": true} reactivates a record. */
    public Map<String, Object> update(ReferenceKind kind, String key, Map<String, Object> body, String operator)
            throws ReferenceException, SQLException {
        if (body.containsKey("sequenceNumber") && !String.valueOf(body.get("sequenceNumber")).equals(key)
                && !kind.addressedByCode()) {
            throw new ReferenceException(Failure.INVALID, "A Sequence Number cannot be changed: WebPT's Alternate IDs"
                    + " point at it. Add a new " + kind.noun() + " instead.");
        }
        Map<String, Object> values = validate(kind, flatten(body), false);
        Boolean active = body.get("active") == null ? null : Boolean.valueOf(String.valueOf(body.get("active")));
        if (values.isEmpty() && active == null) {
            throw new ReferenceException(Failure.INVALID, "Nothing to update: send at least one of "
                    + kind.fields().stream().map(Field::json).toList() + " or active.");
        }
        Map<String, Object> current = show(kind, key);
        Object keyValue = keyValue(kind, key);
        try {
            db.inTransaction(c -> {
                if (kind.uniqueField() != null && values.containsKey(kind.uniqueField())
                        && !values.get(kind.uniqueField()).equals(current.get(kind.uniqueField()))
                        && exists(c, kind, kind.field(kind.uniqueField()).column(), values.get(kind.uniqueField()))) {
                    throw new Conflict("A " + kind.noun() + " with " + kind.uniqueField() + " "
                            + values.get(kind.uniqueField()) + " already exists.");
                }
                StringBuilder sql = new StringBuilder("UPDATE " + kind.table() + " SET ");
                List<Object> args = new ArrayList<>();
                for (Field f : kind.fields()) {
                    if (values.containsKey(f.json())) {
                        sql.append(args.isEmpty() ? "" : ", ").append(f.column()).append(" = ?");
                        args.add(values.get(f.json()));
                    }
                }
                if (active != null) {
                    sql.append(args.isEmpty() ? "" : ", ").append("active = ?");
                    args.add(active);
                }
                sql.append(" WHERE ").append(keyColumn(kind)).append(" = ?");
                args.add(keyValue);
                execute(c, sql.toString(), args);
                Map<String, Object> change = new LinkedHashMap<>(values);
                if (active != null) {
                    change.put("active", active);
                }
                audit(c, operator, kind, key, "UPDATE", change.toString());
                return null;
            });
        } catch (Conflict e) {
            throw new ReferenceException(Failure.CONFLICT, e.getMessage());
        }
        return show(kind, values.containsKey("code") ? String.valueOf(values.get("code")) : key);
    }

    /** Deactivates a record: kept for history, no longer matched by inbound messages. */
    public Map<String, Object> deactivate(ReferenceKind kind, String key, String operator)
            throws ReferenceException, SQLException {
        show(kind, key);
        Object keyValue = keyValue(kind, key);
        db.inTransaction(c -> {
            execute(c, "UPDATE " + kind.table() + " SET active = FALSE WHERE " + keyColumn(kind) + " = ?",
                    List.of(keyValue));
            audit(c, operator, kind, key, "DEACTIVATE", null);
            return null;
        });
        return show(kind, key);
    }

    /** The audit trail of one record, oldest first: who, when, what. */
    public List<Map<String, Object>> audit(ReferenceKind kind, String key) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT * FROM reference_audit"
                + " WHERE entity = ? AND reference_key = ? ORDER BY id")) {
            ps.setString(1, kind.path());
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("changedAt", rs.getObject("changed_at", OffsetDateTime.class).toInstant().toString());
                    m.put("operator", rs.getString("operator"));
                    m.put("action", rs.getString("action"));
                    m.put("detail", rs.getString("detail"));
                    out.add(m);
                }
            }
        }
        return out;
    }

    // --- validation -------------------------------------------------------------------------

    /** An "address" object or string becomes addressLine1/city/state/zip. */
    private static Map<String, Object> flatten(Map<String, Object> body) {
        Map<String, Object> out = new LinkedHashMap<>(body);
        Object address = out.remove("address");
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
        List<String> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : kind.fields()) {
            Object raw = body.get(f.json());
            String text = raw == null ? "" : String.valueOf(raw).trim();
            if (text.isEmpty()) {
                if (creating && f.required()) {
                    problems.add(f.json() + " is required");
                }
                continue;
            }
            String problem = check(f, text);
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            values.put(f.json(), convert(f, text));
        }
        for (String key : body.keySet()) {
            if (!key.equals("sequenceNumber") && !key.equals("active") && kind.fields().stream().noneMatch(f -> f.json().equals(key))) {
                problems.add("unknown field '" + key + "' (a " + kind.noun() + " has "
                        + kind.fields().stream().map(Field::json).toList() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new ReferenceException(Failure.INVALID, "The " + kind.noun() + " was not saved: "
                    + String.join("; ", problems) + ".");
        }
        return values;
    }

    private static String check(Field f, String text) {
        if (text.length() > f.max() && f.check() == ReferenceKind.Check.TEXT) {
            return f.json() + " is longer than " + f.max() + " characters";
        }
        return switch (f.check()) {
            case NPI -> Npi.valid(text) ? null : f.json() + " " + text + " is not a valid NPI (10 digits, the last a"
                    + " check digit): check it against NPPES";
            case PLACE_OF_SERVICE -> text.matches("\\d{2}") ? null : f.json() + " must be a 2-digit place of service code (e.g. 11)";
            case PROCEDURE_CODE -> text.matches("[A-Za-z0-9]{5}") ? null : f.json() + " must be a 5-character CPT/HCPCS code";
            case AMOUNT -> text.matches("\\d{1,9}(\\.\\d{1,2})?") ? null : f.json() + " must be an amount like 45.00";
            case UNITS -> text.matches("\\d{1,4}") && Integer.parseInt(text) > 0 ? null : f.json() + " must be a whole number of 1 or more";
            case REVENUE_CODE -> text.matches("\\d{4}") ? null : f.json() + " must be a 4-digit revenue code (e.g. 0420)";
            case TEXT -> null;
        };
    }

    private static Object convert(Field f, String text) {
        return switch (f.check()) {
            case AMOUNT -> new BigDecimal(text);
            case UNITS -> Integer.valueOf(text);
            case PROCEDURE_CODE -> text.toUpperCase(Locale.ROOT);
            default -> text;
        };
    }

    private static long sequenceNumber(Object raw) throws ReferenceException {
        try {
            long n = Long.parseLong(String.valueOf(raw).trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ReferenceException(Failure.INVALID, "sequenceNumber must be a whole number of 1 or more, was '"
                    + raw + "'.");
        }
    }

    // --- SQL ----------------------------------------------------------------------------------

    private static String keyColumn(ReferenceKind kind) {
        return kind.addressedByCode() ? "code" : "sequence_number";
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

    private static String key(ReferenceKind kind, long seq, Map<String, Object> values) {
        return kind.addressedByCode() ? String.valueOf(values.get("code")) : String.valueOf(seq);
    }

    private static ReferenceException notFound(ReferenceKind kind, String key) {
        return new ReferenceException(Failure.NOT_FOUND, "No " + kind.noun() + " has "
                + (kind.addressedByCode() ? "code " : "Sequence Number ") + key + ".");
    }

    private static long next(Connection c, ReferenceKind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(sequence_number) FROM " + kind.table());
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) + 1;
        }
    }

    private static boolean exists(Connection c, ReferenceKind kind, String column, Object value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + kind.table() + " WHERE " + column + " = ?")) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String describe(Connection c, ReferenceKind kind, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + kind.table() + " WHERE sequence_number = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Field first = kind.fields().get(0);
                return rs.getString(first.column());
            }
        }
    }

    private static void insert(Connection c, ReferenceKind kind, long seq, Map<String, Object> values) throws SQLException {
        StringBuilder columns = new StringBuilder("sequence_number, active");
        StringBuilder marks = new StringBuilder("?, ?");
        List<Object> args = new ArrayList<>(List.of(seq, true));
        for (Field f : kind.fields()) {
            if (values.containsKey(f.json())) {
                columns.append(", ").append(f.column());
                marks.append(", ?");
                args.add(values.get(f.json()));
            }
        }
        execute(c, "INSERT INTO " + kind.table() + " (" + columns + ") VALUES (" + marks + ")", args);
    }

    private static void execute(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            ps.executeUpdate();
        }
    }

    private static void audit(Connection c, String operator, ReferenceKind kind, String key, String action, String detail)
            throws SQLException {
        execute(c, "INSERT INTO reference_audit (changed_at, operator, entity, reference_key, action, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?)", java.util.Arrays.asList(OffsetDateTime.now(ZoneOffset.UTC),
                operator == null || operator.isBlank() ? "unknown" : operator, kind.path(), key, action, detail));
    }

    private static Map<String, Object> row(ReferenceKind kind, ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequenceNumber", rs.getLong("sequence_number"));
        for (Field f : kind.fields()) {
            Object v = rs.getObject(f.column());
            m.put(f.json(), v instanceof BigDecimal d ? d.setScale(2, java.math.RoundingMode.HALF_UP) : v);
        }
        m.put("active", rs.getBoolean("active"));
        return m;
    }

    /** Carries a conflict out of a transaction lambda (which may only throw SQLException). */
    private static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }
}
