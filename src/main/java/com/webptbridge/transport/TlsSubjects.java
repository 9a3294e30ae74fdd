package com.webptbridge.transport;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The TLS client certificate subjects an interface takes messages from: RFC 2253 names
 * ({@code CN=webpt-prod,O=WebPT}), compared as the JDK writes them, or patterns with {@code *}
 * ({@code CN=webpt-*,O=WebPT}, a {@code *} within one value), case-insensitive; an entry that is a
 * CN alone ({@code CN=webpt-*}) is compared with the certificate's CN only. Unlike {@link KnownSenders}' subjects (room on
 * the listener), this list refuses: a message from any other certificate is answered AR.
 */
public final class TlsSubjects {

    private TlsSubjects() {}

    /** Refuses an entry that is neither a distinguished name nor a pattern, naming it. */
    public static void check(String entry) {
        if (entry == null || entry.isBlank()) {
            throw new IllegalArgumentException("tlsSubjects has an empty entry: write a certificate subject such as"
                    + " CN=webpt-prod,O=WebPT, or a pattern such as CN=webpt-*");
        }
        if (!entry.contains("*")) {
            try {
                new X500Principal(entry.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tlsSubjects entry '" + entry
                        + "' is not a certificate subject (CN=webpt-prod,O=WebPT) nor a pattern (CN=webpt-*)");
            }
        }
    }

    /** Whether {@code subject} (RFC 2253, as the JDK writes it; null or empty: no certificate) is one of {@code entries}. */
    public static boolean allows(List<String> entries, String subject) {
        if (subject == null || subject.isEmpty()) {
            return false;
        }
        String actual = normalise(subject);
        for (String entry : entries) {
            // an entry that is one CN alone is a CN pattern: compared with the certificate's CN only
            String compared = cnAlone(entry) ? "CN=" + commonName(actual) : actual;
            if (entry.contains("*")
                    ? glob(entry).matcher(compared).matches()
                    : normalise(entry).equalsIgnoreCase(compared)) {
                return true;
            }
        }
        return false;
    }

    private static boolean cnAlone(String entry) {
        String e = entry.trim();
        return e.regionMatches(true, 0, "CN=", 0, 3) && !e.replace("\\,", "").contains(",");
    }

    private static String commonName(String subject) {
        try {
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            // not a name: no CN
        }
        return "";
    }

    /** {@code *} is any text within one value (not a comma); the rest literal, no space after a comma. */
    private static Pattern glob(String entry) {
        String[] parts = entry.trim().replaceAll(",\\s+", ",").split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : "[^,]*").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    private static String normalise(String subject) {
        try {
            return new X500Principal(subject.trim()).getName();
        } catch (IllegalArgumentException e) {
            return subject.trim().toLowerCase(Locale.ROOT);
        }
    }
}
