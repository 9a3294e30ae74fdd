package com.webptbridge.transport;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** How many MLLP connections the engine closed, by reason (the bridge_mllp_connections_closed counter). */
public final class ConnectionClosures {

    /** Why the engine closed a connection. */
    public enum Reason {
        /** The listener's cap (or the share of it for unknown senders) was full. */
        CAP,
        /** The sender's address had bridge.mllp.max-connections-per-address open already. */
        PER_ADDRESS,
        /** No frame for bridge.mllp.idle-timeout-seconds. */
        IDLE,
        /** The TLS handshake failed or did not finish within bridge.mllp.tls.handshake-timeout-ms. */
        HANDSHAKE;

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

    void closed(Reason reason) {
        counts.get(reason).increment();
    }

    public long count(Reason reason) {
        return counts.get(reason).sum();
    }
}
