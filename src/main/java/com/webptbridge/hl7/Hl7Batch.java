package com.webptbridge.hl7;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A file of HL7 v2 messages as senders write them: one message or many, with or without the batch
 * segments (FHS/BHS ... BTS/FTS), with CR, LF or CRLF line ends, perhaps a byte-order mark. Read
 * byte for byte (as ISO-8859-1, which maps every byte to one char and back), so each message keeps
 * its own bytes and {@link InboundMessage} still decides its charset from its MSH-18.
 *
 * <p>Shared by the initial patient load and the file drop: both hand each message to the same flow
 * as an MLLP frame.
 */
public record Hl7Batch(String fileHeader, String batchHeader, List<byte[]> messages, String problem) {

    /** The file's text had no MSH segment, or text before the first one that is not a batch segment. */
    public boolean isHl7() {
        return problem == null;
    }

    /** Whether the file was sent as an HL7 batch (FHS or BHS present): its answer is then a batch of ACKs. */
    public boolean isBatch() {
        return fileHeader != null || batchHeader != null;
    }

    public static Hl7Batch read(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        if (text.startsWith("\u00EF\u00BB\u00BF")) { // UTF-8 byte-order mark, as bytes
            text = text.substring(3);
        }
        String fhs = null;
        String bhs = null;
        List<byte[]> messages = new ArrayList<>();
        StringBuilder current = null;
        int lineNumber = 0;
        for (String line : text.split("\r\n|\r|\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String segment = line.length() >= 3 ? line.substring(0, 3) : line;
            switch (segment) {
                case "FHS" -> fhs = line;
                case "BHS" -> bhs = line;
                case "BTS", "FTS" -> {}
                case "MSH" -> {
                    add(messages, current);
                    current = new StringBuilder(line);
                }
                default -> {
                    if (current == null) {
                        return new Hl7Batch(
                                fhs,
                                bhs,
                                List.of(),
                                "line " + lineNumber + " is not an HL7 segment before the first MSH: the file is"
                                        + " not HL7 v2 messages");
                    }
                    current.append('\r').append(line);
                }
            }
        }
        add(messages, current);
        if (messages.isEmpty()) {
            return new Hl7Batch(fhs, bhs, List.of(), "the file holds no MSH segment: it is not HL7 v2 messages");
        }
        return new Hl7Batch(fhs, bhs, List.copyOf(messages), null);
    }

    private static void add(List<byte[]> messages, StringBuilder message) {
        if (message != null) {
            messages.add(message.append('\r').toString().getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
