package com.webptbridge.mapping;

/**
 * What a message says about one field, in HL7's terms: nothing (an empty field leaves the stored
 * value alone), "clear it" (the literal {@code ""}), or a value.
 */
public sealed interface FieldValue {

    FieldValue ABSENT = new Absent();
    FieldValue CLEAR = new Clear();

    static FieldValue of(String value) {
        return value == null || value.isEmpty() ? ABSENT : new Present(value);
    }

    record Absent() implements FieldValue {}

    record Clear() implements FieldValue {}

    record Present(String value) implements FieldValue {}
}
