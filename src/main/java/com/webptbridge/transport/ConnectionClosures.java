package com.webptbridge.transport;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many connections a listener closed, by reason: one instance for MLLP
 * (bridge_mllp_connections_closed_total) and one for the HTTP API (bridge_http_connections_closed_total).
 */
public final class ConnectionClosures {

    /** Why the engine closed a connection. */
    public enum Reason {
        /** MLLP: the listener's cap (or the share of it for unknown senders) was full. */
        CAP,
        /** The client's address had its connections open already (bridge.mllp / bridge.http .max-connections-per-address). */
        PER_ADDRESS,
        /**
         * Nothing sent: MLLP, no frame for bridge.mllp.idle-timeout-seconds; HTTP, no next request on a
         * kept-alive connection within bridge.http.request-timeout-seconds.
         */
        IDLE,
        /** The TLS handshake failed or did not finish within bridge.mllp.tls.handshake-timeout-ms. */
        HANDSHAKE,
        /** HTTP: a request's headers did not all arrive within bridge.http.request-timeout-seconds. */
        HEADERS,
        /** HTTP: a request's body did not all arrive within bridge.http.request-timeout-seconds. */
        BODY;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<Reason, LongAdder> counts = new EnumMap<>(Reason.class);

    public ConnectionClosures() {
        for (Reason r : Reason.values()) {
            counts.put(r, new LongAdder());
        }
    }

    public void closed(Reason reason) {
        counts.get(reason).increment();
    }

    public long count(Reason reason) {
        return counts.get(reason).sum();
    }
}
