package com.webptbridge.inbound;

import java.time.Duration;

/**
 * Who hears how messages end (the engine's metrics): told by the commit step when an outcome is
 * recorded and by the acknowledger when the answer leaves. Only vocabulary goes through it (interface
 * id, message type, status, ACK code), never field values.
 */
public interface Outcomes {

    /** Hears nothing. */
    Outcomes NONE = new Outcomes() {};

    /**
     * An outcome was recorded in the journal (or could not be: status {@code NOT_JOURNALED}; or was
     * committed but its disk sync failed, so it was answered AR 207: {@code NOT_DURABLE}).
     *
     * @param type message type and trigger, e.g. {@code ADT^A04}, or {@code unknown}
     */
    default void recorded(String interfaceId, String type, String status, String ack) {}

    /** A claim-readiness rule found something in a posted encounter; {@code action}: warn. */
    default void found(String interfaceId, String rule, String action) {}

    /** The answer to a message left for the sender, {@code latency} after its receipt. */
    default void replied(String interfaceId, Duration latency) {}
}
