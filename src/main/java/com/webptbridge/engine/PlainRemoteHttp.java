package com.webptbridge.engine;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The HTTP API on an address beyond this machine without TLS: Basic passwords, tokens and patient
 * data would cross the network in clear. The start is refused unless {@code bridge.http.tls=true}
 * or the operator says {@code bridge.http.allow-plain-remote=true} on purpose (a TLS-terminating
 * proxy or a private network); then every start warns.
 */
final class PlainRemoteHttp {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "::1", "0:0:0:0:0:0:0:1", "[::1]");
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private PlainRemoteHttp() {}

    /** Throws before any port opens when the API would listen plainly beyond the loopback; otherwise the warning to log, if any. */
    static Optional<String> check(Settings settings) {
        String host = settings.get("bridge.http.host").strip();
        if (loopback(host) || settings.getBoolean("bridge.http.tls")) {
            return Optional.empty();
        }
        if (!settings.getBoolean("bridge.http.allow-plain-remote")) {
            throw new IllegalStateException("bridge.http.host=" + host
                    + " listens beyond this machine without TLS, so passwords and patient data would cross"
                    + " the network in clear: set bridge.http.tls=true (with bridge.tls.keystore), or"
                    + " bridge.http.allow-plain-remote=true when a TLS proxy or a private network protects it");
        }
        return Optional.of("The HTTP API listens on " + host + " without TLS (bridge.http.allow-plain-remote=true):"
                + " passwords and patient data cross the network in clear unless a TLS proxy or a private"
                + " network protects it; bridge.http.tls=true encrypts it");
    }

    static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return LOOPBACK_NAMES.contains(h) || LOOPBACK_V4.matcher(h).matches();
    }
}
