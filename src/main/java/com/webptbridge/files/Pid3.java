package com.webptbridge.files;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The patient IDs a message's PID-3 lists (each repetition's first component), read from the raw
 * text with the message's own delimiters: which patient a load's message is about before the flow
 * has parsed it, to keep one patient's messages in order and to see what the message changed.
 */
final class Pid3 {

    private Pid3() {}

    static List<String> ids(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("MSH") || text.length() < 8) {
            return List.of();
        }
        char field = text.charAt(3);
        char component = text.charAt(4);
        char repetition = text.charAt(5);
        for (String segment : text.split("[\r\n]+")) {
            if (segment.startsWith("PID" + field)) {
                String[] fields = segment.split(java.util.regex.Pattern.quote(String.valueOf(field)), -1);
                if (fields.length < 4) {
                    return List.of();
                }
                List<String> ids = new ArrayList<>();
                for (String rep : fields[3].split(java.util.regex.Pattern.quote(String.valueOf(repetition)))) {
                    int end = rep.indexOf(component);
                    String id = (end < 0 ? rep : rep.substring(0, end)).strip();
                    if (!id.isEmpty()) {
                        ids.add(id);
                    }
                }
                return ids;
            }
        }
        return List.of();
    }

    /** The first ID, or "" when PID-3 has none. */
    static String first(byte[] message) {
        List<String> ids = ids(message);
        return ids.isEmpty() ? "" : ids.get(0);
    }
}
