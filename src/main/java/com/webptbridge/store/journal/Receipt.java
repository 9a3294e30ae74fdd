package com.webptbridge.store.journal;

import java.time.Instant;

/**
 * What is journaled on arrival, before anything else is done with a message. {@code contentDigest}
 * is the message's content digest (InboundMessage.digest), null when it could not be read.
 */
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
        String rawMessage,
        String contentDigest) {}
