package com.webptbridge.store.journal;

import java.time.Instant;
import java.util.List;

/**
 * A journaled message as the API and operators see it; {@code rawMessage} only when asked for.
 * {@code sandbox}: test traffic, processed into its interface's test sandbox.
 */
public record JournalEntry(
        long id,
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
        MessageStatus status,
        String patientId,
        String ackCode,
        String ackMessage,
        List<String> notes,
        Long duplicateOf,
        int attempts,
        Instant completedAt,
        List<MessageError> errors,
        String rawMessage,
        boolean sandbox) {

    /** The same entry with its latest attempt's errors (read in one query for a whole page). */
    JournalEntry withErrors(List<MessageError> latestErrors) {
        return new JournalEntry(
                id,
                receivedAt,
                remoteAddress,
                sendingApplication,
                sendingFacility,
                controlId,
                messageType,
                triggerEvent,
                version,
                charset,
                sizeBytes,
                status,
                patientId,
                ackCode,
                ackMessage,
                notes,
                duplicateOf,
                attempts,
                completedAt,
                latestErrors,
                rawMessage,
                sandbox);
    }
}
