package com.webptbridge.tester;

import com.webptbridge.hl7.InboundMessage;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * HL7 messages from files as testers keep them: one or several messages a file, segments ending in
 * LF, CRLF or CR (normalised to CR), each message starting at an MSH line; a folder means its
 * .hl7/.txt files in name order.
 */
public final class MessageFiles {

    private MessageFiles() {}

    /**
     * One message read from a file, in the charset its MSH-18 declares (UTF-8 otherwise), and the
     * bytes to send: its text with CR segment ends, or the file's bytes unchanged ({@code raw}).
     */
    public record FileMessage(Path file, int index, String text, Charset charset, byte[] bytes) {}

    public static List<FileMessage> read(List<Path> paths) throws IOException {
        return read(paths, false);
    }

    /**
     * @param raw each file is one message, sent byte for byte as it is stored (its line ends, a
     *     byte-order mark): how another system's sample is replayed exactly
     */
    public static List<FileMessage> read(List<Path> paths, boolean raw) throws IOException {
        List<FileMessage> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.list(p)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".hl7")
                                    || f.toString().endsWith(".txt"))
                            .sorted()
                            .toList()) {
                        out.addAll(raw ? List.of(rawFile(f)) : readFile(f));
                    }
                }
            } else {
                out.addAll(raw ? List.of(rawFile(p)) : readFile(p));
            }
        }
        return out;
    }

    static List<FileMessage> readFile(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        InboundMessage whole = InboundMessage.read(bytes, java.nio.charset.StandardCharsets.UTF_8);
        String text = segments(whole.text());
        List<FileMessage> out = new ArrayList<>();
        int start = 0;
        int index = 1;
        while (start < text.length()) {
            int next = text.indexOf("\rMSH", start + 1);
            int end = next < 0 ? text.length() : next + 1;
            String message = text.substring(start, end);
            if (!message.isBlank()) {
                out.add(new FileMessage(file, index++, message, whole.charset(), message.getBytes(whole.charset())));
            }
            start = end;
        }
        return out;
    }

    private static FileMessage rawFile(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        InboundMessage read = InboundMessage.read(bytes, java.nio.charset.StandardCharsets.UTF_8);
        return new FileMessage(file, 1, read.text(), read.charset(), bytes);
    }

    /** Segment text: line ends of any kind become HL7's CR, blank lines are dropped. */
    public static String segments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            if (!line.isBlank()) {
                out.append(line).append('\r');
            }
        }
        return out.toString();
    }
}
