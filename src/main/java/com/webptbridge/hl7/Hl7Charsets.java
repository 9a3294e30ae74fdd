package com.webptbridge.hl7;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HL7 table 0211 (MSH-18) names mapped to Java charsets, and the decoding of a frame's bytes into
 * message text. The header is ASCII in every supported charset, so it is read first from a lossless
 * single-byte view, and then the whole frame is decoded in the charset it declares.
 */
public final class Hl7Charsets {

    private static final Map<String, Charset> BY_HL7_NAME = Map.ofEntries(
            Map.entry("ASCII", StandardCharsets.US_ASCII),
            Map.entry("8859/1", StandardCharsets.ISO_8859_1),
            Map.entry("8859/2", Charset.forName("ISO-8859-2")),
            Map.entry("8859/3", Charset.forName("ISO-8859-3")),
            Map.entry("8859/4", Charset.forName("ISO-8859-4")),
            Map.entry("8859/5", Charset.forName("ISO-8859-5")),
            Map.entry("8859/6", Charset.forName("ISO-8859-6")),
            Map.entry("8859/7", Charset.forName("ISO-8859-7")),
            Map.entry("8859/8", Charset.forName("ISO-8859-8")),
            Map.entry("8859/9", Charset.forName("ISO-8859-9")),
            Map.entry("8859/15", Charset.forName("ISO-8859-15")),
            Map.entry("UNICODE UTF-8", StandardCharsets.UTF_8),
            Map.entry("UNICODE", StandardCharsets.UTF_8));

    private Hl7Charsets() {}

    /** The Java charset for an MSH-18 value, empty when the name is not one we support. */
    public static Optional<Charset> forHl7Name(String name) {
        return Optional.ofNullable(BY_HL7_NAME.get(name.trim().toUpperCase(Locale.ROOT)));
    }

    /**
     * Decodes bytes with no declared charset: strictly as the configured default when they are valid
     * in it, otherwise as ISO-8859-1, which senders without MSH-18 most often mean when they send
     * accented letters as single bytes.
     */
    public static DecodedText decodeUndeclared(byte[] bytes, Charset preferred) {
        try {
            String text = preferred
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new DecodedText(text, preferred);
        } catch (CharacterCodingException e) {
            return new DecodedText(new String(bytes, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
        }
    }

    /** Text and the charset it was read in (the ACK goes back in the same charset). */
    public record DecodedText(String text, Charset charset) {}
}
