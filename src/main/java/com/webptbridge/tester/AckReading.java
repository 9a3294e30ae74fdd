package com.webptbridge.tester;

import java.util.ArrayList;
import java.util.List;

/**
 * What an ACK says, read without HAPI so that any listener's answer can be reported: MSA-1, MSA-2,
 * MSA-3 and each ERR as {@code code@location} (ERR-3.1 at ERR-2, e.g. {@code 204@FT1[2]-25}).
 */
public record AckReading(String ackCode, String controlId, String text, List<String> errors, List<String> errorTexts) {

    public static AckReading read(String ack) {
        String[] segments = ack.split("[\r\n]+");
        if (segments.length == 0 || !segments[0].startsWith("MSH") || segments[0].length() < 8) {
            return new AckReading("?", "", "not an HL7 message", List.of(), List.of());
        }
        char fs = segments[0].charAt(3);
        char cs = segments[0].charAt(4);
        String fsq = java.util.regex.Pattern.quote(String.valueOf(fs));
        String csq = java.util.regex.Pattern.quote(String.valueOf(cs));
        String code = "?";
        String control = "";
        String text = "";
        List<String> errors = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String segment : segments) {
            String[] f = segment.split(fsq, -1);
            if (f[0].equals("MSA")) {
                code = field(f, 1);
                control = field(f, 2);
                text = unescape(field(f, 3), segments[0]);
            } else if (f[0].equals("ERR")) {
                String err3 = field(f, 3);
                String location = location(field(f, 2), csq);
                if (err3.isEmpty()) { // v2.3 style: ERR-1 = segment^seq^field^code&text&table
                    String[] eld = field(f, 1).split(csq, -1);
                    err3 = eld.length > 3 ? eld[3].split("&")[0] : "";
                    location = location(eld.length > 2 ? eld[0] + cs + eld[1] + cs + eld[2] : field(f, 1), csq);
                }
                errors.add(err3.split(csq)[0] + "@" + location);
                texts.add(unescape(field(f, 8), segments[0]));
            }
        }
        return new AckReading(code, control, text, errors, texts);
    }

    /**
     * Text as a person reads it: HL7 escapes (\\F\\ \\S\\ \\T\\ \\R\\ \\E\\, with the message's own
     * escape character) replaced by the characters they stand for, e.g. {@code ADT^A04}.
     */
    static String unescape(String text, String msh) {
        if (msh.length() < 8 || text.indexOf(msh.charAt(6)) < 0) {
            return text;
        }
        char fs = msh.charAt(3);
        char cs = msh.charAt(4);
        char rs = msh.charAt(5);
        char esc = msh.charAt(6);
        char ss = msh.charAt(7);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == esc && i + 2 < text.length() && text.charAt(i + 2) == esc) {
                char decoded =
                        switch (text.charAt(i + 1)) {
                            case 'F' -> fs;
                            case 'S' -> cs;
                            case 'R' -> rs;
                            case 'E' -> esc;
                            case 'T' -> ss;
                            default -> 0;
                        };
                if (decoded != 0) {
                    out.append(decoded);
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String field(String[] f, int n) {
        return n < f.length ? f[n] : "";
    }

    /** ERL "PID^1^7^1^1" as "PID-7.1"; "IN1^2^3" as "IN1[2]-3"; "MSH^1" as "MSH". */
    static String location(String erl, String componentSeparator) {
        if (erl.isEmpty()) {
            return "";
        }
        String[] p = erl.split(componentSeparator, -1);
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
