package com.webptbridge.mapping;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;

/**
 * Decodes HL7's {@code \Xhh...\} escape (bytes in the message's charset) and drops the formatting
 * escapes ({@code \H\ \N\}) that HAPI leaves in values. HAPI already decodes \F\ \S\ \T\ \R\ \E\.
 */
final class HexEscapes {

    private HexEscapes() {}

    static String decode(String value, char escape, Charset charset) {
        if (value.indexOf(escape) < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            int close = c == escape ? value.indexOf(escape, i + 1) : -1;
            if (close > i + 1) {
                String body = value.substring(i + 1, close);
                if (body.length() > 1 && (body.charAt(0) == 'X' || body.charAt(0) == 'x') && isHex(body.substring(1))) {
                    out.append(hexToText(body.substring(1), charset));
                    i = close + 1;
                    continue;
                }
                if (body.equals("H") || body.equals("N")) {
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean isHex(String s) {
        if (s.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String hexToText(String hex, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(hex.length() / 2);
        for (int i = 0; i < hex.length(); i += 2) {
            bytes.write(Integer.parseInt(hex.substring(i, i + 2), 16));
        }
        return new String(bytes.toByteArray(), charset);
    }
}
