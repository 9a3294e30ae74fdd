package com.webptbridge.hl7;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A frame's bytes read as HL7 text. Tolerant about form: a UTF-8 byte-order mark before MSH is
 * skipped and segments may end in CR, LF or CRLF; {@link #text()} is the message with those
 * normalised (what the parser reads), {@link #received()} the text as it arrived (what the journal
 * keeps). When the bytes cannot be read as an HL7 message, {@link #problem()} says why and the
 * header may be missing.
 */
public record InboundMessage(String received, String text, Charset charset, MessageHeader header, Problem problem) {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public static InboundMessage read(byte[] arrived, Charset defaultCharset) {
        byte[] bytes = withoutBom(arrived);
        // Every supported charset writes the header in ASCII, so a byte-for-byte view finds MSH-18.
        MessageHeader asciiHeader = MessageHeader.read(segments(new String(bytes, StandardCharsets.ISO_8859_1)));
        if (asciiHeader == null) {
            Charset charset =
                    Hl7Charsets.decodeUndeclared(bytes, defaultCharset).charset();
            return of(arrived, bytes, charset, Sentence.NO_MSH.at(ErrorLocation.segment("MSH", 1)));
        }
        String declared = asciiHeader.characterSet();
        if (declared.isEmpty()) {
            return of(
                    arrived,
                    bytes,
                    Hl7Charsets.decodeUndeclared(bytes, defaultCharset).charset(),
                    null);
        }
        Optional<Charset> charset = Hl7Charsets.forHl7Name(declared);
        if (charset.isEmpty()) {
            return of(
                    arrived,
                    bytes,
                    StandardCharsets.ISO_8859_1,
                    Sentence.UNKNOWN_CHARSET.at(ErrorLocation.field("MSH", 1, 18), declared));
        }
        return of(arrived, bytes, charset.get(), null);
    }

    private static InboundMessage of(byte[] arrived, byte[] message, Charset charset, Problem problem) {
        String received = new String(arrived, charset);
        String text = segments(arrived == message ? received : new String(message, charset));
        MessageHeader header = MessageHeader.read(text);
        if (header == null && problem == null) {
            // The byte view had a header, the decoded text has none: a delimiter is a multi-byte character
            // in this charset (found by fuzzing), so no field can be split the way the sender meant.
            problem = Sentence.DELIMITERS_NOT_SINGLE_CHARACTERS.at(ErrorLocation.segment("MSH", 1), charset.name());
        }
        return new InboundMessage(received, text, charset, header, problem);
    }

    /** The same message with another problem (for one found outside the text, e.g. its size). */
    public InboundMessage withProblem(Problem another) {
        return new InboundMessage(received, text, charset, header, another);
    }

    public boolean readable() {
        return problem == null;
    }

    /**
     * What makes this message this message, whatever time it was sent: a SHA-256 of the text with
     * MSH-7 (the time of sending) left out. A resend has the same digest; a different message that
     * reuses a control ID does not.
     */
    public String digest() {
        return digest(text);
    }

    static String digest(String text) {
        String withoutSendTime = text;
        int end = text.indexOf('\r');
        String msh = end < 0 ? text : text.substring(0, end);
        if (msh.startsWith("MSH") && msh.length() > 3) {
            char fs = msh.charAt(3);
            int field = 1; // MSH-1 is the separator itself: field n starts after the (n-1)th separator
            int from = -1;
            for (int i = 3; i < msh.length(); i++) {
                if (msh.charAt(i) == fs) {
                    field++;
                    if (field == 7) {
                        from = i + 1;
                    } else if (field == 8) {
                        withoutSendTime = text.substring(0, from) + text.substring(i);
                        break;
                    }
                }
            }
            if (from >= 0 && field == 7) {
                withoutSendTime = text.substring(0, from) + text.substring(msh.length());
            }
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(withoutSendTime.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Segments as HL7 separates them: CRLF and LF become CR, and blank lines between segments are dropped. */
    static String segments(String text) {
        if (text.indexOf('\n') < 0 && !text.contains("\r\r")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (String segment : text.replace("\r\n", "\r").replace('\n', '\r').split("\r")) {
            if (!segment.isBlank()) {
                out.append(segment).append('\r');
            }
        }
        return out.toString();
    }

    private static byte[] withoutBom(byte[] bytes) {
        if (bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2]) {
            byte[] out = new byte[bytes.length - 3];
            System.arraycopy(bytes, 3, out, 0, out.length);
            return out;
        }
        return bytes;
    }
}
