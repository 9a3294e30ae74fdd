package com.webptbridge.engine;

import com.webptbridge.hl7.InboundMessage;

/**
 * A frame after intake: read as HL7 text and journaled. {@code journalId} is null when the journal
 * could not be written, in which case the message must not be acknowledged as accepted.
 */
public record Arrival(Long journalId, InboundMessage message) {
}
