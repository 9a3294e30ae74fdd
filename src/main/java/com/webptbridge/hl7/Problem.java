package com.webptbridge.hl7;

/**
 * One thing wrong with a message: why (reason and its 0357 code), where, and a plain sentence that
 * tells the clinic or the analyst what to do. Problems are collected, not thrown, so one NAK can
 * list them all.
 */
public record Problem(NakReason reason, ErrorLocation location, String sentence) {
}
