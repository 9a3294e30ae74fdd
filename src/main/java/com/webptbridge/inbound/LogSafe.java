package com.webptbridge.inbound;

import com.webptbridge.hl7.MessageHeader;
import org.slf4j.MDC;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Header values as log lines may carry them: printable ASCII, bounded. A malformed message can put
 * anything in the control ID's place, including patient data, so it is cut short and cleaned.
 */
final class LogSafe {

    private static final int MAX = 40;
    private static final Pattern CONTROL_ID = Pattern.compile("(?=[^0-9]*[0-9])[A-Za-z0-9][A-Za-z0-9._-]{0,19}");
    private static final Pattern SSN_SHAPED = Pattern.compile("[0-9]{3}-?[0-9]{2}-?[0-9]{4}");
    private static final byte[] KEY = new SecureRandom().generateSeed(32);

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

    /**
     * MSH-10 as a log field. One that looks like a control ID (letters, digits, '.', '-', '_', at
     * most 20, at least one digit, not shaped like an SSN) is written as it is, so a line can be found
     * in the journal. Anything else may be patient data in the wrong field (a name, an SSN), so it is
     * written as a short keyed hash: two lines about one message still match, and the key, new at each
     * start, keeps the hash of a guessable value (an SSN) from being looked up.
     */
    static String controlId(MessageHeader h) {
        if (h == null || h.controlId().isEmpty()) {
            return "-";
        }
        String id = h.controlId();
        return CONTROL_ID.matcher(id).matches() && !SSN_SHAPED.matcher(id).matches() ? id : "#" + hash(id);
    }

    private static String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 5);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
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
