package com.webptbridge.store.journal;

import java.util.List;

/** How a message's processing attempt ended: written to the journal with the ACK that was sent. */
public record Completion(
        MessageStatus status,
        String ackCode,
        String ackMessage,
        String patientId,
        List<String> notes,
        List<MessageError> errors,
        Long duplicateOf) {

    public Completion {
        notes = List.copyOf(notes);
        errors = List.copyOf(errors);
    }
}
