package com.webptbridge.engine;

import com.webptbridge.api.AdminApi;
import com.webptbridge.api.SlowClients;
import com.webptbridge.transport.ConnectionClosures;
import com.webptbridge.transport.Tls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the HTTP API listens, from the {@code bridge.http.*} settings: address, TLS, host names, body
 * limit, slow clients, the console's session timeouts.
 */
final class HttpOptions {

    private static final Logger LOG = LoggerFactory.getLogger(HttpOptions.class);

    private HttpOptions() {}

    static AdminApi.Options of(Settings settings, ConnectionClosures closures) {
        Tls.Store keystore = null;
        if (settings.getBoolean("bridge.http.tls")) {
            keystore = TlsStores.read(settings, "bridge.tls.keystore");
            if (keystore == null) {
                throw new IllegalStateException(
                        "bridge.http.tls=true needs bridge.tls.keystore (PKCS12) and its password");
            }
        }
        String host = settings.get("bridge.http.host");
        return new AdminApi.Options(
                host,
                settings.getInt("bridge.http.port"),
                keystore == null ? null : keystore.file(),
                keystore == null ? null : keystore.password(),
                allowedHosts(settings.getList("bridge.http.allowed-hosts"), host),
                settings.getInt("bridge.http.max-body-bytes"),
                Long.parseLong(settings.get("bridge.http.max-upload-bytes")),
                new SlowClients.Bounds(
                        Duration.ofSeconds(settings.getInt("bridge.http.request-timeout-seconds")),
                        settings.getInt("bridge.http.max-connections-per-address"),
                        closures),
                new AdminApi.Sessions(
                        Duration.ofSeconds(positive(settings, "bridge.http.session-idle-seconds")),
                        Duration.ofHours(positive(settings, "bridge.http.session-max-hours"))));
    }

    /** A setting that must be above 0: a session timeout of 0 would refuse every login at once. */
    private static int positive(Settings settings, String key) {
        int v = settings.getInt(key);
        if (v <= 0) {
            throw new IllegalStateException("Setting " + key + " must be above 0, was " + v);
        }
        return v;
    }

    /**
     * The Host headers the API answers (against DNS rebinding): the configured names, or by default
     * the bind address, localhost, loopback and this machine's names.
     */
    static Set<String> allowedHosts(Set<String> configured, String bindAddress) {
        Set<String> hosts = new LinkedHashSet<>();
        if (!configured.isEmpty()) {
            configured.forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
            return hosts;
        }
        if (!bindAddress.equals("0.0.0.0") && !bindAddress.equals("::")) {
            hosts.add(bindAddress.toLowerCase(Locale.ROOT));
        }
        hosts.addAll(List.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1"));
        try {
            InetAddress self = InetAddress.getLocalHost();
            hosts.add(self.getHostName().toLowerCase(Locale.ROOT));
            hosts.add(self.getCanonicalHostName().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            LOG.warn(
                    "This machine's name is unknown; the API answers to localhost only (see bridge.http.allowed-hosts)");
        }
        return hosts;
    }
}
