package com.webptbridge.hl7;

import java.util.ArrayList;
import java.util.List;

/**
 * The MSH segment read without HAPI, tolerant of anything after it: enough to journal a message,
 * detect a duplicate, choose its charset and address an ACK even when the rest will not parse.
 * Values are kept as they stand in the message (still escaped), which is also how they go back out
 * in the ACK, written with the same delimiters.
 */
public final class MessageHeader {

    private final char fieldSeparator;
    private final String encodingCharacters;
    private final List<String> fields; // index i holds MSH-(i+1); MSH-1 and MSH-2 included

    private MessageHeader(char fieldSeparator, String encodingCharacters, List<String> fields) {
        this.fieldSeparator = fieldSeparator;
        this.encodingCharacters = encodingCharacters;
        this.fields = fields;
    }

    /**
     * Reads the first segment of a message. Returns {@code null} when the text does not start with an
     * MSH segment whose delimiters are usable.
     */
    public static MessageHeader read(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (!text.startsWith("MSH", start) || text.length() < start + 8) {
            return null;
        }
        char fieldSep = text.charAt(start + 3);
        int segmentEnd = start;
        while (segmentEnd < text.length() && text.charAt(segmentEnd) != '\r' && text.charAt(segmentEnd) != '\n') {
            segmentEnd++;
        }
        String segment = text.substring(start, segmentEnd);
        List<String> fields = new ArrayList<>();
        fields.add(String.valueOf(fieldSep)); // MSH-1
        int pos = 4;
        while (pos <= segment.length()) {
            int next = segment.indexOf(fieldSep, pos);
            if (next < 0) {
                next = segment.length();
            }
            fields.add(segment.substring(pos, next));
            pos = next + 1;
        }
        String encoding = fields.size() > 1 ? fields.get(1) : "";
        if (!validDelimiters(fieldSep, encoding)) {
            return null;
        }
        return new MessageHeader(fieldSep, encoding, fields);
    }

    /**
     * True when the text starts with MSH but its delimiters (MSH-1, MSH-2) hold a character outside
     * printable ASCII: for a sentence more precise than "no MSH".
     */
    public static boolean delimitersOutsideAscii(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (!text.startsWith("MSH", start) || text.length() < start + 4) {
            return false;
        }
        char fs = text.charAt(start + 3);
        for (int i = start + 3; i < Math.min(text.length(), start + 9); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || (i > start + 3 && c == fs)) {
                break;
            }
            if (c <= ' ' || c > '~') {
                return true;
            }
        }
        return false;
    }

    private static boolean validDelimiters(char fieldSep, String encoding) {
        if (encoding.length() < 3 || encoding.length() > 5 || Character.isLetterOrDigit(fieldSep)) {
            return false;
        }
        String all = fieldSep + encoding;
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            // Printable ASCII only: HAPI splits by code point, so half of a surrogate pair (an emoji
            // as separator) would split here but not there, and the ACK's fields would shift.
            if (c <= ' ' || c > '~' || Character.isLetterOrDigit(c) || all.indexOf(c) != i) {
                return false;
            }
        }
        return true;
    }

    /** MSH-n as it stands in the message, or "" when absent. */
    public String field(int n) {
        return n - 1 < fields.size() ? fields.get(n - 1) : "";
    }

    /** Component c (1-based) of MSH-n, first repetition. */
    public String component(int n, int c) {
        String value = field(n);
        int rep = value.indexOf(repetitionSeparator());
        if (rep >= 0) {
            value = value.substring(0, rep);
        }
        char separator = componentSeparator();
        int start = 0;
        for (int i = 1; i < c; i++) { // skip to the start of component c (no regex: it runs for every message)
            int next = value.indexOf(separator, start);
            if (next < 0) {
                return "";
            }
            start = next + 1;
        }
        int end = value.indexOf(separator, start);
        return value.substring(start, end < 0 ? value.length() : end);
    }

    public char fieldSeparator() {
        return fieldSeparator;
    }

    public String encodingCharacters() {
        return encodingCharacters;
    }

    /**
     * True when an answer can be written with the sender's own delimiters: four encoding characters
     * (so an escape and a sub-component separator exist), none of them '.', which HL7 values such as
     * the version 2.5.1 contain.
     */
    public boolean usableEncoding() {
        return encodingCharacters.length() >= 4 && (fieldSeparator + encodingCharacters).indexOf('.') < 0;
    }

    public char componentSeparator() {
        return encodingCharacters.charAt(0);
    }

    public char repetitionSeparator() {
        return encodingCharacters.charAt(1);
    }

    public char subcomponentSeparator() {
        return encodingCharacters.length() > 3 ? encodingCharacters.charAt(3) : '&';
    }

    public String sendingApplication() {
        return field(3);
    }

    public String sendingFacility() {
        return field(4);
    }

    public String receivingApplication() {
        return field(5);
    }

    public String receivingFacility() {
        return field(6);
    }

    public String messageCode() {
        return component(9, 1);
    }

    public String triggerEvent() {
        return component(9, 2);
    }

    public String controlId() {
        return field(10);
    }

    public String processingId() {
        return component(11, 1);
    }

    public String version() {
        return component(12, 1);
    }

    public String acceptAckType() {
        return field(15);
    }

    public String applicationAckType() {
        return field(16);
    }

    /** MSH-18, first repetition: the character set the sender declares. */
    public String characterSet() {
        String value = field(18);
        int rep = value.indexOf(repetitionSeparator());
        return rep >= 0 ? value.substring(0, rep) : value;
    }

    /** True when the sender asked for enhanced-mode acknowledgments (MSH-15 or MSH-16 valued). */
    public boolean enhancedMode() {
        return !acceptAckType().isEmpty() || !applicationAckType().isEmpty();
    }
}
