package com.webptbridge.hl7;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A frame's bytes read as HL7 text: the text, the charset it was read in and its header. When the
 * bytes cannot be read as an HL7 message, {@link #problem()} says why and the header may be missing.
 */
public record InboundMessage(String text, Charset charset, MessageHeader header, Problem problem) {

    public static InboundMessage read(byte[] bytes, Charset defaultCharset) {
        // Every supported charset writes the header in ASCII, so a byte-for-byte view finds MSH-18.
        MessageHeader asciiHeader = MessageHeader.read(new String(bytes, StandardCharsets.ISO_8859_1));
        if (asciiHeader == null) {
            String text = Hl7Charsets.decodeUndeclared(bytes, defaultCharset).text();
            return new InboundMessage(
                    text,
                    defaultCharset,
                    null,
                    NakReason.NOT_HL7.at(
                            ErrorLocation.segment("MSH", 1),
                            "The message does not start with a valid MSH segment (field separator and encoding characters): "
                                    + "it was not read as HL7 v2. Check the interface's message format."));
        }
        String declared = asciiHeader.characterSet();
        if (declared.isEmpty()) {
            Hl7Charsets.DecodedText decoded = Hl7Charsets.decodeUndeclared(bytes, defaultCharset);
            return new InboundMessage(decoded.text(), decoded.charset(), MessageHeader.read(decoded.text()), null);
        }
        Optional<Charset> charset = Hl7Charsets.forHl7Name(declared);
        if (charset.isEmpty()) {
            return new InboundMessage(
                    new String(bytes, StandardCharsets.ISO_8859_1),
                    StandardCharsets.ISO_8859_1,
                    asciiHeader,
                    NakReason.UNKNOWN_CHARSET.at(
                            ErrorLocation.field("MSH", 1, 18),
                            "Character set '" + declared + "' (MSH-18) is not supported: send ASCII, 8859/1 or "
                                    + "UNICODE UTF-8."));
        }
        String text = new String(bytes, charset.get());
        return new InboundMessage(text, charset.get(), MessageHeader.read(text), null);
    }

    public boolean readable() {
        return problem == null;
    }
}
