package com.webptbridge.store.journal;

import java.util.List;

/**
 * How a message's processing attempt ended: written to the journal with the ACK that was sent.
 * {@code sandbox}: the message was test traffic, processed into its interface's test sandbox (the
 * journal keeps the mark once set, so a reprocess after go-live stays out of live data).
 */
public record Completion(
        MessageStatus status,
        String ackCode,
        String ackMessage,
        String patientId,
        List<String> notes,
        List<MessageError> errors,
        Long duplicateOf,
        boolean sandbox) {

    public Completion {
        notes = List.copyOf(notes);
        errors = List.copyOf(errors);
    }

    /** An outcome of live traffic. */
    public Completion(
            MessageStatus status,
            String ackCode,
            String ackMessage,
            String patientId,
            List<String> notes,
            List<MessageError> errors,
            Long duplicateOf) {
        this(status, ackCode, ackMessage, patientId, notes, errors, duplicateOf, false);
    }
}
