package com.webptbridge.store;

/** One problem recorded against a journaled message: what the ERR segment said. */
public record MessageError(int hl7Code, String reason, String location, String text) {
}
