package com.webptbridge.inbound;

import com.webptbridge.hl7.MessageHeader;
import org.slf4j.MDC;

/**
 * Header values as log lines may carry them: printable ASCII, bounded. A malformed message can put
 * anything in the control ID's place, including patient data, so it is cut short and cleaned.
 */
final class LogSafe {

    private static final int MAX = 40;

    private LogSafe() {}

    /**
     * The message's interface, journal id and control ID as MDC fields while a line about it is
     * logged: the JSON log format (bridge.log.format=json) writes them as fields of their own.
     */
    static Fields fields(InFlight m) {
        MDC.put("interface", m.getInterfaceId());
        MDC.put("journal_id", String.valueOf(m.journalId()));
        MDC.put("control_id", controlId(m.header()));
        return new Fields();
    }

    /** Removes the fields {@link #fields} set, in try-with-resources. */
    static final class Fields implements AutoCloseable {
        @Override
        public void close() {
            MDC.remove("interface");
            MDC.remove("journal_id");
            MDC.remove("control_id");
        }
    }

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
