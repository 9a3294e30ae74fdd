package com.webptbridge.support;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;

import java.nio.charset.StandardCharsets;

/** Reading ACKs in tests with HAPI itself, so a test also proves HAPI accepts what the engine sends. */
public final class Hl7Text {

    private Hl7Text() {
    }

    /** Segment text from a readable file: line ends of any kind become HL7's CR. */
    public static String segments(String text) {
        return text.replace("\r\n", "\r").replace('\n', '\r').strip() + "\r";
    }

    public static byte[] bytes(String text) {
        return segments(text).getBytes(StandardCharsets.UTF_8);
    }

    private static final PipeParser PARSER;

    static {
        ca.uhn.hl7v2.HapiContext context = new ca.uhn.hl7v2.DefaultHapiContext(
                new ca.uhn.hl7v2.parser.CanonicalModelClassFactory("2.5.1"));
        context.setValidationContext(ca.uhn.hl7v2.validation.impl.ValidationContextFactory.noValidation());
        PARSER = context.getPipeParser();
    }

    public static Message parseAck(String ack) throws HL7Exception {
        return PARSER.parse(ack);
    }

    public static String get(Message m, String path) throws HL7Exception {
        return new Terser(m).get(path);
    }

    /** "code@location" for each ERR segment, e.g. "204@IN1-3". */
    public static java.util.List<String> errors(Message ack) throws HL7Exception {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (ca.uhn.hl7v2.model.Structure s : ack.getAll("ERR")) {
            Segment err = (Segment) s;
            String code = PipeParser.encode(err.getField(3, 0), ca.uhn.hl7v2.parser.EncodingCharacters.getInstance(ack));
            String erl = err.getField(2).length == 0 ? "" : PipeParser.encode(err.getField(2, 0),
                    ca.uhn.hl7v2.parser.EncodingCharacters.getInstance(ack));
            out.add(code.split("\\^")[0] + "@" + location(erl));
        }
        return out;
    }

    /** ERL "PID^1^7^1^1" to the short form "PID-7.1", "IN1^2^3" to "IN1[2]-3". */
    static String location(String erl) {
        if (erl.isEmpty()) {
            return "";
        }
        String[] p = erl.split("\\^");
        StringBuilder s = new StringBuilder(p[0]);
        if (p.length > 1 && !p[1].isEmpty() && !p[1].equals("1")) {
            s.append('[').append(p[1]).append(']');
        }
        if (p.length > 2 && !p[2].isEmpty()) {
            s.append('-').append(p[2]);
        }
        if (p.length > 4 && !p[4].isEmpty()) {
            s.append('.').append(p[4]);
        }
        return s.toString();
    }
}
