package com.webptbridge.store;

import java.time.Instant;

/** What is journaled on arrival, before anything else is done with a message. */
public record Receipt(
        Instant receivedAt,
        String remoteAddress,
        String sendingApplication,
        String sendingFacility,
        String controlId,
        String messageType,
        String triggerEvent,
        String version,
        String charset,
        int sizeBytes,
        String rawMessage) {}
