package com.webptbridge.support;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;

import java.nio.charset.StandardCharsets;

/** Reading ACKs in tests with HAPI itself, so a test also proves HAPI accepts what the engine sends. */
public final class Hl7Text {

    private Hl7Text() {}

    public static byte[] bytes(String text) {
        return com.webptbridge.tester.MessageFiles.segments(text).getBytes(StandardCharsets.UTF_8);
    }

    private static final com.webptbridge.hl7.Hl7Parser PARSER = new com.webptbridge.hl7.Hl7Parser();

    public static Message parseAck(String ack) throws HL7Exception {
        return PARSER.parse(ack);
    }

    public static String get(Message m, String path) throws HL7Exception {
        return new Terser(m).get(path);
    }

    /** "code@location" for each ERR segment, e.g. "204@IN1-3", read as `bridge replay` reads it. */
    public static java.util.List<String> errors(Message ack) throws HL7Exception {
        return com.webptbridge.tester.AckReading.read(ack.encode()).errors();
    }
}
