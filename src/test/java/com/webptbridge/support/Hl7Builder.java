package com.webptbridge.support;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * HL7 v2 messages for tests, written the way an analyst reads them: segments by name, fields by
 * position ({@code PID-3} is {@code field("PID", 3)}), rendered with CR between segments. The MSH
 * defaults are a WebPT message to the billing system in production mode, version 2.5.1:
 * {@code MSH|^~\&|WEBPT|CLINIC|CMD|BILLING|20261121||<type>|CTRL-1|P|2.5.1}. A test sets only the
 * fields that are its point.
 *
 * <pre>{@code
 * byte[] a08 = Hl7Builder.adt("A08").controlId("C1").patient("P1").bytes();
 * String dft = Hl7Builder.message("DFT^P03^DFT_P03").facility("RULES").segment("FT1", "1", "T-1").text();
 * }</pre>
 */
public final class Hl7Builder {

    /** Each segment as its fields by position: index 0 is the name, index n is field n (MSH: MSH-n+1). */
    private final List<List<String>> segments = new ArrayList<>();

    private Hl7Builder(String type) {
        segments.add(new ArrayList<>(List.of(
                "MSH", "^~\\&", "WEBPT", "CLINIC", "CMD", "BILLING", "20261121", "", type, "CTRL-1", "P", "2.5.1")));
    }

    /** An MSH with the defaults above and this MSH-9, e.g. {@code ADT^A08^ADT_A01}; no other segment. */
    public static Hl7Builder message(String type) {
        return new Hl7Builder(type);
    }

    /** An ADT of this event (MSH-9 {@code ADT^<event>^ADT_A01}) with one PID: patient P1, Tester^Robin, 1970-01-01, F. */
    public static Hl7Builder adt(String event) {
        return message("ADT^" + event + "^ADT_A01")
                .segment("PID", "1", "", "P1^^^WEBPT^MR", "", "Tester^Robin", "", "19700101", "F");
    }

    /** MSH-10. */
    public Hl7Builder controlId(String controlId) {
        return field("MSH", 10, controlId);
    }

    /** MSH-4, the sending facility (tests use their own, so their messages are their own). */
    public Hl7Builder facility(String facility) {
        return field("MSH", 4, facility);
    }

    /** MSH-12. */
    public Hl7Builder version(String version) {
        return field("MSH", 12, version);
    }

    /** PID-3 as a WebPT medical record number: {@code <id>^^^WEBPT^MR}. */
    public Hl7Builder patient(String id) {
        return field("PID", 3, id + "^^^WEBPT^MR");
    }

    /** Appends a segment; {@code fields[0]} is field 1. */
    public Hl7Builder segment(String name, String... fields) {
        if (name.equals("MSH")) {
            throw new IllegalArgumentException(
                    "The message has its MSH already: set its fields with field(\"MSH\", n, v)");
        }
        List<String> segment = new ArrayList<>();
        segment.add(name);
        segment.addAll(Arrays.asList(fields));
        segments.add(segment);
        return this;
    }

    /** Sets field {@code position} (as HL7 counts, MSH-1 being the field separator) of the last segment so named. */
    public Hl7Builder field(String segment, int position, String value) {
        List<String> fields = last(segment);
        int index = segment.equals("MSH") ? position - 1 : position;
        if (index < 1) {
            throw new IllegalArgumentException(segment + "-" + position + " is not a field that can be set");
        }
        while (fields.size() <= index) {
            fields.add("");
        }
        fields.set(index, value);
        return this;
    }

    /** Removes every segment so named (e.g. to send a DFT without FT1). */
    public Hl7Builder without(String segment) {
        segments.removeIf(s -> s.get(0).equals(segment) && !segment.equals("MSH"));
        return this;
    }

    private List<String> last(String segment) {
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (segments.get(i).get(0).equals(segment)) {
                return segments.get(i);
            }
        }
        throw new IllegalArgumentException("The message has no " + segment + " segment");
    }

    /** The message as sent: each segment ended by CR. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (List<String> segment : segments) {
            out.append(String.join("|", segment)).append('\r');
        }
        return out.toString();
    }

    public byte[] bytes() {
        return bytes(StandardCharsets.UTF_8);
    }

    public byte[] bytes(Charset charset) {
        return text().getBytes(charset);
    }

    @Override
    public String toString() {
        return text();
    }
}
