package com.webptbridge.hl7;

import com.webptbridge.billing.WaitingFor;
import com.webptbridge.billing.WaitingKind;

/**
 * One thing wrong with a message: why (reason and its 0357 code), where, and a plain sentence that
 * tells the clinic or the analyst what to do. Problems are collected, not thrown, so one NAK can
 * list them all. A problem that a reference record would fix names it in {@code waitingFor}.
 */
public record Problem(NakReason reason, ErrorLocation location, String sentence, WaitingFor waitingFor) {

    public Problem(NakReason reason, ErrorLocation location, String sentence) {
        this(reason, location, sentence, null);
    }

    /** A problem that goes away once this reference exists: the message waits for it. */
    public Problem waitingFor(WaitingKind kind, String key) {
        return new Problem(reason, location, sentence, new WaitingFor(kind, key));
    }
}
