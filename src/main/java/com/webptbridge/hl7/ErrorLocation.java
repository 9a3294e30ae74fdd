package com.webptbridge.hl7;

/**
 * Where in a message a problem sits, as HL7's ERL data type (ERR-2): segment ID, segment sequence,
 * field, and optionally component. A location with no segment means "the message as a whole".
 */
public record ErrorLocation(String segment, int sequence, int field, int component) {

    public static final ErrorLocation MESSAGE = new ErrorLocation("", 0, 0, 0);

    public static ErrorLocation field(String segment, int sequence, int field) {
        return new ErrorLocation(segment, sequence, field, 0);
    }

    public static ErrorLocation component(String segment, int sequence, int field, int component) {
        return new ErrorLocation(segment, sequence, field, component);
    }

    public static ErrorLocation segment(String segment, int sequence) {
        return new ErrorLocation(segment, sequence, 0, 0);
    }

    /** The short form analysts read and the journal stores, e.g. {@code PID-7} or {@code IN1[2]-3.1}. */
    public String display() {
        if (segment.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(segment);
        if (sequence > 1) {
            s.append('[').append(sequence).append(']');
        }
        if (field > 0) {
            s.append('-').append(field);
            if (component > 0) {
                s.append('.').append(component);
            }
        }
        return s.toString();
    }

    /** ERL encoding for ERR-2: segment^sequence^field^repetition^component. */
    String toErl(char componentSeparator) {
        if (segment.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(segment).append(componentSeparator).append(Math.max(sequence, 1));
        if (field > 0) {
            s.append(componentSeparator).append(field);
            if (component > 0) {
                s.append(componentSeparator)
                        .append(1)
                        .append(componentSeparator)
                        .append(component);
            }
        }
        return s.toString();
    }
}
