package com.webptbridge.api;

import com.webptbridge.reference.JsonTypes;

import java.util.List;
import java.util.Map;

/**
 * A JSON request body's fields, each read as the JSON type it must have. A field of the wrong type is
 * a 400 naming the field and the type expected, never a guess: {@code "dryRun": "yes"} must not run
 * for real, {@code "active": "maybe"} must not deactivate, and an object must not be stored as text.
 */
final class Body {

    private final Map<String, Object> fields;

    Body(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** The fields as parsed, for a reader that checks its own types (reference records). */
    Map<String, Object> fields() {
        return fields;
    }

    /** A text field, trimmed: null when absent, JSON null or blank; 400 when it is not a JSON string. */
    String text(String key) {
        String v = asSent(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** A text field as sent (not trimmed); null when absent or JSON null; 400 when it is not a JSON string. */
    String asSent(String key) {
        Object v = fields.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw wrongType(key, "text (a JSON string)", v);
    }

    /** A true/false field: null when absent or JSON null; 400 for anything but JSON true or false. */
    Boolean flag(String key) {
        Object v = fields.get(key);
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        throw wrongType(key, "true or false (a JSON boolean)", v);
    }

    /** A true/false field that is false unless sent true. */
    boolean flag(String key, boolean absent) {
        Boolean v = flag(key);
        return v == null ? absent : v;
    }

    /**
     * A whole-number field: a JSON number without a fraction, or text of digits (a form sends every
     * field as text); null when absent or JSON null; 400 for anything else.
     */
    Long whole(String key) {
        Object v = fields.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger) {
            try {
                return v instanceof java.math.BigInteger b ? b.longValueExact() : ((Number) v).longValue();
            } catch (ArithmeticException e) {
                throw wrongType(key, "a whole number", v);
            }
        }
        if (v instanceof String s && s.trim().matches("-?\\d{1,18}")) {
            return Long.valueOf(s.trim());
        }
        throw wrongType(key, "a whole number", v);
    }

    /** A list of texts, or one text (comma-separated); null when absent; 400 for anything else. */
    List<String> texts(String key) {
        Object v = fields.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return List.of(s);
        }
        if (v instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw wrongType(key, "a list of texts (JSON strings) or one text", v);
    }

    /** The 400 for a field of the wrong JSON type: which field, what it takes, what came. */
    static ApiException wrongType(String key, String expected, Object value) {
        return new ApiException(400, key + " must be " + expected + ", was " + JsonTypes.describe(value) + ".");
    }
}
