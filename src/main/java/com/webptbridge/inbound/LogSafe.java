package com.webptbridge.inbound;

import com.webptbridge.hl7.MessageHeader;

/**
 * Header values as log lines may carry them: printable ASCII, bounded. A malformed message can put
 * anything in the control ID's place, including patient data, so it is cut short and cleaned.
 */
final class LogSafe {

    private static final int MAX = 40;

    private LogSafe() {}

    static String controlId(MessageHeader h) {
        return h == null ? "-" : clean(h.controlId());
    }

    static String type(MessageHeader h) {
        return h == null ? "-" : clean(h.messageCode()) + "^" + clean(h.triggerEvent());
    }

    private static String clean(String value) {
        StringBuilder s = new StringBuilder(Math.min(value.length(), MAX));
        for (int i = 0; i < value.length() && s.length() < MAX; i++) {
            char c = value.charAt(i);
            s.append(c >= 0x21 && c <= 0x7e ? c : '?');
        }
        return s.length() == 0 ? "-" : s.toString();
    }
}
