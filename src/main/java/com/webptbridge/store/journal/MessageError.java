package com.webptbridge.store.journal;

/**
 * One problem recorded against a journaled message: what the ERR segment said, and the reference
 * the message waits for when one would fix it (kind and key, else null).
 */
public record MessageError(
        int hl7Code, String reason, String location, String text, String waitingKind, String waitingKey) {}
