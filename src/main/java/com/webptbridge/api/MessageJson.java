package com.webptbridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.webptbridge.store.journal.Journal;
import com.webptbridge.store.journal.JournalEntry;
import com.webptbridge.store.journal.MessageError;
import com.webptbridge.store.journal.MessageStatus;

import java.time.Instant;
import java.util.List;

/**
 * A journal entry in {@code GET /api/messages} and {@code GET /api/messages/{id}}. The raw message
 * is there only when asked for ({@code ?raw=true}), the attempt history only for one message.
 */
record MessageJson(
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
        String ack,
        List<ErrorJson> errors,
        List<String> notes,
        Long duplicateOf,
        int attempts,
        Instant completedAt,
        boolean test,
        @JsonInclude(JsonInclude.Include.NON_NULL) String rawMessage,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Journal.Attempt> attemptHistory) {

    /** One ERR the message was answered with; what it waits for stays in the worklist. */
    record ErrorJson(int code, String reason, String location, String text) {

        static ErrorJson of(MessageError e) {
            return new ErrorJson(e.hl7Code(), e.reason(), e.location(), e.text());
        }
    }

    /** An entry in the list: no attempt history. */
    static MessageJson of(JournalEntry e) {
        return of(e, null);
    }

    static MessageJson of(JournalEntry e, List<Journal.Attempt> attemptHistory) {
        return new MessageJson(
                e.id(),
                e.receivedAt(),
                e.remoteAddress(),
                e.sendingApplication(),
                e.sendingFacility(),
                e.controlId(),
                e.messageType(),
                e.triggerEvent(),
                e.version(),
                e.charset(),
                e.sizeBytes(),
                e.status(),
                e.patientId(),
                e.ackCode(),
                e.ackMessage(),
                e.errors().stream().map(ErrorJson::of).toList(),
                e.notes(),
                e.duplicateOf(),
                e.attempts(),
                e.completedAt(),
                e.sandbox(),
                e.rawMessage(),
                attemptHistory);
    }
}
