package com.webptbridge.hl7;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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
        String byteView = segments(new String(bytes, StandardCharsets.ISO_8859_1));
        MessageHeader asciiHeader = MessageHeader.read(byteView);
        if (asciiHeader == null) {
            Charset charset =
                    Hl7Charsets.decodeUndeclared(bytes, defaultCharset).charset();
            Problem problem = MessageHeader.delimitersOutsideAscii(byteView)
                    ? Sentence.DELIMITERS_NOT_SINGLE_CHARACTERS.at(ErrorLocation.segment("MSH", 1), charset.name())
                    : Sentence.NO_MSH.at(ErrorLocation.segment("MSH", 1));
            return of(arrived, bytes, charset, problem);
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
     * What makes this message this message, whatever time and however it was sent: a SHA-256 of its
     * segments as a parser reads them, with MSH-7 (the time of sending) left out. A resend has the
     * same digest even when it ends its segments in LF or CRLF instead of CR, leaves out the CR after
     * the last segment, or drops (or adds) trailing empty fields or components; a different message
     * that reuses a control ID does not.
     */
    public String digest() {
        return digest(text);
    }

    static String digest(String text) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(canonical(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * The message as its parsed segments say it: each segment ended by one CR, blank lines dropped,
     * MSH-7 emptied, and trailing empty fields (and each field's trailing empty repetitions,
     * components and sub-components) left out. A message already in that form is its own canonical
     * text, so its digest is the one journals before this rule recorded for it.
     */
    static String canonical(String text) {
        String[] segments = text.replace("\r\n", "\r").replace('\n', '\r').split("\r");
        if (segments.length == 0 || !segments[0].startsWith("MSH") || segments[0].length() < 4) {
            return text;
        }
        String msh = segments[0];
        char fs = msh.charAt(3);
        int encodingEnd = msh.indexOf(fs, 4);
        String encoding = encodingEnd < 0 ? msh.substring(4) : msh.substring(4, encodingEnd);
        StringBuilder out = new StringBuilder(text.length());
        for (String segment : segments) {
            if (segment.isBlank()) {
                continue;
            }
            boolean isMsh = segment.startsWith("MSH") && segment.length() > 3 && segment.charAt(3) == fs;
            List<String> fields = new ArrayList<>(List.of(segment.split(Pattern.quote(String.valueOf(fs)), -1)));
            // In MSH, fields[1] is MSH-2 (the encoding characters, never trimmed) and fields[6] is MSH-7.
            for (int i = isMsh ? 2 : 1; i < fields.size(); i++) {
                fields.set(i, isMsh && i == 6 ? "" : withoutTrailing(fields.get(i), encoding));
            }
            while (fields.size() > 1 && fields.get(fields.size() - 1).isEmpty()) {
                fields.remove(fields.size() - 1);
            }
            out.append(String.join(String.valueOf(fs), fields)).append('\r');
        }
        return out.toString();
    }

    /** A field without trailing component, repetition or sub-component separators (empty parts). */
    private static String withoutTrailing(String field, String encoding) {
        int end = field.length();
        while (end > 0 && isSeparator(field.charAt(end - 1), encoding)) {
            end--;
        }
        return field.substring(0, end);
    }

    /** MSH-2's component (1st), repetition (2nd) and sub-component (4th) separators; not the escape. */
    private static boolean isSeparator(char c, String encoding) {
        for (int i = 0; i < encoding.length(); i++) {
            if (i != 2 && encoding.charAt(i) == c) {
                return true;
            }
        }
        return false;
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
